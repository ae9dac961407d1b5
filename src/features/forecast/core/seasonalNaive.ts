// Seasonal naive: each future period repeats the same period one season earlier; with no
// full season of history it is the plain naive forecast (the last value).

export interface NaiveForecast {
  readonly mean: number[];
  readonly sd: number[];
  readonly period: number;
}

/** Intervals as in Hyndman & Athanasopoulos (fpp3 §5.5): σ·√(k+1), k = ⌊(h−1)/m⌋. */
export function seasonalNaive(y: readonly number[], period: number, horizon: number): NaiveForecast {
  const m = y.length >= period ? period : 1;
  const n = y.length;
  const residuals: number[] = [];
  for (let t = m; t < n; t++) residuals.push((y[t] ?? 0) - (y[t - m] ?? 0));
  const sigma = residuals.length ? Math.sqrt(residuals.reduce((s, e) => s + e * e, 0) / residuals.length) : Number.NaN;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    const k = Math.floor((h - 1) / m);
    mean.push(y[n - m + ((h - 1) % m)] ?? Number.NaN);
    sd.push(sigma * Math.sqrt(k + 1));
  }
  return { mean, sd, period: m };
}

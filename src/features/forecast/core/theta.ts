// The Theta method (Assimakopoulos & Nikolopoulos 2000) in the form Hyndman & Billah (2003)
// showed it to be: simple exponential smoothing plus a drift of half the series' linear slope,
// after a classical multiplicative seasonal adjustment when the series is seasonal.
import { fitEts, type EtsFit } from './ets';
import { normalQuantile } from './stats';

export interface ThetaForecast {
  readonly mean: number[];
  readonly sd: number[];
  readonly seasonal: boolean;
}

/** OLS fit of y on t = 1..n: intercept a (at t = 0) and slope b. */
export function linearTrend(y: readonly number[]): { a: number; b: number } {
  const n = y.length;
  const tMean = (n + 1) / 2;
  const yMean = y.reduce((s, v) => s + v, 0) / Math.max(1, n);
  let num = 0;
  let den = 0;
  y.forEach((v, i) => {
    num += (i + 1 - tMean) * (v - yMean);
    den += (i + 1 - tMean) ** 2;
  });
  const b = den > 0 ? num / den : 0;
  return { a: yMean - b * tMean, b };
}

/**
 * SES with drift b/2 as R's forecast::thetaf computes it (Hyndman & Billah 2003): the SES
 * forecast plus (b/2)·((h − 1) + (1 − (1 − α)^n)/α), b the OLS slope of the series on time.
 */
export function sesWithDrift(ses: EtsFit, y: readonly number[], horizon: number): number[] {
  const { b } = linearTrend(y);
  const n = y.length;
  const alpha = Math.max(1e-10, ses.params.alpha);
  const start = (1 - Math.pow(1 - alpha, n)) / alpha;
  const out: number[] = [];
  for (let h = 1; h <= horizon; h++) out.push(ses.level + (b / 2) * (h - 1 + start));
  return out;
}

export function thetaForecast(y: readonly number[], period: number, horizon: number): ThetaForecast {
  const factors = period > 1 ? seasonalFactors(y, period) : null;
  const adjusted = factors ? y.map((v, i) => v / (factors[i % period] ?? 1)) : [...y];
  const ses = fitEts(adjusted, { trend: 'none', period: 1 });
  const mean = sesWithDrift(ses, adjusted, horizon);
  const sd = mean.map((_, i) => Math.sqrt(ses.sigma2 * (1 + ses.params.alpha ** 2 * i)));
  if (!factors) return { mean, sd, seasonal: false };
  const n = y.length;
  const f = (h: number) => factors[(n + h) % period] ?? 1;
  return { mean: mean.map((v, h) => v * f(h)), sd: sd.map((s, h) => s * f(h)), seasonal: true };
}

/**
 * Multiplicative seasonal indices from classical decomposition, or null when the series is
 * too short, not positive, or its lag-m autocorrelation is not significant at 90 % (as thetaf).
 */
export function seasonalFactors(y: readonly number[], m: number): number[] | null {
  const n = y.length;
  // thetaf tests seasonality only when n > 2m; multiplicative indices need positive values.
  if (n <= 2 * m || y.some((v) => v <= 0)) return null;
  if (!seasonalitySignificant(y, m)) return null;
  const ratios: number[][] = Array.from({ length: m }, () => []);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let ma: number;
    if (m % 2 === 0) {
      let s = 0;
      for (let k = -half; k <= half; k++) s += (y[t + k] ?? 0) * (Math.abs(k) === half ? 0.5 : 1);
      ma = s / m;
    } else {
      let s = 0;
      for (let k = -half; k <= half; k++) s += y[t + k] ?? 0;
      ma = s / m;
    }
    ratios[t % m]?.push((y[t] ?? 0) / ma);
  }
  const raw = ratios.map((r) => (r.length ? r.reduce((s, v) => s + v, 0) / r.length : 1));
  const norm = raw.reduce((s, v) => s + v, 0) / m;
  return raw.map((v) => v / norm);
}

function seasonalitySignificant(y: readonly number[], m: number): boolean {
  const n = y.length;
  const mu = y.reduce((s, v) => s + v, 0) / n;
  const c0 = y.reduce((s, v) => s + (v - mu) ** 2, 0);
  if (c0 === 0) return false;
  const acf = (k: number) => {
    let s = 0;
    for (let t = k; t < n; t++) s += ((y[t] ?? 0) - mu) * ((y[t - k] ?? 0) - mu);
    return s / c0;
  };
  let sumSq = 0;
  for (let k = 1; k < m; k++) sumSq += acf(k) ** 2;
  const limit = normalQuantile(0.95) * Math.sqrt((1 + 2 * sumSq) / n);
  return Math.abs(acf(m)) > limit;
}

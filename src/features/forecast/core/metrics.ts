// Forecast accuracy scores over backtest periods: WAPE, bias, MASE, P10–P90 coverage and
// pinball (quantile) loss. Each takes aligned arrays of actuals and forecasts.

export interface ScoredPoint {
  readonly actual: number;
  readonly point: number;
  readonly p10: number | null;
  readonly p90: number | null;
  /** In-sample mean absolute error of the naive forecast, for MASE; null when unknown. */
  readonly naiveScale: number | null;
}

/** Σ|actual − forecast| ÷ Σ|actual|; null when every actual is 0. */
export function wape(points: readonly ScoredPoint[]): number | null {
  const den = points.reduce((s, p) => s + Math.abs(p.actual), 0);
  if (den === 0) return null;
  return points.reduce((s, p) => s + Math.abs(p.actual - p.point), 0) / den;
}

/** Σ(forecast − actual) ÷ Σ|actual|: positive means the method over-forecasts. */
export function bias(points: readonly ScoredPoint[]): number | null {
  const den = points.reduce((s, p) => s + Math.abs(p.actual), 0);
  if (den === 0) return null;
  return points.reduce((s, p) => s + (p.point - p.actual), 0) / den;
}

/** Mean of |error| ÷ the naive method's in-sample MAE at each as-of date (Hyndman & Koehler 2006). */
export function mase(points: readonly ScoredPoint[]): number | null {
  const usable = points.filter((p) => p.naiveScale !== null && p.naiveScale > 0);
  if (usable.length === 0) return null;
  return usable.reduce((s, p) => s + Math.abs(p.actual - p.point) / (p.naiveScale ?? 1), 0) / usable.length;
}

/** Share of periods whose actual fell inside [P10, P90]; null for methods without a band. */
export function coverage(points: readonly ScoredPoint[]): number | null {
  const usable = points.filter((p) => p.p10 !== null && p.p90 !== null);
  if (usable.length === 0) return null;
  return usable.filter((p) => p.actual >= (p.p10 ?? 0) && p.actual <= (p.p90 ?? 0)).length / usable.length;
}

/** Loss of quantile q at one point: q·(y − f) when under, (1 − q)·(f − y) when over. */
export function pinball(actual: number, forecast: number, q: number): number {
  return actual >= forecast ? q * (actual - forecast) : (1 - q) * (forecast - actual);
}

/** Mean pinball loss over P10, P50 (the point) and P90, scaled by mean |actual| to compare data sets. */
export function meanPinball(points: readonly ScoredPoint[]): number | null {
  const usable = points.filter((p) => p.p10 !== null && p.p90 !== null);
  const scale = usable.reduce((s, p) => s + Math.abs(p.actual), 0) / Math.max(1, usable.length);
  if (usable.length === 0 || scale === 0) return null;
  const total = usable.reduce(
    (s, p) => s + pinball(p.actual, p.p10 ?? 0, 0.1) + pinball(p.actual, p.point, 0.5) + pinball(p.actual, p.p90 ?? 0, 0.9),
    0,
  );
  return total / (3 * usable.length) / scale;
}

/** One method's scores over a backtest: accuracy of period-start forecasts, coverage over all. */
export interface MethodScores {
  /** Period-start forecasts scored (WAPE, bias, MASE). */
  readonly periods: number;
  readonly wape: number | null;
  readonly bias: number | null;
  readonly mase: number | null;
  /** Forecasts with a range pooled into coverage and pinball: period starts and in-period checkpoints. */
  readonly scored: number;
  readonly coverage: number | null;
  readonly pinball: number | null;
}

export function scoreMethod(starts: readonly ScoredPoint[], all: readonly ScoredPoint[]): MethodScores {
  const banded = all.filter((p) => p.p10 !== null && p.p90 !== null);
  return {
    periods: starts.length,
    wape: wape(starts),
    bias: bias(starts),
    mase: mase(starts),
    scored: banded.length,
    coverage: coverage(banded),
    pinball: meanPinball(banded),
  };
}

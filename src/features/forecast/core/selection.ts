// What the backtest claims is what a user gets: ranges calibrated on each method's own
// out-of-sample errors, the selection procedure (pick the method that led before each
// period) and a combination (median of the leading methods) scored as methods of their own.
// Everything at a checkpoint of period i uses only forecasts of periods before i, whose
// outcome was known by then. Rules in docs/forecast.md.
import type { CheckpointForecast } from './backtest';
import { normalQuantile } from './stats';
import type { MethodForecast, MethodId } from './types';

/** Residuals a method needs before it gets a range. */
export const MIN_RESIDUALS = 3;
/** Methods the combination takes the median of. */
export const COMBINED = 3;
/** The selection's choice before any period has been scored: fixed in advance, never tuned. */
export const DEFAULT_METHOD: MethodId = 'conversion';

interface Residual {
  readonly method: MethodId;
  readonly offset: number;
  readonly r: number;
  readonly absError: number;
  readonly absActual: number;
}

/**
 * Errors are relative to the forecast (per dollar forecast), compared only among forecasts made
 * the same day into a period. Relative to what was still to come they blew up late in a period,
 * when a small remainder met an ordinary error.
 */
function scaleOf(point: number): number {
  return Math.max(Math.abs(point), 1);
}

/** Student t quantile: exact for 1–2 degrees of freedom, Cornish–Fisher expansion above. */
export function tQuantile(p: number, df: number): number {
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3)
  );
}

/**
 * P10–P90 from a method's past scaled errors r: the point plus scale × (mean r ± t·s·√(1 + 1/k)),
 * the prediction interval of the next error when errors are exchangeable; none below MIN_RESIDUALS.
 */
export function calibratedBand(
  point: number,
  closed: number,
  residuals: readonly number[],
): { p10: number | null; p90: number | null } {
  const k = residuals.length;
  if (k < MIN_RESIDUALS) return { p10: null, p90: null };
  const m = residuals.reduce((s, v) => s + v, 0) / k;
  const s = Math.sqrt(residuals.reduce((acc, v) => acc + (v - m) ** 2, 0) / (k - 1));
  const half = tQuantile(0.9, k - 1) * s * Math.sqrt(1 + 1 / k);
  const scale = scaleOf(point);
  const p10 = Math.min(point, Math.max(closed, point + scale * (m - half)));
  const p90 = Math.max(point, point + scale * (m + half));
  return { p10, p90 };
}

export interface Calibrated {
  readonly checkpoints: CheckpointForecast[];
  /** Per method, past WAPE at each offset (what the next selection would choose on). */
  readonly choose: (offset: number, available: readonly MethodForecast[]) => { selection: MethodId; combined: MethodId[] };
}

/**
 * Replaces each method's own range by its calibrated one and adds the selection and the
 * combination, period by period in time order. `honest` says which methods may be chosen.
 */
export function calibrate(
  raw: readonly CheckpointForecast[],
  honest: (m: MethodId) => boolean,
  chainDays?: readonly number[],
): Calibrated {
  const past: Residual[] = [];
  const out: CheckpointForecast[] = [];
  const periods = [...new Set(raw.map((c) => c.period))].sort((a, b) => a - b);
  const choose = (offset: number, available: readonly MethodForecast[]) => chooseMethods(past, offset, available, honest);
  for (const p of periods) {
    const here = raw.filter((c) => c.period === p).sort((a, b) => a.offset - b.offset);
    // Widest range each method may have later in this period: its range at the last checkpoint day.
    const widest = new Map<MethodId, number>();
    const done: CheckpointForecast[] = here.map((c) => {
      const residualsOf = (m: MethodId) => sameDay(past, m, c.offset);
      const own = c.forecasts.map((f) => ({ ...f, ...calibratedBand(f.point, c.closed, residualsOf(f.method)) }));
      const pick = choose(c.offset, own);
      const chosen = own.find((f) => f.method === pick.selection);
      const points = pick.combined.flatMap((m) => own.find((f) => f.method === m)?.point ?? []);
      const extra: MethodForecast[] = [];
      if (chosen) {
        const band = calibratedBand(chosen.point, c.closed, residualsOf('selection'));
        extra.push({ method: 'selection', point: chosen.point, ...band, chosen: chosen.method, detail: chosen.method });
      }
      if (points.length > 0) {
        const point = median(points);
        const band = calibratedBand(point, c.closed, residualsOf('combination'));
        extra.push({ method: 'combination', point, ...band, detail: pick.combined.join(', ') });
      }
      const forecasts = [...own, ...extra].map((f) => narrowed(f, widest.get(f.method)));
      if (!chainDays || chainDays.includes(c.offset))
        for (const f of forecasts) if (f.p10 !== null && f.p90 !== null) widest.set(f.method, f.p90 - f.p10);
      return { ...c, forecasts };
    });
    // Only once the whole period is over do its errors become known to later periods.
    for (const c of done) {
      if (c.actual === null) continue;
      for (const f of c.forecasts)
        past.push({
          method: f.method,
          offset: c.offset,
          r: (c.actual - f.point) / scaleOf(f.point),
          absError: Math.abs(c.actual - f.point),
          absActual: Math.abs(c.actual),
        });
    }
    out.push(...done);
  }
  return { checkpoints: out, choose };
}

/**
 * A forecast made later in a period knows more than one made earlier, so its range is never
 * wider: a band wider than the same method's at the period's previous checkpoint day is shrunk
 * toward its point to that width (P10 stays ≥ booked, as it lay between booked and the point).
 * Per-day error estimates from a handful of periods are noisy enough to widen it otherwise.
 */
function narrowed(f: MethodForecast, maxWidth: number | undefined): MethodForecast {
  if (maxWidth === undefined || f.p10 === null || f.p90 === null) return f;
  const width = f.p90 - f.p10;
  if (width <= maxWidth || width <= 0) return f;
  const k = maxWidth / width;
  return { ...f, p10: f.point - (f.point - f.p10) * k, p90: f.point + (f.p90 - f.point) * k };
}

/**
 * A method's past errors made the same number of days into a period: errors shrink as a period
 * goes on, so pooling days would make early ranges too narrow and late ones too wide.
 */
function sameDay(past: readonly Residual[], method: MethodId, offset: number): number[] {
  return past.filter((r) => r.method === method && r.offset === offset).map((r) => r.r);
}

/** The method with the lowest past WAPE at this offset, and the COMBINED lowest for the median. */
function chooseMethods(
  past: readonly Residual[],
  offset: number,
  available: readonly MethodForecast[],
  honest: (m: MethodId) => boolean,
): { selection: MethodId; combined: MethodId[] } {
  const candidates = available.filter((f) => honest(f.method) && f.method !== 'selection' && f.method !== 'combination');
  const scores = candidates.flatMap((f) => {
    const mine = past.filter((r) => r.method === f.method && r.offset === offset);
    const den = mine.reduce((s, r) => s + r.absActual, 0);
    return mine.length > 0 && den > 0 ? [{ method: f.method, wape: mine.reduce((s, r) => s + r.absError, 0) / den }] : [];
  });
  scores.sort((a, b) => a.wape - b.wape || a.method.localeCompare(b.method));
  const fallback = candidates.find((f) => f.method === DEFAULT_METHOD)?.method ?? candidates[0]?.method ?? DEFAULT_METHOD;
  return {
    selection: scores[0]?.method ?? fallback,
    combined: scores.length > 0 ? scores.slice(0, COMBINED).map((s) => s.method) : candidates.map((f) => f.method),
  };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? Number.NaN) + (s[mid] ?? Number.NaN)) / 2;
}

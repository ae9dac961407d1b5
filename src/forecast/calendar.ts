// Dates for forecasting: the target period, the backtest's grid of past periods, and the
// day-length windows used to train the pipeline models for a period already under way.
import {
  addDays,
  daysBetween,
  describePeriod,
  fiscalQuarterOf,
  formatPeriod,
  parsePeriod,
  periodRange,
  type Period,
} from '../periods/fiscal';

export { addDays, daysBetween };

export type ForecastGrain = 'month' | 'quarter';

export interface Window {
  readonly start: string;
  readonly end: string;
}

/** The month or fiscal quarter that contains a date. */
export function periodContaining(iso: string, grain: ForecastGrain, fiscalStartMonth: number): Period {
  if (grain === 'month') return { kind: 'month', year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) };
  const q = fiscalQuarterOf(iso, fiscalStartMonth);
  return { kind: 'quarter', year: q.year, quarter: q.quarter };
}

export interface Target {
  readonly period: Period;
  readonly name: string;
  readonly label: string;
  readonly grain: ForecastGrain;
  readonly range: Window;
  /** Why the requested period was not used, when it was not. */
  readonly fallback?: string;
}

/**
 * The period to forecast: the one in the link when it is a month or quarter that is not over
 * on the as-of date; otherwise the fiscal quarter that contains the as-of date (the quarter
 * under way, or the next one when the data ends on a quarter's last day).
 */
export function chooseTarget(requested: string | undefined, asOf: string, fiscalStartMonth: number): Target {
  const make = (period: Period, grain: ForecastGrain, fallback?: string): Target => {
    const range = periodRange(period, fiscalStartMonth);
    if (!range) throw new Error('A forecast period needs a date range');
    const base = { period, name: formatPeriod(period), label: describePeriod(period, fiscalStartMonth), grain, range };
    return fallback ? { ...base, fallback } : base;
  };
  const fallbackPeriod = periodContaining(asOf, 'quarter', fiscalStartMonth);
  const parsed = requested ? parsePeriod(requested) : null;
  if (!requested || !parsed || parsed.kind === 'all') return make(fallbackPeriod, 'quarter');
  if (parsed.kind === 'month' || parsed.kind === 'quarter') {
    const range = periodRange(parsed, fiscalStartMonth);
    if (range && range.start <= asOf && asOf < range.end) return make(parsed, parsed.kind);
    const why =
      range && range.end <= asOf ? 'is already over (its actual is on the dashboard)' : 'starts after the period under way';
    return make(
      fallbackPeriod,
      'quarter',
      `${describePeriod(parsed, fiscalStartMonth)} ${why}; forecasting the quarter under way instead.`,
    );
  }
  return make(
    fallbackPeriod,
    'quarter',
    `Forecasts are made per month or quarter; showing the quarter under way instead of ${describePeriod(parsed, fiscalStartMonth)}.`,
  );
}

/** Consecutive periods from the one containing `firstIso` up to the last that ends by `endIso`. */
export function periodGrid(
  firstIso: string,
  endIso: string,
  grain: ForecastGrain,
  fiscalStartMonth: number,
): (Window & { label: string })[] {
  const out: (Window & { label: string })[] = [];
  let period = periodContaining(firstIso, grain, fiscalStartMonth);
  for (let guard = 0; guard < 1000; guard++) {
    const range = periodRange(period, fiscalStartMonth);
    if (!range || range.end > endIso) break;
    out.push({ ...range, label: describePeriod(period, fiscalStartMonth) });
    period = periodContaining(range.end, grain, fiscalStartMonth);
  }
  return out;
}

/** Windows of the same length as [asOf, end), stepping back from the as-of date, oldest first. */
export function trailingWindows(asOf: string, end: string, earliest: string, max = 60): Window[] {
  const length = Math.max(1, daysBetween(asOf, end));
  const out: Window[] = [];
  for (let k = 1; k <= max; k++) {
    const start = addDays(asOf, -k * length);
    if (start < earliest) break;
    out.push({ start, end: addDays(start, length) });
  }
  return out.reverse();
}

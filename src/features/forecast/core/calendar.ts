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
} from '../../../shared/periods/fiscal';

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
  /** The forecast is made as of this day (inside the period): everything before it is known. */
  readonly asOf: string;
  /** The period was over by the data's as-of date: a replay of what was forecast then. */
  readonly over: boolean;
  /** Why the requested period or as-of date was not used, when it was not. */
  readonly fallback?: string;
}

/**
 * The period to forecast and the day to forecast it from (docs/forecast.md): the month or
 * quarter in the link (the header's period) — under way (it holds the reference date): as of
 * the data's as-of date, or as of the reference date when that is the period's last day; over:
 * replayed as of its first day — else the fiscal quarter that contains the data's as-of date.
 * `requestedAsOf` (the link's `fc.asof`) moves the as-of date to any day inside the period
 * up to the data's as-of date.
 */
export function chooseTarget(
  requested: string | undefined,
  dataAsOf: string,
  fiscalStartMonth: number,
  requestedAsOf?: string,
): Target {
  const notes: string[] = [];
  const make = (period: Period, grain: ForecastGrain): Target => {
    const range = periodRange(period, fiscalStartMonth);
    if (!range) throw new Error('A forecast period needs a date range');
    // The period holding the data's last day (the reference date) is in progress, also when that
    // day is its last: forecast as of that day, not replayed from its first (docs/forecast.md).
    const lastDay = addDays(range.end, -1);
    const over = lastDay < addDays(dataAsOf, -1);
    const latest = over || dataAsOf > lastDay ? lastDay : dataAsOf;
    let asOf = over ? range.start : latest;
    if (requestedAsOf !== undefined) {
      if (requestedAsOf >= range.start && requestedAsOf <= latest) asOf = requestedAsOf;
      else notes.push(`The as-of date ${requestedAsOf} is not a known day of this period; forecasting as of ${asOf}.`);
    }
    const base = {
      period,
      name: formatPeriod(period),
      label: describePeriod(period, fiscalStartMonth),
      grain,
      range,
      asOf,
      over,
    };
    return notes.length ? { ...base, fallback: notes.join(' ') } : base;
  };
  const fallbackPeriod = periodContaining(dataAsOf, 'quarter', fiscalStartMonth);
  const parsed = requested ? parsePeriod(requested) : null;
  if (!requested || !parsed || parsed.kind === 'all') return make(fallbackPeriod, 'quarter');
  if (parsed.kind === 'month' || parsed.kind === 'quarter') {
    const range = periodRange(parsed, fiscalStartMonth);
    if (range && range.start <= dataAsOf) return make(parsed, parsed.kind);
    notes.push(
      `${describePeriod(parsed, fiscalStartMonth)} starts after the data ends; forecasting the quarter under way instead.`,
    );
    return make(fallbackPeriod, 'quarter');
  }
  notes.push(
    `Forecasts are made per month or quarter; showing the quarter under way instead of ${describePeriod(parsed, fiscalStartMonth)}.`,
  );
  return make(fallbackPeriod, 'quarter');
}

/** The days into a period at which the backtest forecasts it: its start, then weeks 1, 4, 8 and 12. */
export const CHECKPOINTS: Record<ForecastGrain, readonly number[]> = { quarter: [0, 7, 28, 56, 84], month: [0, 7, 14, 21] };

/**
 * A period is complete when closed deals are recorded from its first week on; the first period
 * of the data is left out when its first close comes later (Maven: 2017 Q1 holds only March).
 */
export function completeFrom<T extends Window>(grid: readonly T[], firstClose: string): { grid: T[]; partial: T | null } {
  const first = grid[0];
  if (first && firstClose > addDays(first.start, 6)) return { grid: grid.slice(1), partial: first };
  return { grid: [...grid], partial: null };
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

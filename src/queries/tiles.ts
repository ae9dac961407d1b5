// One scan of the prepared fact table that gives every tile's inputs for the current period
// and both comparison periods, plus the all-time inputs of CLV and the currency check.
import type { DateRange } from '../shared/periods/fiscal';
import { FACT_TABLE } from './fact';
import { filterWhere, type Filters } from '../shared/filters';
import { Params } from '../platform/sql/params';
import type { SqlQuery } from '../platform/sql/sql';

export const RANGE_KEYS = ['cur', 'prev', 'yoy'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

/** A range per key; a key left out is not computed (period `all` has no comparisons). */
export type Ranges = Partial<Record<RangeKey, DateRange | null>>;

export interface TileRequest {
  readonly filters: Filters;
  readonly ranges: Ranges;
  readonly referenceDate: string;
  /** Medians cost a sort each: only computed when a median variant is on screen. */
  readonly medians: boolean;
}

const RANGE_FIELDS = [
  'won_n',
  'lost_n',
  'won_amt',
  'lost_amt',
  'won_amt_n',
  'won_med',
  'won_cyc',
  'won_cyc_med',
  'closed_cyc',
  'closed_cyc_med',
  'created_n',
  'created_won_n',
  'open_n',
  'open_amt',
  'open_amt_n',
  'open_imputed',
  'open_wtd',
  'open_wtd_n',
  // Open deals outside every period (docs/kpis.md, "Past due and undated"): the same for each range.
  'due_n',
  'due_amt',
  'due_wtd',
  'undated_n',
  'undated_amt',
  'undated_wtd',
] as const;
export type RangeField = (typeof RANGE_FIELDS)[number];

/** Inputs of the tiles for one range: counts, exact sums (as DOUBLE), means and medians. */
export type RangeAgg = Readonly<Record<RangeField, number | null>>;

export interface TotalsAgg {
  readonly all_won_amt: number | null;
  readonly all_won_accounts: number;
  readonly y_won_amt: number | null;
  readonly y_won_accounts: number;
  readonly currencies: readonly string[];
}

/** The tiles' statuses; the drill-through selects its rows with the same conditions. */
export const WON = `status = 'won'`;
export const CLOSED = `status IN ('won', 'lost')`;

function rangeColumns(key: RangeKey, medians: boolean): string[] {
  const c = `c_${key}`;
  const k = `k_${key}`;
  // Open deals of the period: all of them for all time, else due in the period and not past due.
  const o = `is_open AND o_${key}`;
  const cols: [string, string][] = [
    ['won_n', `count(*) FILTER (WHERE ${WON} AND ${c})::INTEGER`],
    ['lost_n', `count(*) FILTER (WHERE status = 'lost' AND ${c})::INTEGER`],
    ['won_amt', `sum(amount) FILTER (WHERE ${WON} AND ${c})::DOUBLE`],
    ['lost_amt', `sum(amount) FILTER (WHERE status = 'lost' AND ${c})::DOUBLE`],
    ['won_amt_n', `count(amount) FILTER (WHERE ${WON} AND ${c})::INTEGER`],
    ['won_cyc', `avg(cycle_days) FILTER (WHERE ${WON} AND ${c})::DOUBLE`],
    ['closed_cyc', `avg(cycle_days) FILTER (WHERE ${CLOSED} AND ${c})::DOUBLE`],
    ['created_n', `count(*) FILTER (WHERE ${k})::INTEGER`],
    ['created_won_n', `count(*) FILTER (WHERE ${WON} AND ${k})::INTEGER`],
    ['open_n', `count(*) FILTER (WHERE ${o})::INTEGER`],
    ['open_amt', `sum(amount) FILTER (WHERE ${o})::DOUBLE`],
    ['open_amt_n', `count(amount) FILTER (WHERE ${o})::INTEGER`],
    ['open_imputed', `count(*) FILTER (WHERE ${o} AND amount_imputed)::INTEGER`],
    ['open_wtd', `sum(amount * probability) FILTER (WHERE ${o})::DOUBLE`],
    ['open_wtd_n', `count(amount * probability) FILTER (WHERE ${o})::INTEGER`],
    ['due_n', `count(*) FILTER (WHERE is_open AND past_due)::INTEGER`],
    ['due_amt', `sum(amount) FILTER (WHERE is_open AND past_due)::DOUBLE`],
    ['due_wtd', `sum(amount * probability) FILTER (WHERE is_open AND past_due)::DOUBLE`],
    ['undated_n', `count(*) FILTER (WHERE is_open AND close_date IS NULL)::INTEGER`],
    ['undated_amt', `sum(amount) FILTER (WHERE is_open AND close_date IS NULL)::DOUBLE`],
    ['undated_wtd', `sum(amount * probability) FILTER (WHERE is_open AND close_date IS NULL)::DOUBLE`],
  ];
  const medianCols: [string, string][] = [
    ['won_med', `median(amount) FILTER (WHERE ${WON} AND ${c})::DOUBLE`],
    ['won_cyc_med', `median(cycle_days) FILTER (WHERE ${WON} AND ${c})::DOUBLE`],
    ['closed_cyc_med', `median(cycle_days) FILTER (WHERE ${CLOSED} AND ${c})::DOUBLE`],
  ];
  const nulls: [string, string][] = medianCols.map(([name]) => [name, 'NULL::DOUBLE']);
  return [...cols, ...(medians ? medianCols : nulls)].map(([name, expr]) => `${expr} AS ${key}_${name}`);
}

/** `open at the reference date`: open now and created by then, or closed only after it. */
export function openAtSql(p: Params, referenceDate: string): string {
  const ref = p.date(referenceDate);
  const ref2 = p.date(referenceDate);
  const ref3 = p.date(referenceDate);
  return `((status = 'open' AND (created_date IS NULL OR created_date <= ${ref})) OR (status <> 'open' AND created_date <= ${ref2} AND close_date > ${ref3}))`;
}

/**
 * Open deals of a period: every open deal for all time; otherwise those expected to close in
 * the period and not already past due (a past-due deal is never pipeline of a period that ended).
 */
export function openInSql(p: Params, range: DateRange | null, referenceDate: string): string {
  if (!range) return 'TRUE';
  return `(${inRangeSql(p, 'close_date', range)} AND close_date >= ${p.date(referenceDate)})`;
}

export function inRangeSql(p: Params, column: string, range: DateRange | null): string {
  if (!range) return 'TRUE';
  return `(${column} >= ${p.date(range.start)} AND ${column} < ${p.date(range.end)})`;
}

export function tilesQuery(req: TileRequest): SqlQuery {
  const p = new Params();
  const keys = RANGE_KEYS.filter((k) => req.ranges[k] !== undefined);
  // Placeholders are numbered in the order they are written: build in the SQL's order.
  const openAt = openAtSql(p, req.referenceDate);
  const pastDue = p.date(req.referenceDate);
  const yearStart = p.date(req.referenceDate);
  const yearEnd = p.date(req.referenceDate);
  const flags = keys.flatMap((k) => {
    const range = req.ranges[k] ?? null;
    return [
      `${inRangeSql(p, 'close_date', range)} AS c_${k}`,
      `${inRangeSql(p, 'created_date', range)} AS k_${k}`,
      `${openInSql(p, range, req.referenceDate)} AS o_${k}`,
    ];
  });
  const where = p.splice(filterWhere(req.filters));
  const sql = `WITH f AS (
    SELECT status, amount, amount_imputed, probability, cycle_days, account_key, currency, close_date, created_date,
      ${openAt} AS is_open, coalesce(close_date < ${pastDue}, FALSE) AS past_due,
      (close_date > ${yearStart} - INTERVAL 1 YEAR AND close_date <= ${yearEnd}) AS in_year,
      ${flags.join(',\n      ')}
    FROM ${FACT_TABLE} WHERE ${where})
  SELECT ${keys.flatMap((k) => rangeColumns(k, req.medians)).join(',\n    ')},
    sum(amount) FILTER (WHERE ${WON})::DOUBLE AS all_won_amt,
    count(DISTINCT account_key) FILTER (WHERE ${WON})::INTEGER AS all_won_accounts,
    sum(amount) FILTER (WHERE ${WON} AND in_year)::DOUBLE AS y_won_amt,
    count(DISTINCT account_key) FILTER (WHERE ${WON} AND in_year)::INTEGER AS y_won_accounts,
    string_agg(DISTINCT currency, chr(10) ORDER BY currency) FILTER (WHERE (${WON} OR status = 'open') AND currency IS NOT NULL) AS currencies
  FROM f`;
  return { sql, params: p.values };
}

/** Splits the one result row into per-range aggregates and the all-time totals. */
export function splitTiles(
  row: Record<string, unknown>,
  keys: readonly RangeKey[],
): { ranges: Partial<Record<RangeKey, RangeAgg>>; totals: TotalsAgg } {
  const ranges: Partial<Record<RangeKey, RangeAgg>> = {};
  for (const key of keys) {
    const agg = {} as Record<RangeField, number | null>;
    for (const field of RANGE_FIELDS) agg[field] = num(row[`${key}_${field}`]);
    ranges[key] = agg;
  }
  // One string, newline-separated: lists would cross the boundary as Arrow vectors.
  const currencies = typeof row['currencies'] === 'string' ? row['currencies'].split('\n') : [];
  return {
    ranges,
    totals: {
      all_won_amt: num(row['all_won_amt']),
      all_won_accounts: num(row['all_won_accounts']) ?? 0,
      y_won_amt: num(row['y_won_amt']),
      y_won_accounts: num(row['y_won_accounts']) ?? 0,
      currencies,
    },
  };
}

function num(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

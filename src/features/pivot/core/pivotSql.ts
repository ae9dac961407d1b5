// The pivot's one query over the prepared fact table (docs/pivot.md): the deals of the
// measure's population under the dashboard's filters and period, grouped by cell in one
// pass, then row, column and grand totals with GROUPING SETS over the cells' sums and counts,
// so every total is the deals' own (a win rate or a mean is never averaged from cells). Rows are
// ranked in key order in the engine and only one page of them leaves it.
import { PAST_DUE_KEY, type PivotDim, type PivotMeasure } from '../contract';
import type { DateRange } from '../../../shared/periods/fiscal';
import { FACT_TABLE } from '../../../queries/fact';
import { filterWhere, type Filters } from '../../../shared/filters';
import { Params } from '../../../platform/sql/params';
import { quoteIdent, type SqlQuery } from '../../../platform/sql/sql';
import { CLOSED, inRangeSql, openAtSql, openInSql, WON } from '../../../queries/tiles';

/** What both roads (this SQL over the fact table, and the close-month cube: pivotCube.ts) are asked. */
export interface PivotLayout {
  readonly range: DateRange | null;
  readonly fiscalStartMonth: number;
  readonly rows: PivotDim | null;
  readonly cols: PivotDim | null;
  readonly measure: PivotMeasure;
  readonly rowOffset: number;
  readonly rowLimit: number;
  readonly colLimit: number;
}

export interface PivotQueryRequest extends PivotLayout {
  readonly filters: Filters;
  readonly referenceDate: string;
}

/**
 * The deals each measure counts, as a condition on the flags of `pivotRows` (the tiles'
 * conditions: tiles.ts). `c` = closed in the period; `o` = open at the reference date and
 * expected to close in the period (not past due; for all time every open deal).
 */
export const POPULATION: Record<PivotMeasure, string> = {
  won_amount: `${WON} AND c`,
  won_count: `${WON} AND c`,
  cycle: `${WON} AND c`,
  win_rate: `${CLOSED} AND c`,
  pipeline: 'o',
};

/**
 * A dimension's key on a row of `pivotRows`. Period keys are the first day of the deal's
 * close month, fiscal quarter or fiscal year (its expected close date while open); an open
 * deal already past due is "past due" (it belongs to no period, docs/kpis.md).
 */
export function dimKeySql(p: Params, dim: PivotDim, fiscalStartMonth: number): string {
  if (dim === 'month' || dim === 'quarter' || dim === 'year') {
    const month = `date_trunc('month', close_date)`;
    const start =
      dim === 'month'
        ? month
        : `(${month} - to_months(((month(close_date) - ${p.add(fiscalStartMonth)} + 12) % ${dim === 'quarter' ? 3 : 12})::INTEGER))`;
    return `CASE WHEN is_open AND past_due THEN '${PAST_DUE_KEY}' ELSE strftime(${start}, '%Y-%m-%d') END`;
  }
  return quoteIdent(dim);
}

const isPeriod = (dim: PivotDim | null) => dim === 'month' || dim === 'quarter' || dim === 'year';

/** A stage's sort text on a fact row: funnel order, then its name (lost stages have no place: after). */
const STAGE_SORT = `CASE WHEN stage IS NOT NULL THEN lpad(coalesce(stage_ord, 99999)::VARCHAR, 5, '0') || stage END`;

/** How the keys of axis `name` are ordered: periods by date ("past due" first), stages in funnel order, text A→Z; blank last. */
function sortSql(dim: PivotDim, name: 'r' | 'c'): string {
  if (isPeriod(dim)) return `CASE WHEN ${name} = '${PAST_DUE_KEY}' THEN '0' ELSE ${name} END`;
  return dim === 'stage' ? `${name}s0` : name;
}

/**
 * `f`: the fact table under the filters with the flags the populations speak of (the same
 * conditions as the tiles and the drill-through). Shared with the drill of a pivot cell.
 */
export function pivotRows(p: Params, filters: Filters, range: DateRange | null, referenceDate: string): string {
  // Placeholders are numbered in the order they are written: build in the SQL's order.
  const closedIn = inRangeSql(p, 'close_date', range);
  const openIn = openInSql(p, range, referenceDate);
  const openAt = openAtSql(p, referenceDate);
  const pastDue = p.date(referenceDate);
  const where = p.splice(filterWhere(filters));
  return `SELECT *, ${closedIn} AS c, coalesce(is_open AND ${openIn}, FALSE) AS o
    FROM (SELECT *, ${openAt} AS is_open, coalesce(close_date < ${pastDue}, FALSE) AS past_due
          FROM ${FACT_TABLE} WHERE ${where})`;
}

export interface PivotRow {
  readonly r: string | null;
  readonly c: string | null;
  /** 1 when the row is a total over that axis. */
  readonly gr: number;
  readonly gc: number;
  /** The key's place among the row (column) keys; null on totals. */
  readonly ri: number | null;
  readonly ci: number | null;
  readonly n: number;
  readonly amt: number | null;
  readonly amt_n: number;
  readonly won_n: number;
  readonly cyc: number | null;
  readonly row_n: number;
  readonly col_n: number;
}

export function pivotQuery(req: PivotQueryRequest): SqlQuery {
  const p = new Params();
  const f = pivotRows(p, req.filters, req.range, req.referenceDate);
  // Placeholders are numbered in the order they are written: the keys before the page bounds.
  const key = (dim: PivotDim | null) => (dim ? dimKeySql(p, dim, req.fiscalStartMonth) : 'NULL::VARCHAR');
  const rKey = key(req.rows);
  const cKey = key(req.cols);
  const stageSort = (dim: PivotDim | null) => (dim === 'stage' ? STAGE_SORT : 'NULL::VARCHAR');
  const sort = (dim: PivotDim | null, name: 'r' | 'c') => (dim ? sortSql(dim, name) : 'NULL::VARCHAR');
  const grouped = [req.rows ? 'r' : null, req.cols ? 'c' : null].filter((d): d is string => d !== null);
  const sets = grouped.length === 2 ? '(r, c), (r), (c), ()' : grouped.length === 1 ? `(${grouped.join('')}), ()` : '()';
  const sql = `WITH f AS (${f}),
  keyed AS (
    SELECT ${rKey} AS r, ${stageSort(req.rows)} AS rs0, ${cKey} AS c, ${stageSort(req.cols)} AS cs0, status, amount, cycle_days
    FROM f WHERE ${POPULATION[req.measure]}),
  base AS (SELECT *, ${sort(req.rows, 'r')} AS rs, ${sort(req.cols, 'c')} AS cs FROM keyed),
  -- One pass over the deals groups them by cell; the totals are then grouped from the cells'
  -- sums and counts (every measure is a sum or a ratio of sums, so they are the deals' own).
  cells AS (
    SELECT r, c, min(rs) AS rs, min(cs) AS cs, count(*) AS n, sum(amount) AS amt, count(amount) AS amt_n,
      count(*) FILTER (WHERE ${WON}) AS won_n, sum(cycle_days) AS cyc_sum, count(cycle_days) AS cyc_n
    FROM base GROUP BY r, c),
  agg AS (
    SELECT ${req.rows ? 'r' : 'NULL::VARCHAR AS r'}, ${req.cols ? 'c' : 'NULL::VARCHAR AS c'}, min(rs) AS rs, min(cs) AS cs,
      ${req.rows ? 'GROUPING(r)' : '1'}::INTEGER AS gr, ${req.cols ? 'GROUPING(c)' : '1'}::INTEGER AS gc,
      sum(n)::INTEGER AS n, sum(amt)::DOUBLE AS amt, sum(amt_n)::INTEGER AS amt_n,
      sum(won_n)::INTEGER AS won_n, (sum(cyc_sum) / nullif(sum(cyc_n), 0))::DOUBLE AS cyc
    FROM cells GROUP BY GROUPING SETS (${sets})),
  rk AS (SELECT r, (row_number() OVER (ORDER BY rs ASC NULLS LAST, r ASC NULLS LAST) - 1)::INTEGER AS ri FROM agg WHERE gr = 0 AND gc = 1),
  ck AS (SELECT c, (row_number() OVER (ORDER BY cs ASC NULLS LAST, c ASC NULLS LAST) - 1)::INTEGER AS ci FROM agg WHERE gc = 0 AND gr = 1)
  SELECT a.r, a.c, a.gr, a.gc, rk.ri, ck.ci, a.n, a.amt, a.amt_n, a.won_n, a.cyc,
    (SELECT count(*) FROM rk)::INTEGER AS row_n, (SELECT count(*) FROM ck)::INTEGER AS col_n
  FROM agg a
  LEFT JOIN rk ON a.gr = 0 AND rk.r IS NOT DISTINCT FROM a.r
  LEFT JOIN ck ON a.gc = 0 AND ck.c IS NOT DISTINCT FROM a.c
  WHERE (a.gr = 1 OR (rk.ri >= ${p.add(req.rowOffset)} AND rk.ri < ${p.add(req.rowOffset + req.rowLimit)}))
    AND (a.gc = 1 OR ck.ci < ${p.add(req.colLimit)})`;
  return { sql, params: p.values };
}

/** The currencies of won and open deals under the filters: the tiles' check before any money is shown. */
export function pivotCurrencyQuery(filters: Filters): SqlQuery {
  const p = new Params();
  const where = p.splice(filterWhere(filters));
  const sql = `SELECT string_agg(DISTINCT currency, chr(10) ORDER BY currency) AS currencies FROM ${FACT_TABLE}
    WHERE ${where} AND (${WON} OR status = 'open') AND currency IS NOT NULL`;
  return { sql, params: p.values };
}

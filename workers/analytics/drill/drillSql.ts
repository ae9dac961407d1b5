// The drill-through's two queries over the prepared fact table: the totals of every deal
// behind a number, and one sorted, text-filtered page of them. Both select the rows with
// the population of drillPopulation.ts on the same derived columns the tiles and views use.
import type { DrillColumn, DrillSort, DrillTarget } from '../../../src/features/drill/contract';
import { populationOf, type DrillScope } from './population';
import { FACT_TABLE } from '../../../src/queries/fact';
import { filterWhere, type Filters } from '../../../src/shared/filters';
import type { MovementScope } from '../../../src/features/dashboard/movement/movementSql';
import { movementPrepared } from '../../../src/features/dashboard/movement/movementDrill';
import { Params } from '../../../src/platform/sql/params';
import { quoteIdent, type SqlQuery } from '../../../src/platform/sql/sql';
import { inRangeSql, openAtSql, openInSql, WON } from '../../../src/queries/tiles';
import { agingSql, openMonthSql } from '../../../src/features/dashboard/core/views';

export interface DrillQueryRequest {
  readonly scope: DrillScope;
  readonly filters: Filters;
  readonly target: DrillTarget;
  readonly search: string;
  /** For a movement step: its dates, period and filters. */
  readonly movement?: MovementScope;
  /** Rows prepared elsewhere (a forecast step's): the CTE that defines `g`, filters already applied. */
  readonly prepared?: SqlQuery;
}

/** The SQL expression of each column of the deal table (over the prepared rows `g`). */
const COLUMN_SQL: Record<DrillColumn, string> = {
  name: 'name',
  account: 'account_name',
  owner: 'owner',
  stage: 'stage',
  status: 'status',
  amount: 'amount',
  currency: 'currency',
  created: 'created_date',
  close: 'close_date',
  age: 'age',
  source: 'lead_source',
  file: 'source_file',
  line: 'source_line',
};

const SEARCHED = ['name', 'account_name', 'owner', 'stage', 'lead_source', 'source_file'];

/**
 * `g`: the fact table under the filters, with the flags every condition speaks of:
 * is_open (at the reference date), c (closed in the period), k (created in the period),
 * age (created → close, or → reference date while open), aging, open_month and seg.
 */
function prepared(p: Params, req: DrillQueryRequest): string {
  if (req.prepared) return p.splice(req.prepared);
  if (req.target.kind === 'movement') {
    if (!req.movement) throw new Error('A movement step needs its two dates.');
    return movementPrepared(p, req.movement);
  }
  const s = req.scope;
  const openAt = openAtSql(p, s.referenceDate);
  const closedIn = inRangeSql(p, 'close_date', s.range);
  const createdIn = inRangeSql(p, 'created_date', s.range);
  const ref = p.date(s.referenceDate);
  const pastDue = p.date(s.referenceDate);
  // Open in the period the way the tiles count it (tiles.ts openInSql): expected to close in it,
  // not past due; for all time every open deal.
  const openIn = openInSql(p, s.range, s.referenceDate);
  const where = p.splice(filterWhere(req.filters));
  return `WITH f AS (
    SELECT *, ${openAt} AS is_open, ${closedIn} AS c, ${createdIn} AS k,
      date_diff('day', created_date, ${ref}) AS ref_age,
      coalesce(close_date < ${pastDue}, FALSE) AS past_due, ${openIn} AS o_in
    FROM ${FACT_TABLE} WHERE ${where}),
  g AS (
    SELECT *, ${agingSql('o')} AS aging, ${openMonthSql('o')} AS open_month,
      ${quoteIdent(s.segmentBy)} AS seg
    FROM (SELECT *, CASE WHEN is_open THEN ref_age ELSE cycle_days END AS age,
      coalesce(is_open AND o_in, FALSE) AS o FROM f))`;
}

function searchSql(p: Params, search: string): string {
  const q = search.trim().toLowerCase();
  if (q === '') return 'TRUE';
  return `(${SEARCHED.map((c) => `contains(lower(coalesce(${c}, '')), ${p.add(q)})`).join(' OR ')})`;
}

/**
 * What the totals need beyond sums and counts. Distinct counts are the costly part of a scan at
 * a million deals, so each is asked for only when it can matter: accounts for the KPIs that
 * divide by them (CLV, LTV:CAC, CAC), currencies when the data names more than one.
 */
export interface TotalsNeeds {
  readonly accounts: boolean;
  readonly currencies: boolean;
}

/** Totals of the whole population (the text filter only counts `matched`), and its title. */
export function drillTotalsQuery(
  req: DrillQueryRequest,
  needs: TotalsNeeds = { accounts: true, currencies: true },
): SqlQuery & { title: string; note: string | null } {
  const p = new Params();
  const cte = prepared(p, req);
  // Placeholders are numbered in the order they are written: the SELECT's before the WHERE's.
  const matched = searchSql(p, req.search);
  const pop = populationOf(p, req.target, req.scope);
  const sql = `${cte}
  SELECT count(*)::INTEGER AS count, sum(amount)::DOUBLE AS amount, count(amount)::INTEGER AS amount_n,
    sum(amount * probability)::DOUBLE AS weighted,
    count(*) FILTER (WHERE ${WON})::INTEGER AS won_n, sum(amount) FILTER (WHERE ${WON})::DOUBLE AS won_amt,
    count(*) FILTER (WHERE status = 'lost')::INTEGER AS lost_n, sum(amount) FILTER (WHERE status = 'lost')::DOUBLE AS lost_amt,
    count(*) FILTER (WHERE is_open)::INTEGER AS open_n, sum(amount) FILTER (WHERE is_open)::DOUBLE AS open_amt,
    avg(cycle_days) FILTER (WHERE ${WON})::DOUBLE AS won_cycle,
    avg(cycle_days) FILTER (WHERE status IN ('won', 'lost'))::DOUBLE AS closed_cycle,
    ${needs.accounts ? 'count(DISTINCT account_key)::INTEGER' : 'NULL::INTEGER'} AS accounts,
    ${needs.currencies ? `string_agg(DISTINCT currency, chr(10) ORDER BY currency) FILTER (WHERE currency IS NOT NULL)` : 'NULL::VARCHAR'} AS currencies,
    count(*) FILTER (WHERE ${matched})::INTEGER AS matched
  FROM g WHERE ${pop.where}`;
  return { sql, params: p.values, title: pop.title, note: pop.note };
}

/** One page of the population after the text filter, sorted (ties in file order, so pages never overlap). */
export function drillPageQuery(req: DrillQueryRequest, sort: DrillSort, offset: number, limit: number): SqlQuery {
  const p = new Params();
  const cte = prepared(p, req);
  const pop = populationOf(p, req.target, req.scope);
  const matched = searchSql(p, req.search);
  // The sort reads g's own columns, not the output's (amount cast to DOUBLE, age to INTEGER): a
  // bare column lets the engine's top-N push its running bound into the scan (docs/drill.md).
  const order = `g.${COLUMN_SQL[sort.column]} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST, g.source_file, g.source_line`;
  const sql = `${cte}
  SELECT name, account_name AS account, owner, stage, status, amount::DOUBLE AS amount, currency,
    strftime(created_date, '%Y-%m-%d') AS created, strftime(close_date, '%Y-%m-%d') AS close,
    age::INTEGER AS age, lead_source AS source, source_file AS file, source_line::INTEGER AS line
  FROM g WHERE ${pop.where} AND ${matched}
  ORDER BY ${order}
  LIMIT CAST(${p.add(limit)} AS BIGINT) OFFSET CAST(${p.add(offset)} AS BIGINT)`;
  return { sql, params: p.values };
}

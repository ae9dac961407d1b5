// One scan that answers the segment, leaderboard, pipeline-by-stage, pipeline-by-month,
// aging, funnel and opportunities-by-source views at once (GROUPING SETS over the fact table).
import type { DateRange } from '../../../shared/periods/fiscal';
import { FACT_TABLE } from '../../../queries/fact';
import { filterWhere, type Dimension, type Filters } from '../../../shared/filters';
import { Params } from '../../../platform/sql/params';
import { quoteIdent, type SqlQuery } from '../../../platform/sql/sql';
import { inRangeSql, openAtSql, openInSql } from '../../../queries/tiles';

export const VIEW_SETS = ['segment', 'owner', 'stage', 'open_month', 'aging', 'lead_source', 'total'] as const;
export type ViewSet = (typeof VIEW_SETS)[number];

/** Aging buckets of open deals: days from created date to the reference date. */
export const AGING_BUCKETS = [
  '0–30 days',
  '31–60 days',
  '61–90 days',
  '91–180 days',
  'over 180 days',
  'no created date',
] as const;

/**
 * The expected-close-month keys of open deals outside every period: shown as their own bars
 * (for all time they are part of the pipeline; for a period they are outside it, and said so).
 */
export const OUTSIDE_BUCKETS = { pastDue: 'past due', undated: 'no close date' } as const;

/**
 * The aging bucket of a row (its `age`: days from created to the reference date) while
 * `active` holds, else NULL. The view, the cube and the drill-through all use this one rule.
 */
export function agingSql(active: string): string {
  return `CASE WHEN NOT (${active}) THEN NULL
        WHEN created_date IS NULL THEN '${AGING_BUCKETS[5]}'
        WHEN age <= 30 THEN '${AGING_BUCKETS[0]}'
        WHEN age <= 60 THEN '${AGING_BUCKETS[1]}'
        WHEN age <= 90 THEN '${AGING_BUCKETS[2]}'
        WHEN age <= 180 THEN '${AGING_BUCKETS[3]}'
        ELSE '${AGING_BUCKETS[4]}' END`;
}

/**
 * The expected close month of a row (`YYYY-MM`), or its outside bucket (no close date, past
 * due: the row needs a `past_due` flag), while `active` holds.
 */
export function openMonthSql(active: string): string {
  return `CASE WHEN ${active} THEN CASE WHEN close_date IS NULL THEN '${OUTSIDE_BUCKETS.undated}'
        WHEN past_due THEN '${OUTSIDE_BUCKETS.pastDue}' ELSE strftime(close_date, '%Y-%m') END END`;
}

/** A deal reached funnel step `step` (an SQL integer): from stage history, else its current stage. */
export function reachedSql(step: string): string {
  return `coalesce(((reached >> ${step}) & 1) = 1, stage_ord >= ${step})`;
}

export interface ViewsRequest {
  readonly filters: Filters;
  readonly range: DateRange | null;
  readonly referenceDate: string;
  readonly segmentBy: Dimension;
  /** Funnel steps (stage order positions) to count. */
  readonly funnelSteps: number;
}

export interface ViewRow {
  readonly grp: number;
  readonly k_segment: string | null;
  readonly k_owner: string | null;
  readonly k_stage: string | null;
  readonly k_open_month: string | null;
  readonly k_aging: string | null;
  readonly k_lead_source: string | null;
  readonly won_n: number;
  readonly lost_n: number;
  readonly won_amt: number | null;
  readonly lost_amt: number | null;
  readonly won_cyc: number | null;
  readonly open_n: number;
  readonly open_amt: number | null;
  readonly open_wtd: number | null;
  readonly created_n: number;
  readonly created_won_n: number;
  readonly [step: `step_${number}`]: number;
}

/** The GROUPING() bit mask of each set: the first key is the highest bit, 1 = not grouped. */
export function groupingId(set: ViewSet): number {
  const keys = VIEW_SETS.filter((s) => s !== 'total');
  if (set === 'total') return (1 << keys.length) - 1;
  const full = (1 << keys.length) - 1;
  return full & ~(1 << (keys.length - 1 - keys.indexOf(set)));
}

export function viewsQuery(req: ViewsRequest): SqlQuery {
  const p = new Params();
  const openAt = openAtSql(p, req.referenceDate);
  const closedIn = inRangeSql(p, 'close_date', req.range);
  const createdIn = inRangeSql(p, 'created_date', req.range);
  const ref = p.date(req.referenceDate);
  const pastDue = p.date(req.referenceDate);
  const openIn = openInSql(p, req.range, req.referenceDate);
  const where = p.splice(filterWhere(req.filters));
  const steps = Array.from(
    { length: req.funnelSteps },
    (_, i) => `count(*) FILTER (WHERE k AND ${reachedSql(String(i))})::INTEGER AS step_${i}`,
  );
  const sql = `WITH f AS (
    SELECT *, ${quoteIdent(req.segmentBy)} AS seg FROM (
      SELECT status, stage, amount, probability, cycle_days, owner, team, manager, region, product, lead_source,
        deal_type, industry, stage_ord, reached, close_date, created_date,
        ${openAt} AS is_open, ${closedIn} AS c, ${createdIn} AS k, date_diff('day', created_date, ${ref}) AS age,
        coalesce(close_date < ${pastDue}, FALSE) AS past_due, ${openIn} AS o_in
      FROM ${FACT_TABLE} WHERE ${where}) WHERE c OR k OR is_open),
  g AS (
    SELECT *, ${openMonthSql('o')} AS open_month, ${agingSql('o')} AS aging
    FROM (SELECT *, coalesce(is_open AND o_in, FALSE) AS o FROM f))
  SELECT GROUPING(seg, owner, stage, open_month, aging, lead_source)::INTEGER AS grp,
    seg AS k_segment, owner AS k_owner, stage AS k_stage, open_month AS k_open_month, aging AS k_aging, lead_source AS k_lead_source,
    count(*) FILTER (WHERE status = 'won' AND c)::INTEGER AS won_n,
    count(*) FILTER (WHERE status = 'lost' AND c)::INTEGER AS lost_n,
    sum(amount) FILTER (WHERE status = 'won' AND c)::DOUBLE AS won_amt,
    sum(amount) FILTER (WHERE status = 'lost' AND c)::DOUBLE AS lost_amt,
    avg(cycle_days) FILTER (WHERE status = 'won' AND c)::DOUBLE AS won_cyc,
    count(*) FILTER (WHERE o)::INTEGER AS open_n,
    sum(amount) FILTER (WHERE o)::DOUBLE AS open_amt,
    sum(amount * probability) FILTER (WHERE o)::DOUBLE AS open_wtd,
    count(*) FILTER (WHERE k)::INTEGER AS created_n,
    count(*) FILTER (WHERE k AND status = 'won')::INTEGER AS created_won_n${steps.length > 0 ? ',\n    ' : ''}${steps.join(',\n    ')}
  FROM g
  GROUP BY GROUPING SETS ((seg), (owner), (stage), (open_month), (aging), (lead_source), ())`;
  return { sql, params: p.values };
}

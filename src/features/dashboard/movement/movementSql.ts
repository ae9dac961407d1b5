// Pipeline movement (docs/movement.md): each deal's state at date A and at date B read from
// stage history, whether it is in the period's pipeline at each date, and the one step its
// change belongs to. Money in whole cents (amounts are DECIMAL(18,2)), so the steps add up
// to the difference exactly.
import type { DateRange } from '../../../shared/periods/fiscal';
import { FACT_TABLE } from '../../../queries/fact';
import { filterWhere, type Filters } from '../../../shared/filters';
import { Params } from '../../../platform/sql/params';
import type { SqlQuery } from '../../../platform/sql/sql';
import { inRangeSql, openAtSql } from '../../../queries/tiles';
import { SNAPSHOT_TABLE } from '../../../mapping/snapshots';

export interface MovementScope {
  readonly from: string;
  readonly to: string;
  /** The pipeline's period (null = all time: every open deal). */
  readonly range: DateRange | null;
  readonly filters: Filters;
  /** Read from two snapshots of the deals export (at `from` and `to`) instead of stage history. */
  readonly snapshots?: boolean;
}

/** A deal's last history row on or before a date; rows of one day in file (insertion) order. */
function stateAt(p: Params, day: string): string {
  return `SELECT opportunity_id, amount, close_date, NULL::VARCHAR AS status FROM stage_history WHERE changed_at <= ${p.date(day)}
    QUALIFY row_number() OVER (PARTITION BY opportunity_id ORDER BY changed_at DESC, rowid DESC) = 1`;
}

/** A deal as the snapshot of that day shows it; an id repeated in one file is its first row. */
function snapshotAt(p: Params, day: string): string {
  return `SELECT opportunity_id, amount, close_date, status FROM ${SNAPSHOT_TABLE} WHERE as_of = ${p.date(day)}
    QUALIFY row_number() OVER (PARTITION BY opportunity_id ORDER BY source_line) = 1`;
}

/**
 * Closed at each date. From history: won or lost now with a close date on or before the date
 * (or none). From snapshots: the status each snapshot states.
 */
function closedSql(p: Params, s: MovementScope, side: 'sa' | 'sb'): string {
  if (s.snapshots) return `coalesce(${side}.status IN ('won', 'lost'), FALSE)`;
  return `(f.status IN ('won', 'lost') AND coalesce(f.close_date <= ${p.date(side === 'sa' ? s.from : s.to)}, TRUE))`;
}

/**
 * `mv`: one row per deal (of the view's filters) in the pipeline at A or at B, with in_a, in_b,
 * cents_a, cents_b, step (NULL = unchanged) and change (its effect on the pipeline, cents).
 * Closed at a date = won or lost with a close date on or before it (or none); the steps'
 * precedence is in docs/movement.md.
 */
export function movementCte(p: Params, s: MovementScope): string {
  // Placeholders are numbered in the order they are written: build in the SQL's order.
  const state = s.snapshots ? snapshotAt : stateAt;
  const sa = state(p, s.from);
  const sb = state(p, s.to);
  const closedA = closedSql(p, s, 'sa');
  const closedB = closedSql(p, s, 'sb');
  const inPeriodA = inRangeSql(p, 'sa.close_date', s.range);
  const inPeriodB = inRangeSql(p, 'sb.close_date', s.range);
  const where = p.splice(filterWhere(s.filters, {}, 'f'));
  // History names a deal by id only: an id loaded twice (data quality lists it) is its first row.
  return `one AS (SELECT * FROM ${FACT_TABLE} QUALIFY row_number() OVER (PARTITION BY opportunity_id ORDER BY source_file, source_line) = 1),
  sa AS (${sa}), sb AS (${sb}),
  d0 AS (
    SELECT f.opportunity_id, f.source_file, f.source_line, f.status, f.currency, sa.opportunity_id IS NOT NULL AS at_a,
      ${closedA} AS closed_a, ${closedB} AS closed_b,
      coalesce(${inPeriodA}, FALSE) AS period_a, coalesce(${inPeriodB}, FALSE) AS period_b,
      sa.amount IS NULL AS blank_a, sb.amount IS NULL AS blank_b,
      (coalesce(sa.amount, 0) * 100)::BIGINT AS cents_a, (coalesce(sb.amount, 0) * 100)::BIGINT AS cents_b
    FROM one f JOIN sb ON sb.opportunity_id = f.opportunity_id
      LEFT JOIN sa ON sa.opportunity_id = f.opportunity_id
    WHERE ${where}),
  d AS (SELECT *, at_a AND NOT closed_a AND period_a AS in_a, NOT closed_b AND period_b AS in_b FROM d0),
  mv AS (
    SELECT *,
      CASE
        WHEN in_a AND in_b THEN CASE WHEN cents_b > cents_a THEN 'increased' WHEN cents_b < cents_a THEN 'decreased' END
        WHEN in_a THEN CASE WHEN closed_b AND status = 'won' THEN 'won' WHEN closed_b THEN 'lost' ELSE 'pushed_out' END
        WHEN at_a THEN 'pulled_in'
        ELSE 'created'
      END AS step,
      (CASE WHEN in_b THEN cents_b ELSE 0 END) - (CASE WHEN in_a THEN cents_a ELSE 0 END) AS change
    FROM d WHERE in_a OR in_b)`;
}

/** The pipeline at A and at B, the unchanged and blank-amount deals and the currencies involved. */
export function movementTotalsQuery(s: MovementScope): SqlQuery {
  const p = new Params();
  const sql = `WITH ${movementCte(p, s)}
  SELECT count(*) FILTER (WHERE in_a)::INTEGER AS a_n, coalesce(sum(cents_a) FILTER (WHERE in_a), 0)::BIGINT AS a_cents,
    count(*) FILTER (WHERE in_b)::INTEGER AS b_n, coalesce(sum(cents_b) FILTER (WHERE in_b), 0)::BIGINT AS b_cents,
    count(*) FILTER (WHERE in_a AND in_b AND step IS NULL)::INTEGER AS unchanged,
    count(*) FILTER (WHERE (in_a AND blank_a) OR (in_b AND blank_b))::INTEGER AS blank,
    string_agg(DISTINCT currency, chr(10) ORDER BY currency) FILTER (WHERE currency IS NOT NULL) AS currencies
  FROM mv`;
  return { sql, params: p.values };
}

export function movementStepsQuery(s: MovementScope): SqlQuery {
  const p = new Params();
  const sql = `WITH ${movementCte(p, s)}
  SELECT step, count(*)::INTEGER AS n, sum(change)::BIGINT AS cents FROM mv WHERE step IS NOT NULL GROUP BY step`;
  return { sql, params: p.values };
}

/** Deals of the view open at B and expected to close in the period that have no history up to B. */
export function withoutHistoryQuery(s: MovementScope): SqlQuery {
  const p = new Params();
  const open = openAtSql(p, s.to);
  const inPeriod = inRangeSql(p, 'close_date', s.range);
  const day = p.date(s.to);
  const where = p.splice(filterWhere(s.filters));
  const sql = `SELECT count(*)::INTEGER AS n FROM ${FACT_TABLE} f
  WHERE ${open} AND ${inPeriod} AND NOT EXISTS (
    SELECT 1 FROM stage_history h WHERE h.opportunity_id = f.opportunity_id AND h.changed_at <= ${day}) AND ${where}`;
  return { sql, params: p.values };
}

/**
 * Snapshots only: deals open in the earlier snapshot and expected in the period that the later
 * file does not hold (deleted or left out of the export). They have no step and no current
 * owner or region, so they are counted whatever the filters and said on screen.
 */
export function removedQuery(s: MovementScope): SqlQuery {
  const p = new Params();
  const sa = snapshotAt(p, s.from);
  const inPeriod = inRangeSql(p, 'sa.close_date', s.range);
  const sql = `WITH sa AS (${sa})
  SELECT count(*)::INTEGER AS n, coalesce(sum((coalesce(sa.amount, 0) * 100)::BIGINT), 0)::BIGINT AS cents FROM sa
  WHERE sa.status = 'open' AND coalesce(${inPeriod}, FALSE)
    AND NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.opportunity_id = sa.opportunity_id)`;
  return { sql, params: p.values };
}

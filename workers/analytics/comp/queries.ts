// Pure SQL builders for the compensation modeler: per-rep, per-quarter aggregates in
// integer cents. (JS numbers bind as DOUBLE, so the offset is cast: `//` on a DOUBLE does not floor.)
// Quarter index = floor((year·12 + month − 1 − (fiscal start − 1)) ÷ 3),
// the same formula as src/features/comp/core/periods.ts; the fiscal offset travels as a parameter.
import type { SqlQuery, SqlValue } from '../../../src/platform/sql/sql';

/** The quarter-index expression for a DATE column expression, and its one parameter. */
function quarterOf(dateExpr: string, offset: number): { sql: string; params: SqlValue[] } {
  return { sql: `((year(${dateExpr}) * 12 + month(${dateExpr}) - 1 - CAST(? AS INTEGER)) // 3)::INTEGER`, params: [offset] };
}

const cents = (expr: string) => `coalesce((${expr} * 100)::BIGINT, 0)`;

/**
 * One row per rep. A reps file without any team (Maven's sales_teams: agent, manager, office) has
 * its teams in the manager column: each manager's reps are one team, named after the manager
 * (docs/comp.md). Decided for the whole file, never row by row, so teams are never a mix of both.
 */
export function compRepsQuery(): SqlQuery {
  const sql = `WITH names AS (
      SELECT rep FROM reps WHERE rep IS NOT NULL
      UNION SELECT owner FROM opportunities WHERE owner IS NOT NULL
      UNION SELECT rep FROM quotas WHERE rep IS NOT NULL),
    info AS (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region,
      min(start_date) AS start_date FROM reps GROUP BY rep),
    potential AS (SELECT owner, (sum(annual_revenue) * 100)::BIGINT AS cents FROM accounts
      WHERE owner IS NOT NULL AND annual_revenue IS NOT NULL GROUP BY owner)
    SELECT n.rep, CASE WHEN (SELECT count(team) FROM reps) > 0 THEN i.team ELSE i.manager END AS team, i.region, strftime(i.start_date, '%Y-%m-%d') AS start_date, p.cents AS potential_cents
    FROM names n LEFT JOIN info i ON i.rep = n.rep LEFT JOIN potential p ON p.owner = n.rep
    ORDER BY n.rep`;
  return { sql, params: [] };
}

export function compBookingsQuery(offset: number): SqlQuery {
  const q = quarterOf('close_date', offset);
  const sql = `SELECT owner AS rep, ${q.sql} AS quarter,
      ${cents("sum(amount) FILTER (WHERE status = 'won')")} AS won_cents,
      (count(*) FILTER (WHERE status = 'won'))::INTEGER AS won_count,
      ${cents("sum(amount) FILTER (WHERE status = 'lost')")} AS lost_cents,
      ${cents('sum(amount)')} AS due_cents
    FROM opportunities WHERE owner IS NOT NULL AND close_date IS NOT NULL
    GROUP BY ALL ORDER BY rep, quarter`;
  return { sql, params: q.params };
}

export function compDealGroupsQuery(offset: number): SqlQuery {
  const q = quarterOf('close_date', offset);
  const sql = `SELECT owner AS rep, ${q.sql} AS quarter, product, deal_type,
      ${cents('sum(amount)')} AS won_cents, count(*)::INTEGER AS won_count
    FROM opportunities WHERE status = 'won' AND owner IS NOT NULL AND close_date IS NOT NULL
    GROUP BY ALL ORDER BY rep, quarter, product, deal_type`;
  return { sql, params: q.params };
}

/** Where the reps' teams come from: the team column, the manager column (no team at all), or nowhere. */
export function compTeamSourceQuery(): SqlQuery {
  const sql = `SELECT CASE WHEN count(team) > 0 THEN 'team' WHEN count(manager) > 0 THEN 'manager' END AS source FROM reps`;
  return { sql, params: [] };
}

const WON_STAGES = `SELECT DISTINCT stage FROM opportunities WHERE status = 'won' AND stage IS NOT NULL`;

/** How much stage history there is, and how much of it shows a won stage. */
export function compHistoryCheckQuery(): SqlQuery {
  const sql = `SELECT count(*)::INTEGER AS snapshots,
      (count(*) FILTER (WHERE stage IN (${WON_STAGES})))::INTEGER AS won_snapshots
    FROM stage_history`;
  return { sql, params: [] };
}

/**
 * Deals lost after having been won: a stage-history snapshot in a won stage, a lost status
 * now, and an actual close on or after that snapshot. The amount is the won snapshot's.
 */
export function compClawbacksQuery(offset: number): SqlQuery {
  const lost = quarterOf('o.close_date', offset);
  const won = quarterOf('f.won_at', offset);
  const sql = `WITH first_won AS (
      SELECT opportunity_id, min(changed_at) AS won_at, arg_min(amount, changed_at) AS amount
      FROM stage_history WHERE stage IN (${WON_STAGES}) GROUP BY opportunity_id)
    SELECT o.owner AS rep, ${lost.sql} AS quarter, ${won.sql} AS won_quarter,
      ${cents('sum(coalesce(f.amount, o.amount))')} AS amount_cents, count(*)::INTEGER AS count
    FROM opportunities o JOIN first_won f ON f.opportunity_id = o.opportunity_id
    WHERE o.status = 'lost' AND o.owner IS NOT NULL AND o.close_date IS NOT NULL AND o.close_date >= f.won_at
    GROUP BY ALL ORDER BY rep, quarter, won_quarter`;
  return { sql, params: [...lost.params, ...won.params] };
}

export function compQuotaRowsQuery(): SqlQuery {
  const sql = `SELECT rep, strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end,
      (quota_amount * 100)::BIGINT AS quota_cents
    FROM quotas WHERE rep IS NOT NULL AND period_start IS NOT NULL AND period_end IS NOT NULL AND quota_amount IS NOT NULL
    ORDER BY rep, period_start`;
  return { sql, params: [] };
}

/** The quarters to pay: from the first won deal or quota to the reference date. */
export function compSpanQuery(offset: number): SqlQuery {
  const first = quarterOf("least(min(close_date) FILTER (WHERE status = 'won'), (SELECT min(period_start) FROM quotas))", offset);
  const ref = `greatest(max(created_date), max(close_date) FILTER (WHERE status <> 'open'))`;
  const last = quarterOf(ref, offset);
  const sql = `SELECT ${first.sql} AS first_quarter, ${last.sql} AS last_quarter, strftime(${ref}, '%Y-%m-%d') AS reference_date
    FROM opportunities`;
  return { sql, params: [...first.params, ...last.params] };
}

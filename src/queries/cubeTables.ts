// The dashboard's monthly cubes, built once per import (and per reference date): the fact
// table grouped by close month or created month and every filter dimension (loaded into the
// worker's memory), plus the small tables spread over calendar months (kept as tables).
// Every month-aligned period is then a sum of months: a period change needs no scan.
import { FACT_TABLE } from './fact';
import { Params } from '../platform/sql/params';
import type { SqlQuery } from '../platform/sql/sql';
import { openAtSql } from './tiles';
import { agingSql } from './views';

const DIMS = 'owner, team, manager, region, product, lead_source, deal_type, industry';
const REP_DIMS = `(SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region
             FROM reps GROUP BY rep)`;

/** Closed and open deals by close month; `is_open`, `past_due` and `aging` depend on the reference date. */
function closedCubeSql(referenceDate: string): SqlQuery {
  const p = new Params();
  const openAt = openAtSql(p, referenceDate);
  const ref = p.date(referenceDate);
  const pastDue = p.date(referenceDate);
  const sql = `WITH f AS (
    SELECT *, ${openAt} AS is_open, date_diff('day', created_date, ${ref}) AS age,
      coalesce(close_date < ${pastDue}, FALSE) AS past_due FROM ${FACT_TABLE})
  SELECT date_trunc('month', close_date)::DATE AS cm, status, is_open, past_due, stage, currency,
    ${agingSql('is_open')} AS aging,
    ${DIMS},
    count(*)::INTEGER AS n, sum(amount) AS amt, count(amount)::INTEGER AS amt_n,
    sum(cycle_days)::BIGINT AS cyc_sum, count(cycle_days)::INTEGER AS cyc_n,
    sum(amount * probability) AS wtd, count(amount * probability)::INTEGER AS wtd_n,
    count(*) FILTER (WHERE amount_imputed)::INTEGER AS imputed_n
  FROM f GROUP BY ALL`;
  return { sql, params: p.values };
}

/**
 * Won deals by account and filter dimensions, with the trailing year up to the reference
 * date marked: CLV's distinct accounts under any filter without scanning every deal.
 */
function wonAccountsCubeSql(referenceDate: string): SqlQuery {
  const p = new Params();
  const yearStart = p.date(referenceDate);
  const yearEnd = p.date(referenceDate);
  const sql = `SELECT account_key, ${DIMS}, sum(amount) AS amt, sum(amount) FILTER (WHERE in_year) AS y_amt, bool_or(in_year) AS any_y
  FROM (SELECT *, (close_date > ${yearStart} - INTERVAL 1 YEAR AND close_date <= ${yearEnd}) AS in_year
        FROM ${FACT_TABLE} WHERE status = 'won')
  GROUP BY ALL`;
  return { sql, params: p.values };
}

/** Deals by created month with the funnel path each reached (independent of the reference date). */
function createdCubeSql(): SqlQuery {
  const sql = `SELECT date_trunc('month', created_date)::DATE AS km, status, stage_ord, reached, ${DIMS}, count(*)::INTEGER AS n
  FROM ${FACT_TABLE} GROUP BY ALL`;
  return { sql, params: [] };
}

/**
 * Spend and quotas spread over the calendar months their period covers, by days of overlap —
 * the same proration the day-level builders use, so summing a range's months gives the same
 * share. Rows with `month` NULL carry the whole amount: the all-time period counts every row.
 */
export function sideCubeSql(): SqlQuery[] {
  const spread = (table: string, amount: string, keys: string, join = '') => `
  WITH t AS (SELECT ${keys}, ${amount} AS amount, period_start, period_end FROM ${table} ${join}),
  m AS (SELECT *, unnest(generate_series(date_trunc('month', period_start), date_trunc('month', period_end), INTERVAL 1 MONTH))::DATE AS month
        FROM t WHERE period_start <= period_end)
  SELECT month, ${keys}, sum(amount * greatest(0, date_diff('day', greatest(period_start, month), least(period_end + 1, (month + INTERVAL 1 MONTH)::DATE)))::DOUBLE
      / greatest(1, date_diff('day', period_start, period_end) + 1))::DOUBLE AS amount
  FROM m GROUP BY ALL
  UNION ALL SELECT NULL::DATE AS month, ${keys}, sum(amount)::DOUBLE AS amount FROM t GROUP BY ALL`;
  return [
    { sql: `CREATE OR REPLACE TABLE dash_m_spend AS ${spread('spend', 'amount', 'channel')}`, params: [] },
    {
      sql: `CREATE OR REPLACE TABLE dash_m_quota AS ${spread('quotas q', 'quota_amount', 'rep, team, manager, region', `LEFT JOIN ${REP_DIMS} r USING (rep)`)}`,
      params: [],
    },
    {
      sql: `CREATE OR REPLACE TABLE dash_m_leads AS
  SELECT date_trunc('month', created_date)::DATE AS month, lead_source, owner, team, manager, region,
    sum(leads)::INTEGER AS leads, sum(converted)::INTEGER AS converted
  FROM dash_leads GROUP BY ALL`,
      params: [],
    },
    {
      sql: `CREATE OR REPLACE TABLE dash_m_first_won AS
  SELECT date_trunc('month', first_won)::DATE AS month, count(*)::INTEGER AS n FROM dash_first_won GROUP BY ALL`,
      params: [],
    },
  ];
}

/** How the worker loads a cube into memory: text columns become dictionaries, numbers DOUBLE. */
export interface CubeLoad {
  readonly query: SqlQuery;
  readonly text: readonly string[];
  readonly num: readonly string[];
}

const DIM_LIST = DIMS.split(', ');

export function closedCubeLoad(referenceDate: string): CubeLoad {
  const cube = closedCubeSql(referenceDate);
  const num = ['is_open', 'past_due', 'n', 'amt', 'amt_n', 'cyc_sum', 'cyc_n', 'wtd', 'wtd_n', 'imputed_n'];
  const text = ['cm', 'status', 'stage', 'currency', 'aging', ...DIM_LIST];
  const sql = `SELECT strftime(cm, '%Y-%m-%d') AS cm, status, stage, currency, aging, ${DIMS},
    ${num.map((c) => `${c}::DOUBLE AS ${c}`).join(', ')} FROM (${cube.sql})`;
  return { query: { sql, params: cube.params }, text, num };
}

/**
 * The funnel steps a row counts for, as two 31-bit words (a double holds 53 bits exactly):
 * the stages reached from stage history when loaded, else every stage up to the current one.
 */
export function createdCubeLoad(): CubeLoad {
  const cube = createdCubeSql();
  const sql = `SELECT strftime(km, '%Y-%m-%d') AS km, status, ${DIMS}, n::DOUBLE AS n,
    (steps & 2147483647)::DOUBLE AS steps_lo, (steps >> 31)::DOUBLE AS steps_hi
  FROM (SELECT *, CASE WHEN reached IS NOT NULL THEN reached
      WHEN stage_ord IS NOT NULL THEN (1::BIGINT << (least(stage_ord, 61) + 1)) - 1 ELSE 0 END AS steps
    FROM (${cube.sql}))`;
  return { query: { sql, params: [] }, text: ['km', 'status', ...DIM_LIST], num: ['n', 'steps_lo', 'steps_hi'] };
}

export function wonCubeLoad(referenceDate: string): CubeLoad {
  const cube = wonAccountsCubeSql(referenceDate);
  const sql = `SELECT account_key, ${DIMS}, amt::DOUBLE AS amt, y_amt::DOUBLE AS y_amt, any_y::DOUBLE AS any_y FROM (${cube.sql})`;
  return { query: { sql, params: cube.params }, text: ['account_key', ...DIM_LIST], num: ['amt', 'y_amt', 'any_y'] };
}

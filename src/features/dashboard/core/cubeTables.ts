// The dashboard's monthly cubes, built once per import (and per reference date): the fact
// table grouped by close month or created month and every filter dimension (loaded into the
// worker's memory), plus the small tables spread over calendar months (kept as tables).
// Every month-aligned period is then a sum of months: a period change needs no scan.
import type { SqlQuery } from '../../../platform/sql/sql';
import { toDuckdb } from '../../../platform/query/duckdb';
import { closedCube, createdCube, wonCube, type CubeSpec } from './cubeQueries';

const REP_DIMS = `(SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region
             FROM reps GROUP BY rep)`;

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

/** The three cubes come from their query descriptions (src/features/dashboard/core/cubeQueries.ts), rendered for DuckDB. */
function load(spec: CubeSpec): CubeLoad {
  return { query: toDuckdb(spec.query), text: spec.text, num: spec.num };
}

export const closedCubeLoad = (referenceDate: string): CubeLoad => load(closedCube(referenceDate));
export const createdCubeLoad = (): CubeLoad => load(createdCube());
export const wonCubeLoad = (referenceDate: string): CubeLoad => load(wonCube(referenceDate));

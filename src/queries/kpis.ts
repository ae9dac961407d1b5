// The headline KPIs of SPEC §3 for one period, in one pass over opportunities.
// Money stays DECIMAL inside the engine and becomes DOUBLE only at the boundary.
import type { DateRange } from '../periods/fiscal';
import { inRange } from './range';
import type { SqlQuery } from './sql';

export interface KpiRow {
  readonly won_amount: number | null;
  readonly won_count: number;
  readonly lost_count: number;
  readonly won_with_amount: number;
  readonly avg_cycle_days: number | null;
  readonly cycle_count: number;
  readonly open_pipeline: number | null;
  readonly open_count: number;
  readonly open_with_amount: number;
  readonly open_imputed: number;
}

export function kpiSummaryQuery(range: DateRange | null): SqlQuery {
  const closed = inRange('close_date', range);
  const sql = `SELECT
    sum(amount) FILTER (WHERE status = 'won' AND ${closed.sql})::DOUBLE AS won_amount,
    count(*) FILTER (WHERE status = 'won' AND ${closed.sql})::INTEGER AS won_count,
    count(*) FILTER (WHERE status = 'lost' AND ${closed.sql})::INTEGER AS lost_count,
    count(amount) FILTER (WHERE status = 'won' AND ${closed.sql})::INTEGER AS won_with_amount,
    avg(date_diff('day', created_date, close_date)) FILTER (WHERE status = 'won' AND ${closed.sql})::DOUBLE AS avg_cycle_days,
    count(date_diff('day', created_date, close_date)) FILTER (WHERE status = 'won' AND ${closed.sql})::INTEGER AS cycle_count,
    sum(amount) FILTER (WHERE status = 'open' AND ${closed.sql})::DOUBLE AS open_pipeline,
    count(*) FILTER (WHERE status = 'open' AND ${closed.sql})::INTEGER AS open_count,
    count(amount) FILTER (WHERE status = 'open' AND ${closed.sql})::INTEGER AS open_with_amount,
    count(*) FILTER (WHERE status = 'open' AND amount_imputed AND ${closed.sql})::INTEGER AS open_imputed
  FROM opportunities`;
  // The same range condition appears ten times, each with its own two placeholders.
  const params = Array.from({ length: 10 }, () => closed.params).flat();
  return { sql, params };
}

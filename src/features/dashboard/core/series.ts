// Closed deals by close month over the current and the comparison range, in one query:
// the bookings chart, its comparison line and the tiles' sparklines are folded from it.
import type { DateRange } from '../../../shared/periods/fiscal';
import { FACT_TABLE } from '../../../queries/fact';
import { filterWhere, type Filters } from '../../../shared/filters';
import { Params } from '../../../platform/sql/params';
import type { SqlQuery } from '../../../platform/sql/sql';
import { inRangeSql } from '../../../queries/tiles';

export interface MonthRow {
  /** 'cur' for the period on screen, 'cmp' for the comparison period. */
  readonly side: 'cur' | 'cmp';
  readonly month: string;
  readonly won_amt: number | null;
  readonly won_n: number;
  readonly lost_n: number;
  readonly cyc_sum: number | null;
  readonly cyc_n: number;
}

export function monthSeriesQuery(filters: Filters, current: DateRange | null, comparison: DateRange | null): SqlQuery {
  const p = new Params();
  const inCur = inRangeSql(p, 'close_date', current);
  const inCmp = comparison ? inRangeSql(p, 'close_date', comparison) : 'FALSE';
  const where = p.splice(filterWhere(filters));
  const sql = `SELECT side, strftime(date_trunc('month', close_date), '%Y-%m-%d') AS month,
    sum(amount) FILTER (WHERE status = 'won')::DOUBLE AS won_amt,
    count(*) FILTER (WHERE status = 'won')::INTEGER AS won_n,
    count(*) FILTER (WHERE status = 'lost')::INTEGER AS lost_n,
    sum(cycle_days) FILTER (WHERE status = 'won')::DOUBLE AS cyc_sum,
    count(cycle_days) FILTER (WHERE status = 'won')::INTEGER AS cyc_n
  FROM (SELECT *, CASE WHEN ${inCur} THEN 'cur' WHEN ${inCmp} THEN 'cmp' END AS side FROM ${FACT_TABLE}
        WHERE status IN ('won', 'lost') AND close_date IS NOT NULL AND ${where})
  WHERE side IS NOT NULL
  GROUP BY 1, 2 ORDER BY 1, 2`;
  return { sql, params: p.values };
}

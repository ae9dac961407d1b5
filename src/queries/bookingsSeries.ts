// Won amount by close month or fiscal quarter, for the bookings chart.
import type { DateRange, Grain } from '../periods/fiscal';
import { inRange } from './range';
import type { SqlQuery } from './sql';

export interface BookingsPoint {
  readonly bucket_start: string;
  readonly won_amount: number;
  readonly won_count: number;
}

export function bookingsSeriesQuery(range: DateRange | null, grain: Grain, fiscalStartMonth: number): SqlQuery {
  const cond = inRange('close_date', range);
  // Fiscal quarters: shift dates back to a January-start calendar, truncate, shift forward.
  const shift = fiscalStartMonth - 1;
  const bucket =
    grain === 'month'
      ? `date_trunc('month', close_date)`
      : `CAST(date_trunc('quarter', close_date - to_months(CAST(? AS INTEGER))) + to_months(CAST(? AS INTEGER)) AS DATE)`;
  const sql = `SELECT strftime(bucket, '%Y-%m-%d') AS bucket_start, coalesce(sum(amount), 0)::DOUBLE AS won_amount, count(*)::INTEGER AS won_count
    FROM (SELECT ${bucket} AS bucket, amount FROM opportunities WHERE status = 'won' AND close_date IS NOT NULL AND ${cond.sql})
    GROUP BY bucket ORDER BY bucket`;
  const params = grain === 'month' ? cond.params : [shift, shift, ...cond.params];
  return { sql, params };
}

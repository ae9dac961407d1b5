// Quota per bookings bucket, for the target line on the bookings chart (row-level road; the
// cube road folds the same prorated months). Quotas are prorated by the days a quota period
// shares with the bucket, as for the attainment tile (extras.ts).
import type { DateRange } from '../../../shared/periods/fiscal';
import { filterWhere, type Filters } from '../../../shared/filters';
import { overlapSql, restrict, REP_DIMS } from '../../../queries/extras';
import { Params } from '../../../platform/sql/params';
import type { SqlQuery } from '../../../platform/sql/sql';

/** One row, columns q0…qn: each bucket's quota. Filters must not be blocked for quotas (see quotaBlocked). */
export function quotaBucketsQuery(buckets: readonly DateRange[], filters: Filters): SqlQuery {
  const p = new Params();
  const cols = buckets.map((b, i) => `sum(quota_amount * ${overlapSql(p, b)})::DOUBLE AS q${i}`);
  const where = p.splice(filterWhere(restrict(filters, REP_DIMS), { owner: 'rep' }));
  const sql = `SELECT ${cols.length > 0 ? cols.join(', ') : 'NULL AS none'} FROM quotas q
    LEFT JOIN (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region FROM reps GROUP BY rep) r USING (rep)
    WHERE ${where}`;
  return { sql, params: p.values };
}

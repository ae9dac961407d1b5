// The small tables' inputs for one period: spend (CAC), new customers, quota (coverage,
// attainment) and leads (lead ratio), each prorated or counted by date. A filter on a
// dimension a table does not carry makes that input unavailable, with the reason.
import type { DateRange } from '../shared/periods/fiscal';
import { activeDimensions, DIMENSION_LABELS, filterWhere, type Dimension, type Filters } from '../shared/filters';
import { Params } from '../platform/sql/params';
import type { SqlQuery } from '../platform/sql/sql';
import { inRangeSql, RANGE_KEYS, type RangeKey, type Ranges } from './tiles';

export const REP_DIMS: readonly Dimension[] = ['owner', 'team', 'manager', 'region'];
export const LEAD_DIMS: readonly Dimension[] = [...REP_DIMS, 'lead_source'];

export interface ExtrasRow {
  readonly spend: number | null;
  readonly spend_rows: number;
  readonly new_customers: number;
  readonly quota: number | null;
  readonly quota_rows: number;
  readonly leads: number;
  readonly converted: number;
  readonly lead_rows: number;
}

/** Why a table cannot answer under these filters, or null when it can. */
export function blockedBy(filters: Filters, allowed: readonly Dimension[], what: string): string | null {
  const other = activeDimensions(filters).filter((d) => !allowed.includes(d));
  if (other.length === 0) return null;
  const names = other.map((d) => DIMENSION_LABELS[d].toLowerCase()).join(', ');
  return `${what} not split by ${names}; clear that filter to see it.`;
}

export const spendBlocked = (f: Filters) => blockedBy(f, [], 'Spend is');
export const quotaBlocked = (f: Filters) => blockedBy(f, REP_DIMS, 'Quotas are');
export const leadsBlocked = (f: Filters) => blockedBy(f, LEAD_DIMS, 'Leads are');

/** Only the dimensions a table carries (the others make its inputs unavailable, see blockedBy). */
export function restrict(filters: Filters, dims: readonly Dimension[]): Filters {
  return Object.fromEntries(dims.map((d) => [d, filters[d] ?? []]));
}

/** Share of [period_start, period_end] (inclusive) that lies inside the range. */
export function overlapSql(p: Params, range: DateRange | null): string {
  if (!range) return '1';
  const start = p.date(range.start);
  const end = p.date(range.end);
  return `greatest(0, date_diff('day', greatest(period_start, ${start}), least(period_end + 1, ${end})))::DOUBLE
    / greatest(1, date_diff('day', period_start, period_end) + 1)`;
}

/** The small tables' inputs for every range at once: one query, one scan of each table. */
export function extrasQuery(ranges: Ranges, filters: Filters): SqlQuery {
  const p = new Params();
  const keys = RANGE_KEYS.filter((k) => ranges[k] !== undefined);
  const spend = keys.map((k) => `sum(amount * ${overlapSql(p, ranges[k] ?? null)})::DOUBLE AS ${k}_spend`);
  const firstWon = keys.map(
    (k) => `count(*) FILTER (WHERE ${inRangeSql(p, 'first_won', ranges[k] ?? null)})::INTEGER AS ${k}_new_customers`,
  );
  const quota = keys.map((k) => `sum(quota_amount * ${overlapSql(p, ranges[k] ?? null)})::DOUBLE AS ${k}_quota`);
  const quotaWhere = p.splice(filterWhere(restrict(filters, REP_DIMS), { owner: 'rep' }));
  const leads = keys.map((k) => {
    // Each FILTER gets its own placeholders: parameters are positional.
    const leadsIn = inRangeSql(p, 'created_date', ranges[k] ?? null);
    const convertedIn = inRangeSql(p, 'created_date', ranges[k] ?? null);
    return `coalesce(sum(leads) FILTER (WHERE ${leadsIn}), 0)::INTEGER AS ${k}_leads, coalesce(sum(converted) FILTER (WHERE ${convertedIn}), 0)::INTEGER AS ${k}_converted`;
  });
  const leadWhere = p.splice(filterWhere(restrict(filters, LEAD_DIMS)));
  const sql = `SELECT * FROM
    (SELECT ${spend.join(', ')}, count(*)::INTEGER AS spend_rows FROM spend),
    (SELECT ${firstWon.join(', ')} FROM dash_first_won),
    (SELECT ${quota.join(', ')} FROM quotas q
      LEFT JOIN (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region FROM reps GROUP BY rep) r USING (rep)
      WHERE ${quotaWhere}),
    (SELECT count(*)::INTEGER AS quota_rows FROM quotas),
    (SELECT ${leads.join(', ')} FROM dash_leads WHERE ${leadWhere}),
    (SELECT count(*)::INTEGER AS lead_rows FROM dash_leads)`;
  return { sql, params: p.values };
}

/** One range's inputs out of the combined row. */
export function extrasOf(row: Record<string, unknown>, key: RangeKey): ExtrasRow {
  const num = (name: string): number | null => {
    const v = row[name];
    return typeof v === 'number' ? v : null;
  };
  return {
    spend: num(`${key}_spend`),
    spend_rows: num('spend_rows') ?? 0,
    new_customers: num(`${key}_new_customers`) ?? 0,
    quota: num(`${key}_quota`),
    quota_rows: num('quota_rows') ?? 0,
    leads: num(`${key}_leads`) ?? 0,
    converted: num(`${key}_converted`) ?? 0,
    lead_rows: num('lead_rows') ?? 0,
  };
}

// Per-group reads of the small tables: leads by source, spend by channel, quota by rep,
// and the values each filter dimension can take (for the filter pickers).
import type { DateRange } from '../shared/periods/fiscal';
import { FACT_TABLE } from './fact';
import { DIMENSIONS, filterWhere, type Dimension, type Filters } from '../shared/filters';
import { Params } from '../platform/sql/params';
import { quoteIdent, type SqlQuery } from '../platform/sql/sql';
import { inRangeSql } from './tiles';

export interface LeadSourceRow {
  readonly source: string | null;
  readonly leads: number;
  readonly converted: number;
}

/** Filters must already be restricted to the dimensions leads carry. */
export function leadsBySourceQuery(range: DateRange | null, filters: Filters): SqlQuery {
  const p = new Params();
  const sql = `SELECT lead_source AS source, sum(leads)::INTEGER AS leads, sum(converted)::INTEGER AS converted
    FROM dash_leads WHERE ${inRangeSql(p, 'created_date', range)} AND ${p.splice(filterWhere(filters))}
    GROUP BY 1 ORDER BY 2 DESC, 1`;
  return { sql, params: p.values };
}

export interface ChannelRow {
  readonly channel: string | null;
  readonly spend: number;
}

export function spendByChannelQuery(range: DateRange | null): SqlQuery {
  const p = new Params();
  const share = range
    ? `greatest(0, date_diff('day', greatest(period_start, ${p.date(range.start)}), least(period_end + 1, ${p.date(range.end)})))::DOUBLE
       / greatest(1, date_diff('day', period_start, period_end) + 1)`
    : '1';
  const sql = `SELECT channel, sum(amount * ${share})::DOUBLE AS spend FROM spend GROUP BY 1 HAVING sum(amount * ${share}) > 0 ORDER BY 2 DESC, 1`;
  // The share expression appears twice: its parameters twice, in order.
  return { sql, params: [...p.values, ...p.values] };
}

export interface RepQuotaRow {
  readonly rep: string;
  readonly quota: number;
}

export function quotaByRepQuery(range: DateRange | null): SqlQuery {
  const p = new Params();
  const share = range
    ? `greatest(0, date_diff('day', greatest(period_start, ${p.date(range.start)}), least(period_end + 1, ${p.date(range.end)})))::DOUBLE
       / greatest(1, date_diff('day', period_start, period_end) + 1)`
    : '1';
  return { sql: `SELECT rep, sum(quota_amount * ${share})::DOUBLE AS quota FROM quotas GROUP BY rep`, params: p.values };
}

export interface DimensionValueRow {
  readonly dim: string;
  readonly value: string | null;
  readonly n: number;
}

/** Every value of every filter dimension, most frequent first (NULL is "blank"). */
export function dimensionValuesQuery(): SqlQuery {
  const parts = DIMENSIONS.map(
    (d: Dimension) => `SELECT '${d}' AS dim, ${quoteIdent(d)} AS value, count(*)::INTEGER AS n FROM ${FACT_TABLE} GROUP BY 2`,
  );
  return { sql: `${parts.join(' UNION ALL ')} ORDER BY dim, n DESC, value`, params: [] };
}

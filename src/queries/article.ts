// The article's own definitions of two KPIs (docs/kpis.md, "The article's variants"): win rate
// as customers won from the lead pool, and the sales cycle from a lead's creation to its won
// deal's close. Both need deals linked to the leads they came from: `dash_lead_link` holds every
// (lead, deal) pair that either file names (the deal's lead_id, or the lead's converted deal).
import { LEAD_DIMS, leadsBlocked, restrict } from './extras';
import { FACT_TABLE } from './fact';
import { filterWhere, type Filters } from '../shared/filters';
import { Params } from '../platform/sql/params';
import type { SqlQuery } from '../platform/sql/sql';
import { inRangeSql, RANGE_KEYS, type RangeKey, type Ranges } from './tiles';

export const LEAD_LINK_TABLE = 'dash_lead_link';

/** Every (lead, deal) pair named from either side; built once per import. */
export function leadLinkSql(): SqlQuery {
  const sql = `CREATE OR REPLACE TABLE ${LEAD_LINK_TABLE} AS
  SELECT DISTINCT lead_id, opportunity_id FROM (
    SELECT l.lead_id, o.opportunity_id FROM leads l JOIN opportunities o ON o.lead_id = l.lead_id
    UNION ALL
    SELECT l.lead_id, o.opportunity_id FROM leads l JOIN opportunities o ON o.opportunity_id = l.converted_opportunity_id)`;
  return { sql, params: [] };
}

/** One range's inputs of the article's variants. */
export interface ArticleAgg {
  /** Distinct leads created in the range (under the lead filters). */
  readonly leads: number;
  /** Of those, leads with a deal won by the reference date. */
  readonly leadCustomers: number;
  /** Won deals closed in the range that came from a lead (with a created date on or before the close). */
  readonly fromLead: number;
  /** Won deals closed in the range without a linked lead. */
  readonly withoutLead: number;
  /** Won deals whose earliest linked lead was created after the deal closed: left out, counted. */
  readonly leadAfterClose: number;
  readonly cycleMean: number | null;
  readonly cycleMedian: number | null;
}

export interface ArticleTotals {
  /** Pairs in the link table: 0 means no lead file is linked to the deals. */
  readonly links: number;
  readonly leadRows: number;
}

const FIELDS = ['leads', 'lead_customers', 'from_lead', 'without_lead', 'lead_after_close', 'cyc_mean', 'cyc_med'] as const;

/** Every range's inputs in one query: a pass over the leads and one over the won deals. */
export function articleQuery(ranges: Ranges, filters: Filters, referenceDate: string): SqlQuery {
  const p = new Params();
  const keys = RANGE_KEYS.filter((k) => ranges[k] !== undefined);
  const ref = p.date(referenceDate);
  // Placeholders are positional: build in the SQL's order (the CTEs' WHEREs, then the columns).
  const leadWhere = p.splice(filterWhere(restrict(filters, LEAD_DIMS), { lead_source: 'source' }));
  const dealWhere = p.splice(filterWhere(filters));
  const leadCols = keys.flatMap((k) => {
    const a = inRangeSql(p, 'created_date', ranges[k] ?? null);
    const b = inRangeSql(p, 'created_date', ranges[k] ?? null);
    return [
      `count(*) FILTER (WHERE ${a})::INTEGER AS ${k}_leads`,
      `count(*) FILTER (WHERE ${b} AND won)::INTEGER AS ${k}_lead_customers`,
    ];
  });
  const dealCols = keys.flatMap((k) => {
    const inK = () => inRangeSql(p, 'close_date', ranges[k] ?? null);
    const ok = `lead_created IS NOT NULL AND lead_created <= close_date`;
    return [
      `count(*) FILTER (WHERE ${inK()} AND ${ok})::INTEGER AS ${k}_from_lead`,
      `count(*) FILTER (WHERE ${inK()} AND lead_created IS NULL)::INTEGER AS ${k}_without_lead`,
      `count(*) FILTER (WHERE ${inK()} AND lead_created > close_date)::INTEGER AS ${k}_lead_after_close`,
      `avg(days) FILTER (WHERE ${inK()} AND ${ok})::DOUBLE AS ${k}_cyc_mean`,
      `median(days) FILTER (WHERE ${inK()} AND ${ok})::DOUBLE AS ${k}_cyc_med`,
    ];
  });
  // A lead became a customer when a deal it led to was won by the reference date, and not
  // before the lead existed (such a link is a data error; it is not a conversion).
  const sql = `WITH won_leads AS (
      SELECT DISTINCT k.lead_id FROM ${LEAD_LINK_TABLE} k JOIN opportunities o USING (opportunity_id)
      JOIN leads l ON l.lead_id = k.lead_id
      WHERE o.status = 'won' AND o.close_date <= ${ref} AND (l.created_date IS NULL OR o.close_date >= l.created_date)),
    lf AS (
      SELECT l.lead_id, min(l.created_date) AS created_date, bool_or(w.lead_id IS NOT NULL) AS won
      FROM (SELECT l.lead_id, l.created_date, l.source, l.owner, r.team, r.manager, r.region FROM leads l
            LEFT JOIN (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region
                       FROM reps GROUP BY rep) r ON r.rep = l.owner) l
      LEFT JOIN won_leads w USING (lead_id)
      WHERE ${leadWhere}
      GROUP BY l.lead_id),
    deals AS (
      SELECT f.opportunity_id, f.close_date, min(l.created_date) AS lead_created,
        date_diff('day', min(l.created_date), f.close_date) AS days
      FROM (SELECT DISTINCT opportunity_id, close_date FROM ${FACT_TABLE} WHERE status = 'won' AND ${dealWhere}) f
      LEFT JOIN ${LEAD_LINK_TABLE} k USING (opportunity_id)
      LEFT JOIN leads l USING (lead_id)
      GROUP BY f.opportunity_id, f.close_date)
  SELECT * FROM
    (SELECT ${leadCols.join(', ')} FROM lf),
    (SELECT ${dealCols.join(', ')} FROM deals),
    (SELECT count(*)::INTEGER AS links FROM ${LEAD_LINK_TABLE}),
    (SELECT count(*)::INTEGER AS lead_rows FROM leads)`;
  return { sql, params: p.values };
}

export function articleTotals(row: Record<string, unknown>): ArticleTotals {
  return { links: numOr0(row['links']), leadRows: numOr0(row['lead_rows']) };
}

export function articleOf(row: Record<string, unknown>, key: RangeKey): ArticleAgg {
  const v = Object.fromEntries(FIELDS.map((f) => [f, row[`${key}_${f}`]])) as Record<(typeof FIELDS)[number], unknown>;
  return {
    leads: numOr0(v.leads),
    leadCustomers: numOr0(v.lead_customers),
    fromLead: numOr0(v.from_lead),
    withoutLead: numOr0(v.without_lead),
    leadAfterClose: numOr0(v.lead_after_close),
    cycleMean: typeof v.cyc_mean === 'number' ? v.cyc_mean : null,
    cycleMedian: typeof v.cyc_med === 'number' ? v.cyc_med : null,
  };
}

/** Why the article's variants cannot be computed for these data and filters, or null. */
export function articleBlocked(totals: ArticleTotals, filters: Filters): string | null {
  if (totals.leadRows === 0) return 'No leads are loaded; the article’s definitions count from the lead pool.';
  if (totals.links === 0)
    return 'No deal is linked to a lead: neither file names the other (a lead id on the deals, or the converted deal on the leads).';
  return leadsBlocked(filters);
}

function numOr0(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

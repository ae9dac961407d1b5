// One row per lead (distinct lead id) with its attributes and its outcome as of the reference
// date: did it become an opportunity, did it become a customer, when, for how much. The rows stay
// in the worker; the screen's tables and the score are computed from them (core.ts, score.ts).
import { LEAD_DIMS, restrict } from './extras';
import { filterWhere, type Filters } from '../shared/filters';
import { Params } from '../platform/sql/params';
import { quoteIdent, type SqlQuery, type SqlValue } from '../platform/sql/sql';
import { LEAD_LINK_TABLE } from './article';
import { LEAD_ATTRIBUTES_TABLE } from '../canonical/schema';
import { isColumnAttribute, type LeadAttribute } from '../shared/leadAttributes';

export interface LeadRow {
  readonly lead_id: string;
  readonly created: string | null;
  readonly source: string | null;
  readonly owner: string | null;
  readonly country: string | null;
  readonly state: string | null;
  readonly campaign: string | null;
  readonly landing_page: string | null;
  readonly origin: string | null;
  /** The value of the lead-file column asked for (`attr.<header>`), else null. */
  readonly attr: string | null;
  readonly company: string | null;
  readonly status: string | null;
  readonly to_opp: boolean;
  /** First won close on or after the lead's creation and by the reference date. */
  readonly first_won: string | null;
  /** Σ amount of its won deals that carry one. */
  readonly won_amount: number;
  /** Its won deals without an amount: the revenue above leaves them out, so it must not be shown as the revenue. */
  readonly won_unpriced: number;
  readonly source_file: string;
  readonly source_line: number;
}

/**
 * One row per distinct lead id (earliest created date, its attributes) among the leads passing
 * `where` (a condition over the lead and its owner's team, manager, region). Shared with the
 * drill from a lead group (workers/analytics/drill/population.ts) so both count the same leads.
 * `attrName` (a placeholder whose value is added after `where`'s) adds the lead-file column of
 * that header as `attr` (lead_attributes; a lead id on several rows takes its smallest value).
 */
export function leadOnceSql(where: string, attrName?: string): string {
  const once = `SELECT lead_id, min(created_date) AS created, any_value(source) AS source, any_value(owner) AS owner,
        any_value(country) AS country, any_value(state) AS state, any_value(campaign) AS campaign,
        any_value(landing_page) AS landing_page, any_value(origin) AS origin,
        any_value(company) AS company, any_value(status) AS status,
        bool_or(coalesce(is_converted, FALSE) OR converted_opportunity_id IS NOT NULL) AS marked,
        min(converted_date) FILTER (WHERE coalesce(is_converted, FALSE) OR converted_opportunity_id IS NOT NULL) AS marked_on,
        min(source_file) AS source_file, min(source_line)::INTEGER AS source_line
      FROM (SELECT l.*, r.team, r.manager, r.region FROM leads l
            LEFT JOIN (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region
                       FROM reps GROUP BY rep) r ON r.rep = l.owner)
      WHERE ${where}
      GROUP BY lead_id`;
  if (!attrName) return `SELECT *, NULL::VARCHAR AS attr FROM (${once})`;
  return `SELECT o.*, x.attr FROM (${once}) o LEFT JOIN (
      SELECT lead_id, min(value) AS attr FROM ${LEAD_ATTRIBUTES_TABLE} WHERE name = ${attrName} GROUP BY lead_id) x USING (lead_id)`;
}

/**
 * Became an opportunity by the reference date `ref` (docs/leads.md): marked converted on or before
 * it (or on no date), or a linked deal `d` created by then (or undated) — or won by then.
 */
export const markedBySql = (l: string, ref: string) => `(${l}.marked AND (${l}.marked_on IS NULL OR ${l}.marked_on <= ${ref}))`;
export const dealBySql = (d: string, ref: string) => `(${d}.created_date IS NULL OR ${d}.created_date <= ${ref})`;

/** The lead filters of the view: lead dimensions only, the deals' lead source read as the lead's source. */
export function leadFilterWhere(filters: Filters): { sql: string; params: SqlValue[] } {
  return filterWhere(restrict(filters, LEAD_DIMS), { lead_source: 'source' });
}

/** `attrName`: the header of a lead-file column to carry as `attr` (the grouping), if any. */
export function leadRowsQuery(referenceDate: string, filters: Filters, attrName: string | null = null): SqlQuery {
  const p = new Params();
  const where = p.splice(leadFilterWhere(filters));
  const attr = attrName === null ? undefined : p.add(attrName);
  const markedRef = p.date(referenceDate);
  const dealRef = p.date(referenceDate);
  const dealWonRef = p.date(referenceDate);
  const ref = p.date(referenceDate);
  const ref2 = p.date(referenceDate);
  const ref3 = p.date(referenceDate);
  // A won deal counts for its lead only when it closed by the reference date and not before the
  // lead existed (docs/kpis.md, the article's variants: the same rule).
  const wonCond = (r: string) => `d.status = 'won' AND d.close_date <= ${r} AND (l.created IS NULL OR d.close_date >= l.created)`;
  const sql = `WITH lead1 AS (${leadOnceSql(where, attr)}),
    deals AS (
      SELECT k.lead_id, o.status, o.amount, o.created_date, o.close_date FROM ${LEAD_LINK_TABLE} k JOIN opportunities o USING (opportunity_id))
  SELECT l.lead_id, strftime(l.created, '%Y-%m-%d') AS created, l.source, l.owner, l.country, l.state,
    l.campaign, l.landing_page, l.origin, l.attr, l.company, l.status,
    (${markedBySql('l', markedRef)} OR count(d.lead_id) FILTER (WHERE ${dealBySql('d', dealRef)} OR ${wonCond(dealWonRef)}) > 0) AS to_opp,
    strftime(min(d.close_date) FILTER (WHERE ${wonCond(ref)}), '%Y-%m-%d') AS first_won,
    coalesce(sum(d.amount) FILTER (WHERE ${wonCond(ref2)}), 0)::DOUBLE AS won_amount,
    count(*) FILTER (WHERE ${wonCond(ref3)} AND d.amount IS NULL)::INTEGER AS won_unpriced,
    l.source_file, l.source_line
  FROM lead1 l LEFT JOIN deals d USING (lead_id)
  GROUP BY l.lead_id, l.created, l.source, l.owner, l.country, l.state, l.campaign, l.landing_page, l.origin, l.attr,
    l.company, l.status, l.marked, l.marked_on, l.source_file, l.source_line
  ORDER BY l.created NULLS LAST, l.lead_id`;
  return { sql, params: p.values };
}

/** The grouping's value over a lead of leadOnceSql: its column, or the file's column carried as `attr`. */
export function attributeValueSql(attribute: LeadAttribute): string {
  return isColumnAttribute(attribute) ? quoteIdent(attribute) : 'attr';
}

/** The "Other" row: a value the table does not show by name (a blank one when the blank group is not shown). */
export function otherSql(p: Params, value: string, shown: readonly (string | null)[]): string {
  const named = shown.filter((v): v is string => v !== null);
  const notNamed = named.length > 0 ? `${value} NOT IN (${named.map((v) => p.add(v)).join(', ')})` : 'TRUE';
  return shown.includes(null) ? `(${value} IS NOT NULL AND ${notNamed})` : `(${value} IS NULL OR ${notNamed})`;
}

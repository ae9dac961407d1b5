// The leads behind a lead-quality row or a cohort (docs/leads.md, "The leads of a row"): one row
// per lead, with the same lead set (leadOnceSql) and the same outcome rules as leadRows.ts, so the
// count is the row's "leads" and the converted count its "% to opportunity" numerator. Two
// queries: the totals of all of them, and one sorted, text-filtered page.
import type { LeadListColumn, LeadListSort, LeadListTarget } from './contract';
import { extraName } from '../../shared/leadAttributes';
import type { Filters } from '../../shared/filters';
import type { DateRange } from '../../shared/periods/fiscal';
import { Params } from '../../platform/sql/params';
import type { SqlQuery } from '../../platform/sql/sql';
import { LEAD_LINK_TABLE } from '../../queries/article';
import { attributeValueSql, dealBySql, leadFilterWhere, leadOnceSql, markedBySql, otherSql } from '../../queries/leadRows';
import { inRangeSql } from '../../queries/tiles';

export interface LeadListQueryRequest {
  readonly range: DateRange | null;
  readonly referenceDate: string;
  /** The view's filters; only the lead dimensions reach here (leadsBlocked refuses the others). */
  readonly filters: Filters;
  readonly target: LeadListTarget;
  readonly search: string;
  /** For the "Other" row: the values the table shows by name (core.ts shownValues), which it leaves out. */
  readonly shown?: readonly (string | null)[];
}

/** Columns the text filter reads. */
const SEARCHED = ['lead', 'company', 'source', 'owner', 'country', 'state', 'attribute', 'status', 'deal', 'deal_name', 'file'];

/** The SQL of each sortable column over `lr` (the lead rows). */
const SORT_SQL: Record<LeadListColumn, string> = {
  lead: 'lead',
  company: 'company',
  source: 'source',
  owner: 'owner',
  country: 'country',
  state: 'state',
  attribute: 'attribute',
  created: 'created_d',
  status: 'status',
  converted: 'converted',
  customer: 'customer',
  deal: 'deal',
  deal_name: 'deal_name',
  deal_stage: 'deal_stage',
  deal_amount: 'deal_amount',
  won_amount: 'won_amount',
  deals: 'deals',
  file: 'file',
  line: 'line',
};

/** The list's `attribute` column (over `p`, the row's leads): the grouping's value when the list has no column of its own for it. */
function shownAttributeSql(target: LeadListTarget): string {
  const a = target.attribute;
  if (a === 'month' || a === 'source' || a === 'owner' || a === 'country' || a === 'state') return 'NULL::VARCHAR';
  return `p.${attributeValueSql(a)}`;
}

/** The row's condition on a lead of `pop` (columns of leadOnceSql). */
function groupSql(p: Params, target: LeadListTarget, shown: readonly (string | null)[]): string {
  if (target.attribute === 'month') {
    // A cohort is the leads created in that month (core.ts cohorts); there is no blank month.
    if (target.key === null) return 'FALSE';
    return `(created IS NOT NULL AND strftime(created, '%Y-%m') = ${p.add(target.key)})`;
  }
  const value = attributeValueSql(target.attribute);
  if (target.other) return otherSql(p, value, shown);
  return target.key === null ? `${value} IS NULL` : `${value} = ${p.add(target.key)}`;
}

/**
 * `lr`: one row per lead of the row. A lead converted when a deal linked to it was created (or won)
 * by the reference date or it was marked converted by then; it is a customer when a linked deal was
 * won by the reference date and not before the lead existed (leadRows.ts). Deals created after the
 * reference date are not yet the lead's. The deal shown is its first won deal, else its earliest one.
 */
function leadRowsCte(p: Params, req: LeadListQueryRequest): string {
  const where = p.splice(leadFilterWhere(req.filters));
  const extra = req.target.attribute === 'month' ? null : extraName(req.target.attribute);
  const lead1 = leadOnceSql(where, extra === null ? undefined : p.add(extra));
  const created = inRangeSql(p, 'created', req.range);
  const group = groupSql(p, req.target, req.shown ?? []);
  const ref = p.date(req.referenceDate);
  const dealRef = p.date(req.referenceDate);
  const markedRef = p.date(req.referenceDate);
  return `WITH lead1 AS (${lead1}),
  pop AS (SELECT * FROM lead1 WHERE ${created} AND ${group}),
  linked AS (
    SELECT * FROM (
      SELECT k.lead_id, o.opportunity_id, o.name, o.stage, o.amount, o.currency, o.created_date, o.close_date,
        coalesce(o.status = 'won' AND o.close_date <= ${ref} AND (p.created IS NULL OR o.close_date >= p.created), FALSE) AS cust
      FROM ${LEAD_LINK_TABLE} k JOIN pop p USING (lead_id) JOIN opportunities o USING (opportunity_id)) o
    WHERE cust OR ${dealBySql('o', dealRef)}),
  per AS (
    SELECT lead_id, count(DISTINCT opportunity_id)::INTEGER AS deals, bool_or(cust) AS customer,
      coalesce(sum(amount) FILTER (WHERE cust), 0)::DOUBLE AS won_amount,
      count(*) FILTER (WHERE cust AND amount IS NULL)::INTEGER AS unpriced
    FROM linked GROUP BY lead_id),
  shown AS (
    SELECT * FROM linked
    QUALIFY row_number() OVER (PARTITION BY lead_id
      ORDER BY cust DESC, CASE WHEN cust THEN close_date END NULLS LAST, created_date NULLS LAST, opportunity_id) = 1),
  lr AS (
    SELECT p.lead_id AS lead, p.company, p.source, p.owner, p.country, p.state,
      ${shownAttributeSql(req.target)} AS attribute, p.created AS created_d, p.status,
      (${markedBySql('p', markedRef)} OR per.lead_id IS NOT NULL) AS converted, coalesce(per.customer, FALSE) AS customer,
      s.opportunity_id AS deal, s.name AS deal_name, s.stage AS deal_stage, s.amount::DOUBLE AS deal_amount,
      s.currency AS deal_currency, coalesce(per.won_amount, 0)::DOUBLE AS priced_won, coalesce(per.unpriced, 0)::INTEGER AS unpriced,
      -- A won deal without an amount leaves the lead's revenue unknown, not lower.
      CASE WHEN coalesce(per.unpriced, 0) = 0 THEN coalesce(per.won_amount, 0)::DOUBLE END AS won_amount,
      coalesce(per.deals, 0)::INTEGER AS deals,
      p.source_file AS file, p.source_line AS line
    FROM pop p LEFT JOIN per USING (lead_id) LEFT JOIN shown s USING (lead_id))`;
}

function searchSql(p: Params, search: string): string {
  const q = search.trim().toLowerCase();
  if (q === '') return 'TRUE';
  return `(${SEARCHED.map((c) => `contains(lower(coalesce(${c}, '')), ${p.add(q)})`).join(' OR ')})`;
}

/** Totals of every lead of the row; the text filter only counts `matched`. */
export function leadListTotalsQuery(req: LeadListQueryRequest): SqlQuery {
  const p = new Params();
  const cte = leadRowsCte(p, req);
  const matched = searchSql(p, req.search);
  const sql = `${cte}
  SELECT count(*)::INTEGER AS count, count(*) FILTER (WHERE converted)::INTEGER AS converted,
    count(*) FILTER (WHERE customer)::INTEGER AS customers, coalesce(sum(priced_won), 0)::DOUBLE AS won_amount,
    coalesce(sum(unpriced), 0)::INTEGER AS unpriced,
    count(*) FILTER (WHERE ${matched})::INTEGER AS matched
  FROM lr`;
  return { sql, params: p.values };
}

/** One page after the text filter, sorted (ties in file order, then lead id, so pages never overlap). */
export function leadListPageQuery(req: LeadListQueryRequest, sort: LeadListSort, offset: number, limit: number): SqlQuery {
  const p = new Params();
  const cte = leadRowsCte(p, req);
  const matched = searchSql(p, req.search);
  const order = `${SORT_SQL[sort.column]} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST, file, line, lead`;
  const sql = `${cte}
  SELECT lead, company, source, owner, country, state, attribute, strftime(created_d, '%Y-%m-%d') AS created, status, converted, customer,
    deal, deal_name, deal_stage, deal_amount, deal_currency, won_amount, deals, file, line
  FROM lr WHERE ${matched}
  ORDER BY ${order}
  LIMIT CAST(${p.add(limit)} AS BIGINT) OFFSET CAST(${p.add(offset)} AS BIGINT)`;
  return { sql, params: p.values };
}

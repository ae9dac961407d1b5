// The leadList verb: the leads behind a lead-quality row or cohort (docs/leads.md, "The leads of a
// row"), as the totals of all of them and one page. Sorting, the text filter and paging run in
// the engine; only the page crosses to the page thread.
import type {
  LeadListRequest,
  LeadListResult,
  LeadListRow,
  LeadListSort,
  LeadListTarget,
} from '../../src/features/leads/contract';
import { channelIndex, rankedValues, shownOf, spendOf } from '../../src/features/leads/core';
import { GROUPS_SHOWN } from '../../src/features/leads/contract';
import { attributeLabel, extraName, hasCost, isColumnAttribute } from '../../src/shared/leadAttributes';
import { leadRowsQuery, type LeadRow } from '../../src/queries/leadRows';
import { leadListPageQuery, leadListTotalsQuery, type LeadListQueryRequest } from '../../src/features/leads/leadListSql';
import { leadsBlocked } from '../../src/queries/extras';
import { spendByChannelQuery, type ChannelRow } from '../../src/queries/sideTables';
import { describePeriod, parsePeriod, periodRange } from '../../src/shared/periods/fiscal';
import type { AnalyticsContext } from './context';
import { pickReference } from './dashboard';
import { prepare } from './dashboard/prepare';
import { revenueMixed } from './leads';

/** A page is at most this many rows; an export asks for all of them page by page. */
export const MAX_LEAD_PAGE = 100_000;
const DEFAULT_SORT: LeadListSort = { column: 'created', desc: false };

interface TotalsRow {
  readonly count: number;
  readonly converted: number;
  readonly customers: number;
  readonly won_amount: number;
  readonly unpriced: number;
  readonly matched: number;
}

/** The last totals read, per prepared data (a new import prepares anew, so they cannot outlive it). */
const lastTotals = new WeakMap<object, { key: string; totals: TotalsRow }>();

/** The values an "Other" row leaves out: those its table shows by name, found as the table finds them. */
function namedValues(
  ctx: AnalyticsContext,
  q: Omit<LeadListQueryRequest, 'shown'>,
): { shown: (string | null)[]; others: number } {
  const attribute = q.target.attribute;
  if (attribute === 'month' || !q.target.other) return { shown: [], others: 0 };
  const rows = ctx.sql.rows<LeadRow>(leadRowsQuery(q.referenceDate, q.filters, extraName(attribute)));
  const ranked = rankedValues(rows, attribute, q.range);
  const shown = shownOf(ranked);
  return { shown, others: ranked.length - shown.length };
}

function titleOf(target: LeadListTarget, when: string, others: number): string {
  const shown = target.key ?? '(blank)';
  if (target.attribute === 'month') return `Leads created in ${shown} (cohort)`;
  const words = isColumnAttribute(target.attribute)
    ? attributeLabel(target.attribute).toLowerCase()
    : `"${attributeLabel(target.attribute)}"`;
  if (target.other)
    return `Leads with any other ${words} (the ${others} values beyond the ${GROUPS_SHOWN} largest) created ${when}`;
  return `Leads with ${words} ${shown} created ${when}`;
}

/** The attribute column's header, when the row's attribute has no column of its own in the list. */
function attributeLabelOf(target: LeadListTarget): string | null {
  const a = target.attribute;
  return a === 'month' || a === 'source' || a === 'owner' || a === 'country' || a === 'state' ? null : attributeLabel(a);
}

export function leadList(ctx: AnalyticsContext, req: LeadListRequest): LeadListResult {
  const period = parsePeriod(req.period);
  if (!period) throw new Error(`"${req.period}" is not a period; use all, 2017, 2017-Q3, 2017-07 or 2017-02-10..2017-05-31.`);
  const filters = req.filters ?? {};
  // The lead screen's own rule: a filter leads do not carry makes its numbers unavailable.
  const blocked = leadsBlocked(filters);
  if (blocked) throw new Error(blocked);
  const prep = prepare(ctx);
  const referenceDate = pickReference(req.referenceDate, prep.extent.referenceDate);
  const range = periodRange(period, req.fiscalStartMonth);
  const base = { range, referenceDate, filters, target: req.target, search: req.search ?? '' };
  const { shown, others } = namedValues(ctx, base);
  const q: LeadListQueryRequest = { ...base, shown };
  // Sorting and paging do not change the totals: the table's next clicks read only a page.
  const key = JSON.stringify([q, req.period, req.fiscalStartMonth]);
  const kept = lastTotals.get(prep);
  const t = kept?.key === key ? kept.totals : ctx.sql.one<TotalsRow>(leadListTotalsQuery(q));
  lastTotals.set(prep, { key, totals: t });
  const offset = Math.max(0, Math.floor(req.offset ?? 0));
  const limit = Math.min(MAX_LEAD_PAGE, Math.max(1, Math.floor(req.limit ?? 50)));
  const rows = ctx.sql.rows<LeadListRow>(leadListPageQuery(q, req.sort ?? DEFAULT_SORT, offset, limit));
  const spend =
    req.target.attribute !== 'month' && hasCost(req.target.attribute) && !req.target.other
      ? spendOf(
          channelIndex(
            new Map(
              ctx.sql
                .rows<ChannelRow>(spendByChannelQuery(range))
                .flatMap((r) => (r.channel ? [[r.channel, r.spend] as const] : [])),
            ),
          ),
          req.target.key,
        )
      : null;
  const when = period.kind === 'all' ? 'at any time' : `in ${describePeriod(period, req.fiscalStartMonth)}`;
  const title = titleOf(req.target, when, others);
  const rules =
    `Converted: a deal created by ${referenceDate} names the lead or is named by it, or it was marked converted by then (the row's % to opportunity). ` +
    `Customer: a linked deal won by ${referenceDate} and not before the lead was created (% to customer, won revenue). ` +
    `The deal shown is the lead's first won deal, else its earliest linked deal.`;
  return {
    title,
    note: rules,
    attributeLabel: attributeLabelOf(req.target),
    totals: {
      count: t.count,
      converted: t.converted,
      customers: t.customers,
      // A sum that leaves out won deals without an amount would be a wrong number: none instead.
      wonAmount: t.unpriced > 0 || revenueMixed(ctx) !== null ? null : t.won_amount,
      unpriced: t.unpriced,
      spend,
      matched: t.matched,
    },
    rows: rows.map((r) => ({ ...r, converted: Boolean(r.converted), customer: Boolean(r.customer) })),
    offset,
    referenceDate,
  };
}

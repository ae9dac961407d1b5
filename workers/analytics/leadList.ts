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
import { channelIndex, spendOf } from '../../src/features/leads/core';
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

const ATTRIBUTE_WORDS: Record<LeadListTarget['attribute'], string> = {
  source: 'source',
  owner: 'owner',
  country: 'country',
  state: 'state',
  month: 'creation month',
};

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
  const q: LeadListQueryRequest = { range, referenceDate, filters, target: req.target, search: req.search ?? '' };
  // Sorting and paging do not change the totals: the table's next clicks read only a page.
  const key = JSON.stringify([q, req.period, req.fiscalStartMonth]);
  const kept = lastTotals.get(prep);
  const t = kept?.key === key ? kept.totals : ctx.sql.one<TotalsRow>(leadListTotalsQuery(q));
  lastTotals.set(prep, { key, totals: t });
  const offset = Math.max(0, Math.floor(req.offset ?? 0));
  const limit = Math.min(MAX_LEAD_PAGE, Math.max(1, Math.floor(req.limit ?? 50)));
  const rows = ctx.sql.rows<LeadListRow>(leadListPageQuery(q, req.sort ?? DEFAULT_SORT, offset, limit));
  const spend =
    req.target.attribute === 'source'
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
  const shown = req.target.key ?? '(blank)';
  const title =
    req.target.attribute === 'month'
      ? `Leads created in ${shown} (cohort)`
      : `Leads with ${ATTRIBUTE_WORDS[req.target.attribute]} ${shown} created ${when}`;
  const rules =
    `Converted: a deal created by ${referenceDate} names the lead or is named by it, or it was marked converted by then (the row's % to opportunity). ` +
    `Customer: a linked deal won by ${referenceDate} and not before the lead was created (% to customer, won revenue). ` +
    `The deal shown is the lead's first won deal, else its earliest linked deal.`;
  return {
    title,
    note: rules,
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

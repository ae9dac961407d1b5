// The lead-quality screen's engine side (docs/leads.md): per-lead rows from the canonical tables,
// then the pure core (groups, cohorts) and the honest score (time split, AUC, calibration).
import type { LeadQualityRequest, LeadQualityResult, RankedLead } from '../../src/features/leads/contract';
import { allLeads, conversionWindow, cohorts, groupLeads } from '../../src/features/leads/core';
import { extraName } from '../../src/shared/leadAttributes';
import { leadAttributes, settleGrouping } from './leadAttributes';
import { leadRowsQuery, type LeadRow } from '../../src/queries/leadRows';
import { evaluateScore, scoreLead, trainScore } from '../../src/features/leads/score';
import { addDays, formatPeriod, parsePeriod, periodRange } from '../../src/shared/periods/fiscal';
import { LEAD_LINK_TABLE } from '../../src/queries/article';
import { leadsBlocked } from '../../src/queries/extras';
import { spendByChannelQuery, type ChannelRow } from '../../src/queries/sideTables';
import type { AnalyticsContext } from './context';
import { prepare } from './dashboard/prepare';

/** Open leads shown ranked; the CSV export carries the same list. */
const RANKED_MAX = 500;
/** Lead statuses that mean the lead is closed without a deal: not worth ranking. */
const CLOSED_STATUS = /disqualif|unqualif|junk|dead|lost|closed|reject|spam|recycl/i;

export function leadQuality(ctx: AnalyticsContext, req: LeadQualityRequest): LeadQualityResult {
  const period = parsePeriod(req.period);
  if (!period) throw new Error(`"${req.period}" is not a period; use all, 2017, 2017-Q3, 2017-07 or 2017-02-10..2017-05-31.`);
  const prep = prepare(ctx);
  const referenceDate = req.referenceDate ?? prep.extent.referenceDate ?? new Date().toISOString().slice(0, 10);
  const empty = (unavailable: string): LeadQualityResult => ({
    period: formatPeriod(period),
    referenceDate,
    unavailable,
    outcomesMissing: null,
    revenueMixed: null,
    by: req.by,
    attributes: [],
    byNotice: null,
    groups: [],
    all: allLeads([], null),
    cohorts: [],
    windowDays: null,
    evaluation: null,
    scoreReason: null,
    ranked: [],
    openLeads: 0,
  });
  const filters = req.filters ?? {};
  const leadCount = ctx.sql.one<{ n: number }>({ sql: 'SELECT count(*)::INTEGER AS n FROM leads', params: [] }).n;
  if (leadCount === 0) return empty('No leads are loaded: drop a leads export to see which leads become customers.');
  const blocked = leadsBlocked(filters);
  if (blocked) return empty(blocked);

  const range = periodRange(period, req.fiscalStartMonth);
  const attributes = leadAttributes(ctx);
  const { by, notice } = settleGrouping(req.by, attributes);
  const rows = ctx.sql.rows<LeadRow>(leadRowsQuery(referenceDate, filters, extraName(by)));
  const links = ctx.sql.one<{ n: number }>({ sql: `SELECT count(*)::INTEGER AS n FROM ${LEAD_LINK_TABLE}`, params: [] }).n;
  const spend = new Map(
    ctx.sql.rows<ChannelRow>(spendByChannelQuery(range)).flatMap((r) => (r.channel ? [[r.channel, r.spend] as const] : [])),
  );
  const windowDays = conversionWindow(rows);
  const scored = windowDays === null ? null : evaluateScore(rows, referenceDate, windowDays);
  const open = rows.filter((r) => !r.to_opp && !r.first_won && !(r.status && CLOSED_STATUS.test(r.status)));
  const usable = scored !== null && typeof scored !== 'string' && scored.usable;
  return {
    period: formatPeriod(period),
    referenceDate,
    unavailable: null,
    outcomesMissing:
      links === 0
        ? 'No deal is linked to a lead (neither file names the other): customers and revenue per lead cannot be traced.'
        : null,
    revenueMixed: revenueMixed(ctx),
    by,
    attributes,
    byNotice: notice,
    groups: groupLeads(rows, by, range, spend),
    all: allLeads(rows, range),
    cohorts: cohorts(rows, range, referenceDate, windowDays),
    windowDays,
    evaluation: scored && typeof scored !== 'string' ? scored.evaluation : null,
    scoreReason:
      windowDays === null
        ? 'Fewer than 5 leads became customers: too little history to learn a score.'
        : typeof scored === 'string'
          ? scored
          : (scored?.reason ?? null),
    ranked: usable && windowDays !== null ? rank(rows, open, referenceDate, windowDays) : [],
    openLeads: open.length,
  };
}

/**
 * Won revenue adds the amounts of the leads' won deals: in several currencies that sum is not one
 * number (docs/currency.md), so it is not shown. Shared with the lead list (leadList.ts).
 */
export function revenueMixed(ctx: AnalyticsContext): string | null {
  const rows = ctx.sql.rows<{ currency: string }>({
    sql: `SELECT DISTINCT o.currency FROM ${LEAD_LINK_TABLE} k JOIN opportunities o USING (opportunity_id)
      WHERE o.status = 'won' AND o.currency IS NOT NULL ORDER BY 1`,
    params: [],
  });
  if (rows.length < 2) return null;
  return `The leads' won deals are in ${rows.map((r) => r.currency).join(', ')}: won revenue is not summed across currencies.`;
}

/** The ranking model learns from every lead whose outcome is known (created a window ago or more). */
function rank(rows: readonly LeadRow[], open: readonly LeadRow[], referenceDate: string, windowDays: number): RankedLead[] {
  const maturedBy = addDays(referenceDate, -windowDays);
  const model = trainScore(
    rows.filter((r) => r.created !== null && r.created <= maturedBy),
    windowDays,
  );
  return open
    .map((r) => ({
      leadId: r.lead_id,
      created: r.created,
      source: r.source,
      owner: r.owner,
      company: r.company,
      score: scoreLead(model, r),
      sourceFile: r.source_file,
      sourceLine: r.source_line,
    }))
    .sort((a, b) => b.score - a.score || a.leadId.localeCompare(b.leadId))
    .slice(0, RANKED_MAX);
}

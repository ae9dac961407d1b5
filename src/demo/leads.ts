// Leads: ~3 per opportunity. A lead-backed opportunity's lead is the first of its block
// (leadBlocks.ts); that lead is converted on the day the opportunity was created and
// points back at it. All other leads never converted — they are mostly from cheap,
// high-volume channels, which gives each source its own conversion rate.

import { accountState } from './accounts';
import { type Day, isoDate } from './calendar';
import { UNCONVERTED_LEAD_SOURCES } from './catalog';
import type { DemoContext } from './context';
import type { RowSource } from './csv';
import { ANY_STATE } from './geo';
import { blockOfLead, blockStart, leadId } from './leadBlocks';
import { campaignFields } from './leadCampaigns';
import { COMPANY_NAME_SPACE, companyNameField } from './names';
import { deriveOpportunity, type Opportunity } from './opportunities';
import { at, Rng, Stream } from './prng';
import { activeRepCount } from './reps';
import { dayAtQuantile } from './timeline';

export const LEAD_COLUMNS = [
  'lead_id',
  'created_date',
  'source',
  'status',
  'is_converted',
  'converted_date',
  'converted_opportunity_id',
  'owner',
  'company',
  'country',
  'state',
  'campaign',
  'landing_page',
] as const;

// Lines are built directly (see opportunityLine): ids, dates and the fixed vocabularies never
// need quoting, person names come from plain word lists, and company names come CSV-ready.

/** Converted: created a few days to weeks before its opportunity, same source, owner and company. */
function convertedLead(ctx: DemoContext, j: number, o: Opportunity): string {
  const rng = Rng.forRow(ctx.seed, Stream.lead, j);
  const created = Math.max(ctx.historyStart, o.created - rng.int(35));
  const company = companyNameField(ctx.seed, o.accountIndex);
  const state = accountState(ctx, o.accountIndex).code;
  return (
    `${leadId(j)},${isoDate(created)},${o.leadSource},Converted,true,${isoDate(o.created)},${o.id},` +
    `${o.owner},${company},United States,${state}${campaignFields(ctx.seed, j, o.leadSource, true)}\n`
  );
}

/** What happened to a lead that did not convert, by its age at the reference date. */
function openLeadStatus(rng: Rng, ageDays: number): string {
  if (ageDays <= 14) return 'New';
  if (ageDays <= 60) return 'Working';
  return rng.chance(0.35) ? 'Nurturing' : 'Disqualified';
}

function unconvertedLead(ctx: DemoContext, j: number): string {
  const rng = Rng.forRow(ctx.seed, Stream.lead, j);
  const created: Day = dayAtQuantile(ctx.timeline, (j + rng.next()) / ctx.leadCount);
  const source = UNCONVERTED_LEAD_SOURCES.pick(rng);
  const status = openLeadStatus(rng, ctx.ref - created);
  const owner = at(ctx.reps, rng.int(activeRepCount(ctx.reps, created))).name;
  // Prospects are named from the part of the company-name space that accounts do not use.
  const company = companyNameField(ctx.seed, ctx.accountCount + rng.int(COMPANY_NAME_SPACE - ctx.accountCount));
  const state = ANY_STATE.pick(rng).code;
  return `${leadId(j)},${isoDate(created)},${source},${status},false,,,${owner},${company},United States,${state}${campaignFields(ctx.seed, j, source, false)}\n`;
}

export function leadLine(ctx: DemoContext, j: number): string {
  const i = blockOfLead(ctx, j);
  if (blockStart(ctx, i) === j) {
    const o = deriveOpportunity(ctx, i);
    if (o.leadBacked) return convertedLead(ctx, j, o);
  }
  return unconvertedLead(ctx, j);
}

export function leadRows(ctx: DemoContext): RowSource {
  return { count: ctx.leadCount, text: (j) => leadLine(ctx, j) };
}

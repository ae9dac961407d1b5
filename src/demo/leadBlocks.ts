// The link between leads and opportunities, computable from either side without memory.
//
// Leads are cut into consecutive blocks, one per opportunity (~3 leads each; L ≥ N so no
// block is empty). If opportunity i came from a lead, that lead is the first of block i.
// Because both id sequences are chronological, a block's leads are created around the
// time of its opportunity, and lead j finds "its" opportunity with one division.

import type { DemoContext } from './context';
import { padId } from './csv';

export const leadId = (j: number): string => padId('LEAD', j + 1, 7);

/** Index of the first lead of opportunity i's block. */
export function blockStart(ctx: DemoContext, i: number): number {
  return Math.floor((i * ctx.leadCount) / ctx.opportunityCount);
}

/** The opportunity whose block contains lead j. */
export function blockOfLead(ctx: DemoContext, j: number): number {
  let i = Math.floor((j * ctx.opportunityCount) / ctx.leadCount);
  while (i + 1 < ctx.opportunityCount && blockStart(ctx, i + 1) <= j) i++;
  while (i > 0 && blockStart(ctx, i) > j) i--;
  return i;
}

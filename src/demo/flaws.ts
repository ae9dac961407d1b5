// Deliberate flaws, the kind real CRM exports have, so that pipelens's data-quality views
// have something true to show. Each occurs exactly once, at a fixed row among the first
// 50 (hence the minimum of 50 opportunities), whatever the seed and size:
//
//  1. Duplicate id — opportunities.csv contains the row of OPP-0000042 twice, the copy
//     directly after the original (an export that overlapped a page boundary).
//  2. Closed before created — OPP-0000018 is won with a close_date 19 days before its
//     created_date (a back-dated record).
//  3. Unknown owner — OPP-0000029 is owned by "Dana Whitfield", who is not in reps.csv
//     (a rep who left and was deleted). No other table mentions that name.
//
// None of the three is linked to a lead, so lead ↔ opportunity references stay clean.

import { WON_STAGE } from './catalog';
import type { Opportunity } from './opportunities';

export const DEMO_FLAWS = {
  /** This opportunity_id appears on exactly two rows of opportunities.csv (identical rows). */
  duplicateOpportunityId: 'OPP-0000042',
  /** Won deal whose close_date is before its created_date. */
  closedBeforeCreatedId: 'OPP-0000018',
  /** Owner name on exactly one opportunity and absent from reps.csv. */
  unknownOwner: 'Dana Whitfield',
  /** The opportunity carrying the unknown owner. */
  unknownOwnerOpportunityId: 'OPP-0000029',
} as const;

/** Zero-based row indices of the flawed opportunities. */
export const DUPLICATE_INDEX = 41;
export const CLOSED_BEFORE_CREATED_INDEX = 17;
export const UNKNOWN_OWNER_INDEX = 28;
const BACKDATE_DAYS = 19;

/** Applies flaws 2 and 3 to a freshly derived opportunity (flaw 1 is applied when streaming). */
export function applyFlaws(o: Opportunity): Opportunity {
  switch (o.index) {
    case CLOSED_BEFORE_CREATED_INDEX: {
      const close = o.created - BACKDATE_DAYS;
      return { ...o, status: 'won', stage: WON_STAGE, close, firstClose: close, reached: 4, leadBacked: false };
    }
    case UNKNOWN_OWNER_INDEX:
      return { ...o, owner: DEMO_FLAWS.unknownOwner, leadBacked: false };
    case DUPLICATE_INDEX:
      return { ...o, leadBacked: false };
    default:
      return o;
  }
}

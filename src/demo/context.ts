// Everything about a demo that is shared by all tables and small enough to build up front
// (a few KB even for a million opportunities): sizes, dates, reps, the creation timeline.

import { type Day, parseIsoDate, quarterIndex, quarterStartOf } from './calendar';
import { buildReps, repCountFor, type Rep } from './reps';
import { buildTimeline, type Timeline } from './timeline';
import type { DemoOptions } from './types';

export const DEFAULT_REFERENCE_DATE = '2026-09-30';
/** Flawed rows sit at fixed ids among the first 50 (see flaws.ts). */
export const MIN_OPPORTUNITIES = 50;
/** Leads are ~3 per opportunity, but capped so a million-deal demo stays loadable. */
export const MAX_LEADS = 3_000_000;
/** History: the 12 quarters before the reference date's quarter, plus that quarter (≈3.25 years). */
export const HISTORY_QUARTERS = 12;

export interface DemoContext {
  readonly seed: number;
  /** The reference date ("today"): nothing is created or closed after it. */
  readonly ref: Day;
  /** First day of the history: deals, leads, quotas and spend start here. */
  readonly historyStart: Day;
  readonly opportunityCount: number;
  readonly accountCount: number;
  readonly leadCount: number;
  readonly reps: readonly Rep[];
  readonly timeline: Timeline;
  /**
   * Per-account memo of the owner's index (-1 = not yet derived), filled lazily: every
   * opportunity needs it. Names are recomputed instead: a 16-bit array stays in the CPU
   * cache, 50,000 memoised strings scattered over the heap do not (measured: slower).
   */
  readonly accountOwnerMemo: Int16Array;
}

function validate(opts: DemoOptions): void {
  if (!Number.isFinite(opts.seed)) throw new RangeError('seed must be a finite number');
  const n = opts.opportunities;
  if (!Number.isInteger(n) || n < MIN_OPPORTUNITIES) {
    throw new RangeError(`opportunities must be an integer ≥ ${MIN_OPPORTUNITIES}, got ${n}`);
  }
}

export function accountCountFor(opportunities: number): number {
  return Math.min(50_000, Math.max(50, Math.round(opportunities / 8)));
}

/** At least one lead per opportunity, so each can own a block of leads (see leads.ts). */
export function leadCountFor(opportunities: number): number {
  return Math.max(opportunities, Math.min(3 * opportunities, MAX_LEADS));
}

export function createContext(opts: DemoOptions): DemoContext {
  validate(opts);
  const ref = parseIsoDate(opts.referenceDate ?? DEFAULT_REFERENCE_DATE);
  const historyStart = quarterStartOf(quarterIndex(ref) - HISTORY_QUARTERS);
  const n = opts.opportunities;
  const reps = buildReps(opts.seed, repCountFor(n), historyStart, ref);
  return {
    seed: opts.seed,
    ref,
    historyStart,
    opportunityCount: n,
    accountCount: accountCountFor(n),
    leadCount: leadCountFor(n),
    reps,
    timeline: buildTimeline(historyStart, ref),
    accountOwnerMemo: new Int16Array(accountCountFor(n)).fill(-1),
  };
}

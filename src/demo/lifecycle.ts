// How one deal plays out: its fate (won/lost), when it closes, and — seen from the reference
// date — whether it is still open, at which stage, and whether its close date slipped.

import { type Day, isWeekend, quarterEndOf, quarterIndex, quarterStartOf, weekday } from './calendar';
import { CYCLE_SIGMA, type DealTypeProfile, LAST_OPEN_STAGE, LOST_STAGE, PULL_IN, QUARTER_END_PULL, WON_STAGE } from './catalog';
import type { DemoContext } from './context';
import { at, detExp, type Rng } from './prng';

export type Status = 'open' | 'won' | 'lost';

export interface Lifecycle {
  readonly status: Status;
  /** Current stage index into STAGES (0..4 open, 5 won, 6 lost). */
  readonly stage: number;
  /** Actual close (closed deals) or currently expected close (open deals). */
  readonly close: Day;
  /** The expected close entered when the deal was created; earlier than `close` if it was pushed. */
  readonly firstClose: Day;
  /** Highest open stage reached (the stage a lost deal died in). */
  readonly reached: number;
}

/**
 * Reps are measured by quarter, so closes bunch up at quarter ends: a close planned early
 * in the quarter may be rushed into the previous quarter's last two weeks (most often at
 * year end: Q4 strong, Q1 weak), and one planned mid-quarter may land in its last three weeks.
 */
function pullToQuarterEnd(rng: Rng, day: Day, created: Day): Day {
  const q = quarterIndex(day);
  const end = quarterEndOf(q);
  if (end - day < 21) return day;
  const previousEnd = quarterStartOf(q) - 1;
  if (day - previousEnd <= 21 && rng.chance(at(PULL_IN, (q + 3) % 4))) {
    const rushed = previousEnd - rng.int(14);
    if (rushed >= created + 7) return rushed;
  }
  return rng.chance(at(QUARTER_END_PULL, q % 4)) ? end - rng.int(21) : day;
}

/** Deals close on business days: a weekend date moves back to Friday (or on to Monday). */
function businessDay(day: Day, notBefore: Day): Day {
  if (!isWeekend(day)) return day;
  const friday = day - (weekday(day) - 4);
  return friday >= notBefore ? friday : day + (7 - weekday(day));
}

/** Stage of a deal still open today, from how far along its planned cycle it is. */
function openStage(ctx: DemoContext, created: Day, close: Day, ceiling: number): number {
  const progress = (ctx.ref - created) / Math.max(1, close - created);
  return Math.min(ceiling, Math.floor(progress * (LAST_OPEN_STAGE + 1)));
}

export function planLifecycle(ctx: DemoContext, rng: Rng, created: Day, type: DealTypeProfile): Lifecycle {
  const won = rng.chance(type.winRate);
  // Lost deals die sooner than won ones close, and mostly in the early stages.
  const median = won ? type.cycleDays : type.cycleDays * 0.7;
  const cycle = Math.max(2, Math.round(median * detExp(CYCLE_SIGMA * rng.normal())));
  const close = businessDay(pullToQuarterEnd(rng, created + cycle, created), created);
  const push = rng.chance(0.25) ? rng.between(10, 45) : 0;
  const firstClose = Math.max(created, close - push);
  const reached = won ? LAST_OPEN_STAGE : Math.min(rng.int(LAST_OPEN_STAGE + 1), rng.int(LAST_OPEN_STAGE + 1));
  // A deal that should have closed in the last five months but did not: slipped, still open.
  const slipped = close <= ctx.ref && ctx.ref - close <= 150 && rng.chance(0.08);
  if (slipped) {
    return { status: 'open', stage: Math.max(reached, 3), close, firstClose, reached: Math.max(reached, 3) };
  }
  if (close <= ctx.ref) {
    return { status: won ? 'won' : 'lost', stage: won ? WON_STAGE : LOST_STAGE, close, firstClose, reached };
  }
  const stage = openStage(ctx, created, close, reached);
  return { status: 'open', stage, close, firstClose, reached: stage };
}

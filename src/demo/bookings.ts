// Expected bookings, worked out from the same parameters the deals are drawn from.
// Quotas and spend are sized from these expectations — not from a pass over the deals —
// so they can be streamed first and cost nothing even for a million opportunities.

import { type Day, monthIndex, quarterIndex } from './calendar';
import { AMOUNT_SIGMA, CYCLE_SIGMA, DEAL_TYPES, type DealTypeProfile, PRODUCTS } from './catalog';
import type { DemoContext } from './context';
import { detExp } from './prng';

/**
 * Mean of e^(σZ) for the generator's Z (sum of four uniforms, unit variance):
 * each term contributes sinh(b/2)/(b/2) with b = σ√3.
 */
export function lognormalMean(sigma: number): number {
  const h = (sigma * 1.7320508075688772) / 2;
  const term = (detExp(h) - detExp(-h)) / (2 * h);
  return term * term * term * term;
}

const MEAN_PRODUCT_AMOUNT = PRODUCTS.reduce((sum, p) => sum + p.share * p.typicalAmount, 0);

/** Expected won amount contributed by one created deal of this type. */
function wonValue(type: DealTypeProfile): number {
  return type.winRate * type.amountFactor * MEAN_PRODUCT_AMOUNT * lognormalMean(AMOUNT_SIGMA);
}

/** Average days from creation to a won close, quarter-end pull-ins included (~+5 days). */
function wonLag(type: DealTypeProfile): number {
  return Math.round(type.cycleDays * lognormalMean(CYCLE_SIGMA) + 5);
}

/**
 * Spreads the expected won amount of every creation day onto a day: the day it should
 * close (`lagged`), or the creation day itself (the pipeline a month's spend bought).
 */
function forEachExpectedWin(ctx: DemoContext, lagged: boolean, visit: (day: Day, amount: number) => void): void {
  const { timeline } = ctx;
  for (let k = 0; k < timeline.weights.length; k++) {
    const deals = ctx.opportunityCount * (timeline.weights[k] ?? 0);
    for (const type of DEAL_TYPES) {
      visit(timeline.start + k + (lagged ? wonLag(type) : 0), deals * type.share * wonValue(type));
    }
  }
}

function sumBy(ctx: DemoContext, lagged: boolean, key: (day: Day) => number): Map<number, number> {
  const sums = new Map<number, number>();
  forEachExpectedWin(ctx, lagged, (day, amount) => {
    const k = key(day);
    sums.set(k, (sums.get(k) ?? 0) + amount);
  });
  return sums;
}

/** Expected won amount closing in each calendar quarter (key: quarterIndex). */
export function expectedWonByQuarter(ctx: DemoContext): Map<number, number> {
  return sumBy(ctx, true, quarterIndex);
}

/** Expected eventual won amount of the deals created in each month (key: monthIndex). */
export function expectedWonCreatedByMonth(ctx: DemoContext): Map<number, number> {
  return sumBy(ctx, false, monthIndex);
}

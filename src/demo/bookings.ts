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

/** Octile midpoints of a standard normal: eight equally likely cycle lengths per deal type. */
const NORMAL_OCTILES = [-1.534, -0.887, -0.489, -0.157, 0.157, 0.489, 0.887, 1.534] as const;

/** Days from creation to a won close at each octile (the +4 stands for quarter-end pull-ins). */
function wonLags(type: DealTypeProfile): number[] {
  return NORMAL_OCTILES.map((z) => Math.round(type.cycleDays * detExp(CYCLE_SIGMA * z) + 4));
}

/**
 * Spreads the expected won amount of every creation day onto days: the days it should
 * close (`lagged`, over the spread of cycle lengths), or the creation day itself (the
 * pipeline a month's spend bought).
 */
function forEachExpectedWin(ctx: DemoContext, lagged: boolean, visit: (day: Day, amount: number) => void): void {
  const { timeline } = ctx;
  const lags = DEAL_TYPES.map((type) => (lagged ? wonLags(type) : [0]));
  for (let k = 0; k < timeline.weights.length; k++) {
    const deals = ctx.opportunityCount * (timeline.weights[k] ?? 0);
    DEAL_TYPES.forEach((type, t) => {
      const typeLags = lags[t] ?? [0];
      const amount = (deals * type.share * wonValue(type)) / typeLags.length;
      for (const lag of typeLags) visit(timeline.start + k + lag, amount);
    });
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

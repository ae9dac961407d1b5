// Quarterly quotas: one row per rep and quarter, from the first quarter of the history to
// the reference date's quarter, for every rep who had started by the quarter's end.
// The team's quota is the expected bookings divided by a target attainment, split by
// each rep's weight and pro-rated for a first partial quarter.

import { isoDate, quarterEndOf, quarterIndex, quarterStartOf } from './calendar';
import { GROWTH_RATE } from './catalog';
import type { DemoContext } from './context';
import { csvLine, money, type RowSource } from './csv';
import { expectedWonByQuarter } from './bookings';
import { detExp } from './prng';
import type { Rep } from './reps';

export const QUOTA_COLUMNS = ['rep', 'period_start', 'period_end', 'quota_amount'] as const;

/** Average attainment the quotas are set for (sales leaders set quotas a bit above plan). */
const TARGET_ATTAINMENT = 0.95;

/** Fraction of quarter q the rep was on board for (0 if not started by its end). */
function tenure(rep: Rep, q: number): number {
  const start = quarterStartOf(q);
  const end = quarterEndOf(q);
  if (rep.start > end) return 0;
  return (end - Math.max(start, rep.start) + 1) / (end - start + 1);
}

/**
 * Expected bookings the quarter's quota is built on. If the reference date falls mid-quarter,
 * the deals that will close after it do not exist yet, so the current quarter is projected
 * from the previous one plus a quarter of growth instead of being undercounted.
 */
function quarterPlan(ctx: DemoContext, expected: Map<number, number>, q: number): number {
  const own = expected.get(q) ?? 0;
  if (q !== quarterIndex(ctx.ref)) return own;
  return Math.max(own, (expected.get(q - 1) ?? 0) * detExp(GROWTH_RATE / 4));
}

function quarterLines(ctx: DemoContext, plan: number, q: number): string {
  const weights = ctx.reps.map((r) => tenure(r, q) * r.quotaFactor);
  const total = weights.reduce((a, b) => a + b, 0);
  let out = '';
  ctx.reps.forEach((rep, k) => {
    const w = weights[k] ?? 0;
    if (w <= 0) return;
    const quota = Math.max(1000, Math.round((plan * w) / total / TARGET_ATTAINMENT / 1000) * 1000);
    out += csvLine([rep.name, isoDate(quarterStartOf(q)), isoDate(quarterEndOf(q)), money(quota)]);
  });
  return out;
}

/** One record per quarter of the history: the quota rows of all reps on board. */
export function quotaRows(ctx: DemoContext): RowSource {
  const expected = expectedWonByQuarter(ctx);
  const first = quarterIndex(ctx.historyStart);
  return {
    count: quarterIndex(ctx.ref) - first + 1,
    text: (k) => quarterLines(ctx, quarterPlan(ctx, expected, first + k), first + k),
  };
}

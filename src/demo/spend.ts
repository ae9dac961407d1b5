// Sales and marketing spend per channel and month, for every month of the history.
// Sized as a share of expected bookings (so CAC stays plausible at any demo size), with
// events clustered in spring and autumn and some month-to-month noise.

import { isoDate, monthEndOf, monthIndex, monthStartOf } from './calendar';
import type { DemoContext } from './context';
import { csvLine, money, type RowSource } from './csv';
import { expectedWonCreatedByMonth } from './bookings';
import { SPEND_CHANNELS } from './catalog';
import { Rng, Stream } from './prng';

export const SPEND_COLUMNS = ['period_start', 'period_end', 'channel', 'amount'] as const;

/** Sales and marketing spend as a share of bookings: typical for a growing SaaS company. */
const SPEND_RATIO = 0.4;
/** Conference season: March–April and September–October (month of year 0..11). */
const EVENT_MONTHS = new Set([2, 3, 8, 9]);

function monthLines(ctx: DemoContext, m: number, bookings: number): string {
  const rng = Rng.forRow(ctx.seed, Stream.spend, m);
  let out = '';
  for (const { channel, share } of SPEND_CHANNELS) {
    const season = channel === 'Events' ? (EVENT_MONTHS.has(m % 12) ? 1.6 : 0.6) : 1;
    const noise = 0.85 + 0.3 * rng.next();
    const cents = Math.round(bookings * SPEND_RATIO * share * season * noise * 100);
    out += csvLine([isoDate(monthStartOf(m)), isoDate(monthEndOf(m)), channel, money(cents / 100)]);
  }
  return out;
}

/** One record per month of the history: a row per channel. */
export function spendRows(ctx: DemoContext): RowSource {
  // A month's budget is sized on the pipeline created that month (what the spend bought).
  const created = expectedWonCreatedByMonth(ctx);
  const first = monthIndex(ctx.historyStart);
  return {
    count: monthIndex(ctx.ref) - first + 1,
    text: (k) => monthLines(ctx, first + k, created.get(first + k) ?? 0),
  };
}

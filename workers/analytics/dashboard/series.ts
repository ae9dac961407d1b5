// Monthly closed-deal rows → the bookings chart's buckets (with the comparison period's
// bucket at the same position) and the tiles' sparklines.
import type { BookingsBucket, DataExtent, KpiId } from '../../../src/engine-api/types';
import { bucketLabels, bucketStartOf } from '../../../src/shared/periods/buckets';
import type { DateRange, Grain } from '../../../src/shared/periods/fiscal';
import type { MonthRow } from '../../../src/features/dashboard/core/series';

interface Acc {
  wonAmt: number;
  wonN: number;
  lostN: number;
  cycSum: number;
  cycN: number;
}

export interface SeriesOut {
  readonly bookings: BookingsBucket[];
  readonly sparklines: Partial<Record<KpiId, (number | null)[]>>;
}

function fold(rows: readonly MonthRow[], side: 'cur' | 'cmp', grain: Grain, fsm: number): Map<string, Acc> {
  const out = new Map<string, Acc>();
  for (const r of rows) {
    if (r.side !== side) continue;
    const key = bucketStartOf(r.month, grain, fsm);
    const acc = out.get(key) ?? { wonAmt: 0, wonN: 0, lostN: 0, cycSum: 0, cycN: 0 };
    acc.wonAmt += r.won_amt ?? 0;
    acc.wonN += r.won_n;
    acc.lostN += r.lost_n;
    acc.cycSum += r.cyc_sum ?? 0;
    acc.cycN += r.cyc_n;
    out.set(key, acc);
  }
  return out;
}

export function buildSeries(
  rows: readonly MonthRow[],
  range: DateRange | null,
  comparison: DateRange | null,
  grain: Grain,
  fsm: number,
  extent: DataExtent,
): SeriesOut {
  // All time runs to the reference date: open deals' expected close dates lie beyond it.
  const span = { firstClose: extent.firstClose, lastClose: extent.referenceDate ?? extent.lastClose };
  const buckets = bucketLabels(range, grain, span, fsm);
  const cmpBuckets = comparison ? bucketLabels(comparison, grain, span, fsm) : [];
  const cur = fold(rows, 'cur', grain, fsm);
  const cmp = fold(rows, 'cmp', grain, fsm);
  const accs = buckets.map((b) => cur.get(b.start));
  const bookings = buckets.map((b, i) => {
    const a = accs[i];
    const cb = cmpBuckets[i];
    const compareAmount = comparison ? (cb ? (cmp.get(cb.start)?.wonAmt ?? 0) : null) : undefined;
    return { ...b, wonAmount: a?.wonAmt ?? 0, wonCount: a?.wonN ?? 0, ...(compareAmount !== undefined ? { compareAmount } : {}) };
  });
  const ratio = (top: number, bottom: number) => (bottom > 0 ? top / bottom : null);
  return {
    bookings,
    sparklines: {
      won_amount: accs.map((a) => a?.wonAmt ?? 0),
      won_count: accs.map((a) => a?.wonN ?? 0),
      win_rate: accs.map((a) => ratio(a?.wonN ?? 0, (a?.wonN ?? 0) + (a?.lostN ?? 0))),
      avg_deal_size: accs.map((a) => ratio(a?.wonAmt ?? 0, a?.wonN ?? 0)),
      avg_sales_cycle_days: accs.map((a) => ratio(a?.cycSum ?? 0, a?.cycN ?? 0)),
    },
  };
}

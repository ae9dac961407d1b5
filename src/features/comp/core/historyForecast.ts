// The fallback when no forecast of the next quarter exists (see forecastSource.ts): each rep's
// next quarter drawn from their own last eight quarters (empirical P10/P50/P90).
import type { CompData } from '../contract';
import type { QuotaTable } from './quotas';
import type { RepForecast } from './simulate';

const HISTORY = 8;

/** The rep's quota for the quarter, else their latest earlier one; null without any. */
export function quotaFor(quotas: QuotaTable, rep: string, quarter: number): number | null {
  const byQuarter = quotas.get(rep);
  return (
    byQuarter?.get(quarter) ??
    [...(byQuarter?.entries() ?? [])].filter(([q]) => q < quarter).sort((a, b) => b[0] - a[0])[0]?.[1] ??
    null
  );
}

export function empirical(sorted: readonly number[], p: number): number {
  // Linear interpolation between order statistics (type 7, as R and numpy do by default).
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)] ?? a;
  return Math.round(a + (h - lo) * (b - a));
}

/** Forecasts for `quarter` from the quarters before it; reps with fewer than 4 quarters are left out. */
export function historyForecasts(data: CompData, quotas: QuotaTable, quarter: number): RepForecast[] {
  const out: RepForecast[] = [];
  for (const rep of data.reps) {
    const past: number[] = [];
    for (let q = quarter - HISTORY; q < quarter; q++) {
      const b = data.bookings.find((x) => x.rep === rep.rep && x.quarter === q);
      const onBoard = rep.startDate === null || quotas.get(rep.rep)?.has(q) || b !== undefined;
      if (onBoard) past.push(b?.wonCents ?? 0);
    }
    if (past.length < 4) continue;
    past.sort((a, b) => a - b);
    out.push({
      rep: rep.rep,
      team: rep.team,
      quotaCents: quotaFor(quotas, rep.rep, quarter),
      quantiles: [0.1, 0.5, 0.9].map((p) => ({ p, cents: empirical(past, p) })),
    });
  }
  return out;
}

// A stand-in for per-rep forecasts until the forecasting module provides them: each rep's
// next quarter drawn from their own last eight quarters (empirical P10/P50/P90).
import type { CompData } from '../engine-api/comp';
import type { QuotaTable } from './quotas';
import type { RepForecast } from './simulate';

const HISTORY = 8;

function empirical(sorted: readonly number[], p: number): number {
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
    const byQuarter = quotas.get(rep.rep);
    const latest =
      byQuarter?.get(quarter) ??
      [...(byQuarter?.entries() ?? [])].filter(([q]) => q < quarter).sort((a, b) => b[0] - a[0])[0]?.[1] ??
      null;
    out.push({
      rep: rep.rep,
      team: rep.team,
      quotaCents: latest,
      quantiles: [0.1, 0.5, 0.9].map((p) => ({ p, cents: empirical(past, p) })),
    });
  }
  return out;
}

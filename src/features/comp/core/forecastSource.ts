// The next-quarter simulation's per-rep distributions from the forecast (issue 6): each rep's
// Monte Carlo draws of the quarter's bookings (booked so far + open deals + new business),
// resampled by simulateQuarter. Used only when the forecast is for that very quarter.
import type { CompData } from '../contract';
import type { ForecastResult } from '../../forecast/contract';
import { empirical, quotaFor } from './historyForecast';
import type { QuotaTable } from './quotas';
import type { RepForecast } from './simulate';

/** What the comp screen keeps of a forecast: its period and each rep's draws (dollars, in the joint draw order). */
export interface ForecastDraws {
  /** First day of the forecast period, ISO. */
  readonly periodStart: string;
  readonly periodLabel: string;
  /** Draws per rep. */
  readonly draws: number;
  readonly reps: readonly { readonly rep: string; readonly draws: readonly number[] }[];
}

export function forecastDraws(result: ForecastResult): ForecastDraws | null {
  const reps = result.byRep.flatMap((g) => (g.draws?.length ? [{ rep: g.name, draws: g.draws }] : []));
  if (reps.length === 0) return null;
  return {
    periodStart: result.periodStart,
    periodLabel: result.periodLabel,
    draws: Math.max(...reps.map((r) => r.draws.length)),
    reps,
  };
}

/**
 * Per rep of the comp data: the forecast's draws in cents. A rep the forecast has nothing for
 * (no deal open, none booked, no new business in past quarters) but who has a quota books 0.
 */
export function forecastRepForecasts(source: ForecastDraws, data: CompData, quotas: QuotaTable, quarter: number): RepForecast[] {
  const byRep = new Map(source.reps.map((r) => [r.rep, r.draws]));
  const out: RepForecast[] = [];
  for (const rep of data.reps) {
    const quotaCents = quotaFor(quotas, rep.rep, quarter);
    const dollars = byRep.get(rep.rep);
    if (!dollars && quotas.get(rep.rep)?.get(quarter) === undefined) continue;
    const cents = (dollars ?? [0]).map((d) => Math.round(d * 100));
    const ascending = [...cents].sort((a, b) => a - b);
    out.push({
      rep: rep.rep,
      team: rep.team,
      quotaCents,
      quantiles: [0.1, 0.5, 0.9].map((p) => ({ p, cents: empirical(ascending, p) })),
      draws: cents,
    });
  }
  return out;
}

// Next-quarter simulation from per-rep forecast distributions (issue 6's forecasts feed
// this when they exist): seeded draws of each rep's bookings, paid under a plan, give
// expected payout P10/P50/P90 and each rep's probability of reaching quota.
// Reps with the forecast's draws are drawn jointly (one draw index for all, so the company's
// correlation between reps is kept); reps with quantiles only are drawn independently.
// Balances from earlier quarters are not carried in.
import { commission } from './curve';
import { quarterlyPay } from './payout';
import { roleFor, type CompPlan } from './plan';
import { Mulberry32 } from '../../../random/mulberry32';

/** A rep's forecast for one quarter as quantiles of bookings (p in 0..1, ascending). */
export interface RepForecast {
  readonly rep: string;
  readonly team: string | null;
  readonly quotaCents: number | null;
  readonly quantiles: readonly { readonly p: number; readonly cents: number }[];
  /** Equally likely bookings (the forecast's Monte Carlo draws, cents); when present they are resampled instead of the quantiles. */
  readonly draws?: readonly number[];
}

export interface SimulationResult {
  readonly draws: number;
  readonly payout: { readonly p10: number; readonly p50: number; readonly p90: number };
  readonly reps: readonly {
    readonly rep: string;
    readonly probabilityAtQuota: number | null;
    readonly expectedPayoutCents: number;
  }[];
}

/** Seeded and deterministic: the same plan and seed give the same simulation. */
function prng(seed: number): () => number {
  const rng = new Mulberry32(seed);
  return () => rng.next();
}

/** Inverse CDF, linear between the given quantiles, flat beyond the outer ones. */
export function quantileAt(quantiles: RepForecast['quantiles'], u: number): number {
  const first = quantiles[0];
  if (!first) return 0;
  if (u <= first.p) return first.cents;
  for (let i = 1; i < quantiles.length; i++) {
    const lo = quantiles[i - 1];
    const hi = quantiles[i];
    if (lo && hi && u <= hi.p) return Math.round(lo.cents + ((hi.cents - lo.cents) * (u - lo.p)) / (hi.p - lo.p || 1));
  }
  return quantiles[quantiles.length - 1]?.cents ?? 0;
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i] ?? 0;
}

export function simulateQuarter(plan: CompPlan, forecasts: readonly RepForecast[], draws = 1000, seed = 1): SimulationResult {
  const next = prng(seed);
  const totals: number[] = [];
  const atQuota = forecasts.map(() => 0);
  const paid = forecasts.map(() => 0);
  for (let d = 0; d < draws; d++) {
    let total = 0;
    // One company draw for every rep that has draws: the same joint draw's share of each rep.
    const shared = next();
    forecasts.forEach((f, i) => {
      const u = next();
      const booked = f.draws?.length ? (f.draws[Math.floor(shared * f.draws.length)] ?? 0) : quantileAt(f.quantiles, u);
      const pay = quarterlyPay(roleFor(plan, f.team));
      const c =
        f.quotaCents === null
          ? null
          : commission(plan.curve, {
              bookingsCents: booked,
              quotaCents: f.quotaCents,
              targetIncentiveCents: pay.targetIncentiveCents,
            });
      const variable = Math.max(c?.commissionCents ?? 0, plan.draw.kind === 'none' ? 0 : plan.draw.amountCents);
      total += pay.baseCents + variable;
      paid[i] = (paid[i] ?? 0) + pay.baseCents + variable;
      if (f.quotaCents !== null && booked >= f.quotaCents) atQuota[i] = (atQuota[i] ?? 0) + 1;
    });
    totals.push(total);
  }
  totals.sort((a, b) => a - b);
  return {
    draws,
    payout: { p10: percentile(totals, 0.1), p50: percentile(totals, 0.5), p90: percentile(totals, 0.9) },
    reps: forecasts.map((f, i) => ({
      rep: f.rep,
      probabilityAtQuota: f.quotaCents === null ? null : (atQuota[i] ?? 0) / draws,
      expectedPayoutCents: Math.round((paid[i] ?? 0) / draws),
    })),
  };
}

// The commission curve for one rep and period: threshold gate, tiers paid marginally or
// retroactively, cap. Integer cents in, integer cents out, one rounding at the end.
import { mulDivRound, mulDivRoundBig, PPM, toPpm } from './money';
import type { CommissionCurve } from './plan';

export interface CurveInput {
  readonly bookingsCents: number;
  readonly quotaCents: number;
  /** The period's target incentive (variable pay at 100 % attainment), cents. */
  readonly targetIncentiveCents: number;
}

export interface CurveResult {
  /** Commission after the cap. */
  readonly commissionCents: number;
  /** What the cap took off (0 when not reached). */
  readonly cappedOffCents: number;
  readonly belowThreshold: boolean;
}

interface Band {
  readonly start: number;
  readonly end: number;
  readonly ratePpm: number;
}

/** Bands in cents of bookings: tier i covers [from_i × quota, from_(i+1) × quota). */
function bands(curve: CommissionCurve, quotaCents: number): Band[] {
  const tiers = [...curve.tiers].sort((a, b) => a.from - b.from);
  return tiers.map((t, i) => {
    const next = tiers[i + 1];
    return {
      start: mulDivRound(quotaCents, toPpm(t.from), PPM),
      end: next ? mulDivRound(quotaCents, toPpm(next.from), PPM) : Number.POSITIVE_INFINITY,
      ratePpm: toPpm(t.rate),
    };
  });
}

/**
 * Rate per band actually paid. Marginal: each band its own rate. Retroactive: every band up
 * to the one reached is paid the best rate among itself and the bands above it that were
 * reached — accelerators re-rate earlier bookings, a decelerator never lowers them.
 */
function paidRates(list: readonly Band[], bookingsCents: number, mode: CommissionCurve['mode']): number[] {
  const rates = list.map((b) => b.ratePpm);
  if (mode === 'marginal') return rates;
  const reached = list.filter((b) => bookingsCents >= b.start).length; // at 100 % the 100 % tier is reached
  const out = [...rates];
  for (let i = reached - 2; i >= 0; i--) out[i] = Math.max(rates[i] ?? 0, out[i + 1] ?? 0);
  return out;
}

/** Commission, or null when there is no positive quota to measure attainment against. */
export function commission(curve: CommissionCurve, input: CurveInput): CurveResult | null {
  const { bookingsCents: booked, quotaCents: quota, targetIncentiveCents: ti } = input;
  if (quota <= 0) return null;
  const belowThreshold = BigInt(booked) * BigInt(PPM) < BigInt(toPpm(curve.threshold)) * BigInt(quota);
  if (belowThreshold || booked <= 0) return { commissionCents: 0, cappedOffCents: 0, belowThreshold };
  const list = bands(curve, quota);
  const rates = paidRates(list, booked, curve.mode);
  let weighted = 0n; // Σ bookings-in-band × rate (ppm)
  list.forEach((band, i) => {
    const inBand = Math.max(0, Math.min(booked, band.end) - band.start);
    weighted += BigInt(inBand) * BigInt(rates[i] ?? 0);
  });
  // Base commission rate = target incentive ÷ quota, so commission = Σ(in band × rate) × TI ÷ quota.
  const exact = mulDivRoundBig(weighted, BigInt(ti), BigInt(quota) * BigInt(PPM));
  // Only an absurd quota (a few cents against millions booked) gets here; say so rather than pay a rounded number.
  if (exact > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `Commission on ${booked} cents against a quota of ${quota} cents is too large to compute exactly; check the quota.`,
    );
  }
  const raw = Number(exact);
  if (curve.capMultiple === null) return { commissionCents: raw, cappedOffCents: 0, belowThreshold };
  const cap = mulDivRound(ti, toPpm(curve.capMultiple), PPM);
  return { commissionCents: Math.min(raw, cap), cappedOffCents: Math.max(0, raw - cap), belowThreshold };
}

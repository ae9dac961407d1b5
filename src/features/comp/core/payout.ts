// The payout engine: one rep's quarters in order — base, commission (curve), SPIFs,
// clawbacks of deals lost after being paid, draw top-up and recovery of what is owed.
// Every amount is integer cents; the identity variable = commission + spif − clawback
// − recovered + drawTopUp holds exactly in every period.
import { commission } from './curve';
import { mulDivRound, mulDivRoundBig, PPM, toPpm } from './money';
import type { CompPlan, Role, Spif } from './plan';

/** Won deals of one product and deal type, aggregated (deal rows never reach the page). */
export interface DealGroup {
  readonly product: string | null;
  readonly dealType: string | null;
  readonly wonCents: number;
  readonly wonCount: number;
}

/** Deals lost in this period that had been won (and paid) in `wonPeriod`. */
export interface ClawbackInput {
  readonly wonPeriod: number;
  readonly amountCents: number;
}

export interface PeriodInput {
  /** Fiscal quarter index (see periods.ts). */
  readonly period: number;
  readonly bookingsCents: number;
  readonly quotaCents: number | null;
  readonly deals: readonly DealGroup[];
  readonly clawbacks: readonly ClawbackInput[];
}

export interface PeriodPayout {
  readonly period: number;
  readonly bookingsCents: number;
  readonly quotaCents: number | null;
  /** bookings ÷ quota; null without a positive quota. */
  readonly attainment: number | null;
  readonly baseCents: number;
  readonly targetIncentiveCents: number;
  readonly commissionCents: number;
  readonly cappedOffCents: number;
  readonly spifCents: number;
  readonly clawbackCents: number;
  /** What the rep owed from earlier periods (draw advances, clawbacks), netted here. */
  readonly recoveredCents: number;
  readonly drawTopUpCents: number;
  /** Variable pay actually paid this period. */
  readonly variableCents: number;
  /** Base + variable. */
  readonly payoutCents: number;
  /** Owed by the rep after this period, carried to the next. */
  readonly balanceCents: number;
  readonly belowThreshold: boolean;
}

/** Base salary and target incentive per quarter from the role's yearly OTE and pay mix. */
export function quarterlyPay(role: Role): { baseCents: number; targetIncentiveCents: number } {
  // The two parts add up to a quarter of OTE exactly: the target incentive takes the rounding.
  const quarter = mulDivRound(role.oteCents, 1, 4);
  const baseCents = mulDivRound(role.oteCents, toPpm(role.baseShare), 4 * PPM);
  return { baseCents, targetIncentiveCents: quarter - baseCents };
}

function spifMatches(spif: Spif, deal: DealGroup): boolean {
  return (spif.product === null || spif.product === deal.product) && (spif.dealType === null || spif.dealType === deal.dealType);
}

/** Each SPIF: flat amount per qualifying deal plus a share of their amount (rounded per SPIF). */
export function spifCents(spifs: readonly Spif[], deals: readonly DealGroup[]): number {
  let total = 0;
  for (const spif of spifs) {
    const hits = deals.filter((d) => spifMatches(spif, d));
    const count = hits.reduce((s, d) => s + d.wonCount, 0);
    const amount = hits.reduce((s, d) => s + d.wonCents, 0);
    total += spif.perDealCents * count + mulDivRound(amount, toPpm(spif.percentOfAmount), PPM);
  }
  return total;
}

/** Clawback of a lost deal: its share of the commission paid in the quarter it was won. */
function clawbackCents(plan: CompPlan, events: readonly ClawbackInput[], paid: ReadonlyMap<number, PeriodPayout>): number {
  if (!plan.clawback.enabled) return 0;
  let total = 0;
  for (const e of events) {
    const won = paid.get(e.wonPeriod);
    if (!won || won.bookingsCents <= 0) continue;
    // amount × (commission ÷ bookings of that quarter) × share, rounded once.
    const share = BigInt(toPpm(plan.clawback.share));
    const den = BigInt(won.bookingsCents) * BigInt(PPM);
    total += Number(mulDivRoundBig(BigInt(e.amountCents) * BigInt(won.commissionCents), share, den));
  }
  return total;
}

/** Pays one rep's quarters in ascending order (balances carry forward). */
export function payRep(plan: CompPlan, role: Role, periods: readonly PeriodInput[]): PeriodPayout[] {
  const { baseCents, targetIncentiveCents } = quarterlyPay(role);
  const draw = plan.draw.kind === 'none' ? 0 : plan.draw.amountCents;
  const paid = new Map<number, PeriodPayout>();
  const out: PeriodPayout[] = [];
  let owed = 0;
  for (const p of [...periods].sort((a, b) => a.period - b.period)) {
    const quota = p.quotaCents;
    const curve =
      quota === null ? null : commission(plan.curve, { bookingsCents: p.bookingsCents, quotaCents: quota, targetIncentiveCents });
    const commissionCents = curve?.commissionCents ?? 0;
    const spif = spifCents(plan.spifs, p.deals);
    const clawback = clawbackCents(plan, p.clawbacks, paid);
    const net = commissionCents + spif - clawback - owed;
    const variableCents = Math.max(net, draw);
    const shortfall = variableCents - net; // > 0 only when the draw (or a floor at 0) tops up
    const balanceCents = plan.draw.kind === 'recoverable' ? shortfall : Math.max(0, -net);
    const row: PeriodPayout = {
      period: p.period,
      bookingsCents: p.bookingsCents,
      quotaCents: quota,
      attainment: quota !== null && quota > 0 ? p.bookingsCents / quota : null,
      baseCents,
      targetIncentiveCents,
      commissionCents,
      cappedOffCents: curve?.cappedOffCents ?? 0,
      spifCents: spif,
      clawbackCents: clawback,
      recoveredCents: owed,
      drawTopUpCents: shortfall,
      variableCents,
      payoutCents: baseCents + variableCents,
      balanceCents,
      belowThreshold: curve?.belowThreshold ?? false,
    };
    paid.set(p.period, row);
    out.push(row);
    owed = balanceCents;
  }
  return out;
}

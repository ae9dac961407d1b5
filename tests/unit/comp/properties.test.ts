// Property tests of the payout engine: monotone in bookings without cap or clawback,
// retroactive never below marginal for the same tiers, and the payout identity.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commission } from '../../../src/features/comp/core/curve';
import { payRep, type PeriodInput } from '../../../src/features/comp/core/payout';
import type { CommissionCurve, CompPlan, Draw } from '../../../src/features/comp/core/plan';
import { plan, ROLE } from './fixtures';

/** Ascending tier starts from 0 with any rates (accelerators and decelerators). */
const tiersArb = fc
  .array(fc.record({ gap: fc.integer({ min: 1, max: 300 }), rate: fc.integer({ min: 0, max: 400 }) }), {
    minLength: 0,
    maxLength: 4,
  })
  .chain((rest) =>
    fc.integer({ min: 0, max: 400 }).map((firstRate) => {
      let from = 0;
      const tiers = [{ from: 0, rate: firstRate / 100 }];
      for (const t of rest) {
        from += t.gap / 100;
        tiers.push({ from, rate: t.rate / 100 });
      }
      return tiers;
    }),
  );

const curveArb = (cap: boolean): fc.Arbitrary<CommissionCurve> =>
  fc.record({
    threshold: fc.integer({ min: 0, max: 120 }).map((t) => t / 100),
    mode: fc.constantFrom('marginal' as const, 'retroactive' as const),
    tiers: tiersArb,
    capMultiple: cap
      ? fc.option(
          fc.integer({ min: 1, max: 500 }).map((c) => c / 100),
          { nil: null },
        )
      : fc.constant(null),
  });

const drawArb: fc.Arbitrary<Draw> = fc.record({
  kind: fc.constantFrom('none' as const, 'recoverable' as const, 'non_recoverable' as const),
  amountCents: fc.integer({ min: 0, max: 2_000_000 }),
});

const money = fc.integer({ min: 0, max: 100_000_000_00 });
// Quotas from $100: below that, attainment in the millions makes payouts exceed exact integers (curve.ts refuses them).
const quota = fc.integer({ min: 100_00, max: 10_000_000_00 });
const total = (p: CompPlan, inputs: PeriodInput[]) => payRep(p, ROLE, inputs).reduce((s, r) => s + r.payoutCents, 0);
const period = (n: number, bookingsCents: number, quotaCents: number): PeriodInput => ({
  period: n,
  bookingsCents,
  quotaCents,
  deals: [],
  clawbacks: [],
});

describe('payout properties', () => {
  it('without a cap or clawback, more bookings in any quarter never lower the payout (one or two quarters, with draws)', () => {
    fc.assert(
      fc.property(
        curveArb(false),
        drawArb,
        quota,
        money,
        money,
        money,
        fc.boolean(),
        (curve, draw, q, a, b, other, firstQuarter) => {
          const p = plan({ curve, draw });
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const build = (x: number) =>
            firstQuarter ? [period(1, x, q), period(2, other, q)] : [period(1, other, q), period(2, x, q)];
          expect(total(p, build(hi))).toBeGreaterThanOrEqual(total(p, build(lo)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the same tiers paid retroactively never pay less than paid marginally (with or without a cap)', () => {
    fc.assert(
      fc.property(curveArb(true), quota, money, fc.integer({ min: 0, max: 10_000_000 }), (curve, q, booked, ti) => {
        const input = { bookingsCents: booked, quotaCents: q, targetIncentiveCents: ti };
        const marginal = commission({ ...curve, mode: 'marginal' }, input);
        const retro = commission({ ...curve, mode: 'retroactive' }, input);
        expect(retro?.commissionCents ?? 0).toBeGreaterThanOrEqual(marginal?.commissionCents ?? 0);
      }),
      { numRuns: 500 },
    );
  });

  it('every quarter adds up: variable = commission + SPIF − clawback − recovered + top-up, payout = base + variable', () => {
    fc.assert(
      fc.property(
        curveArb(true),
        drawArb,
        fc.array(fc.tuple(money, quota, fc.integer({ min: 0, max: 5_000_000_00 })), { minLength: 1, maxLength: 5 }),
        (curve, draw, quarters) => {
          const p = plan({ curve, draw, clawback: { enabled: true, share: 1 } });
          const inputs = quarters.map(([b, q, lost], i) => ({
            ...period(i + 1, b, q),
            clawbacks: i > 0 ? [{ wonPeriod: i, amountCents: lost }] : [],
          }));
          for (const r of payRep(p, ROLE, inputs)) {
            expect(r.variableCents).toBe(r.commissionCents + r.spifCents - r.clawbackCents - r.recoveredCents + r.drawTopUpCents);
            expect(r.payoutCents).toBe(r.baseCents + r.variableCents);
            expect(Number.isSafeInteger(r.payoutCents)).toBe(true);
            expect(r.variableCents).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

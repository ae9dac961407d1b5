// The commission curve against hand-computed examples, to the cent. Each expectation
// carries its arithmetic (BCR 12.5 %, quota $100,000, TI $12,500 unless stated).
import { describe, expect, it } from 'vitest';
import { commission } from '../../../src/features/comp/core/curve';
import type { CommissionCurve } from '../../../src/features/comp/core/plan';
import { ACCEL_TIERS, FLAT, QUOTA, TI } from './fixtures';

const pay = (curve: CommissionCurve, bookingsCents: number, quotaCents = QUOTA, ti = TI) =>
  commission(curve, { bookingsCents, quotaCents, targetIncentiveCents: ti })?.commissionCents;

const marginal: CommissionCurve = { threshold: 0, mode: 'marginal', tiers: ACCEL_TIERS, capMultiple: null };
const retro: CommissionCurve = { ...marginal, mode: 'retroactive' };

describe('commission curve, hand-computed', () => {
  it('1 flat rate: $80,000 × 12.5 % = $10,000.00', () => {
    expect(pay(FLAT, 80_000_00)).toBe(1_000_000);
  });
  it('2 flat rate, odd cents: $123,456.78 × 12.5 % = $15,432.0975 → $15,432.10 (half up)', () => {
    expect(pay(FLAT, 123_456_78)).toBe(1_543_210);
  });
  it('3 threshold 50 %: $49,999.99 is 49.99999 % → nothing', () => {
    expect(pay({ ...FLAT, threshold: 0.5 }, 49_999_99)).toBe(0);
  });
  it('4 threshold 50 %: $50,000 passes the gate and pays from the first dollar: $50,000 × 12.5 % = $6,250', () => {
    expect(pay({ ...FLAT, threshold: 0.5 }, 50_000_00)).toBe(625_000);
  });
  it('5 marginal accelerator: $100,000 × 12.5 % + $30,000 × 18.75 % = $12,500 + $5,625 = $18,125', () => {
    expect(pay(marginal, 130_000_00)).toBe(1_812_500);
  });
  it('6 retroactive accelerator: $130,000 all at 1.5 × 12.5 % = 18.75 % → $24,375', () => {
    expect(pay(retro, 130_000_00)).toBe(2_437_500);
  });
  it('7 marginal, three tiers: $12,500 + $50,000 × 18.75 % ($9,375) + $20,000 × 25 % ($5,000) = $26,875', () => {
    expect(pay(marginal, 170_000_00)).toBe(2_687_500);
  });
  it('8 retroactive, three tiers: $170,000 × 25 % = $42,500', () => {
    expect(pay(retro, 170_000_00)).toBe(4_250_000);
  });
  it('9 exactly at quota: marginal $100,000 × 12.5 % = $12,500; retroactive reaches the 100 % tier: × 18.75 % = $18,750', () => {
    expect(pay(marginal, 100_000_00)).toBe(1_250_000);
    expect(pay(retro, 100_000_00)).toBe(1_875_000);
  });
  it('10 cap at 2 × TI = $25,000: marginal $26,875 → $25,000, $1,875 capped off', () => {
    const r = commission(
      { ...marginal, capMultiple: 2 },
      { bookingsCents: 170_000_00, quotaCents: QUOTA, targetIncentiveCents: TI },
    );
    expect(r?.commissionCents).toBe(2_500_000);
    expect(r?.cappedOffCents).toBe(187_500);
  });
  it('11 decelerator above 200 %, marginal: $12,500 + $100,000 × 18.75 % ($18,750) + $50,000 × 6.25 % ($3,125) = $34,375', () => {
    const curve: CommissionCurve = {
      ...marginal,
      tiers: [
        { from: 0, rate: 1 },
        { from: 1, rate: 1.5 },
        { from: 2, rate: 0.5 },
      ],
    };
    expect(pay(curve, 250_000_00)).toBe(3_437_500);
  });
  it('12 decelerator, retroactive: first $200,000 at the 1.5 accelerator (18.75 % → $37,500), last $50,000 at 6.25 % ($3,125) = $40,625', () => {
    const curve: CommissionCurve = {
      ...retro,
      tiers: [
        { from: 0, rate: 1 },
        { from: 1, rate: 1.5 },
        { from: 2, rate: 0.5 },
      ],
    };
    expect(pay(curve, 250_000_00)).toBe(4_062_500);
  });
  it('13 decelerated start, marginal: $50,000 × 6.25 % ($3,125) + $30,000 × 12.5 % ($3,750) = $6,875', () => {
    const curve: CommissionCurve = {
      ...marginal,
      tiers: [
        { from: 0, rate: 0.5 },
        { from: 0.5, rate: 1 },
      ],
    };
    expect(pay(curve, 80_000_00)).toBe(687_500);
  });
  it('14 decelerated start, retroactive: passing 50 % re-rates everything at 12.5 %: $80,000 × 12.5 % = $10,000', () => {
    const curve: CommissionCurve = {
      ...retro,
      tiers: [
        { from: 0, rate: 0.5 },
        { from: 0.5, rate: 1 },
      ],
    };
    expect(pay(curve, 80_000_00)).toBe(1_000_000);
  });
  it('15 BCR that does not terminate: quota $90,000, $10,000 × 12,500 ÷ 90,000 = $1,388.888… → $1,388.89', () => {
    expect(pay(FLAT, 10_000_00, 90_000_00)).toBe(138_889);
  });
  it('16 retroactive with cap 1.5 × TI = $18,750: $24,375 → $18,750', () => {
    expect(pay({ ...retro, capMultiple: 1.5 }, 130_000_00)).toBe(1_875_000);
  });
  it('17 threshold with retroactive tiers: 40 % attainment under a 50 % gate → nothing', () => {
    expect(pay({ ...retro, threshold: 0.5 }, 40_000_00)).toBe(0);
  });
  it('18 no positive quota: commission cannot be computed (null, not 0)', () => {
    expect(commission(FLAT, { bookingsCents: 1000, quotaCents: 0, targetIncentiveCents: TI })).toBeNull();
  });
  it(
    '19 tier edges at a fractional quota: quota $33,333.33, tier at 150 % starts at $49,999.995 → $50,000.00 (rounded edge);\n' +
      '   bookings $60,000 marginal: BCR = 12,500 ÷ 33,333.33; $33,333.33 × 1 + $16,666.67 × 1.5 + $10,000 × 2 = $78,333.335 weighted;\n' +
      '   × 12,500 ÷ 33,333.33 = $29,375.0029… → $29,375.00',
    () => {
      expect(pay(marginal, 60_000_00, 33_333_33)).toBe(2_937_500);
    },
  );
});

// The full payout engine (base, commission, SPIFs, clawbacks, draws, balances) against
// hand-computed quarters, to the cent. Shared shapes in fixtures.ts (BCR 12.5 %).
import { describe, expect, it } from 'vitest';
import { payRep, quarterlyPay, spifCents, type PeriodInput } from '../../../src/features/comp/core/payout';
import { ACCEL_TIERS, plan, QUOTA, ROLE } from './fixtures';

const q = (period: number, bookingsCents: number, extra: Partial<PeriodInput> = {}): PeriodInput => ({
  period,
  bookingsCents,
  quotaCents: QUOTA,
  deals: [],
  clawbacks: [],
  ...extra,
});

describe('payout engine, hand-computed', () => {
  it('20 pay mix 60/40 on OTE $150,000: base $22,500, TI $15,000; quota $200,000 → BCR 7.5 %; $150,000 → $11,250; payout $33,750', () => {
    const role = { ...ROLE, oteCents: 150_000_00, baseShare: 0.6 };
    const [r] = payRep(plan({ roles: [role] }), role, [q(1, 150_000_00, { quotaCents: 200_000_00 })]);
    expect(r?.baseCents).toBe(2_250_000);
    expect(r?.commissionCents).toBe(1_125_000);
    expect(r?.payoutCents).toBe(3_375_000);
  });

  it('21 OTE rounding: $100,001 with a ⅓ base: quarter = $25,000.25; base = $100,001 × 0.333333 ÷ 4 = $8,333.408… → $8,333.41; TI takes the rest, $16,666.84', () => {
    expect(quarterlyPay({ ...ROLE, oteCents: 100_001_00, baseShare: 1 / 3 })).toEqual({
      baseCents: 833_341,
      targetIncentiveCents: 1_666_684,
    });
  });

  it('22 SPIFs: $500 per Analytics deal (3 deals → $1,500) + 2 % of New Business ($30,000 + $20,000 → $1,000) = $2,500', () => {
    const deals = [
      { product: 'Analytics', dealType: 'New Business', wonCents: 30_000_00, wonCount: 2 },
      { product: 'Core', dealType: 'New Business', wonCents: 20_000_00, wonCount: 1 },
      { product: 'Analytics', dealType: 'Renewal', wonCents: 10_000_00, wonCount: 1 },
    ];
    const spifs = [
      { name: 'Analytics launch', product: 'Analytics', dealType: null, perDealCents: 500_00, percentOfAmount: 0 },
      { name: 'New logos', product: null, dealType: 'New Business', perDealCents: 0, percentOfAmount: 0.02 },
    ];
    const [r] = payRep(plan({ spifs }), ROLE, [q(1, 60_000_00, { deals })]);
    expect(r?.spifCents).toBe(250_000);
    // $60,000 × 12.5 % = $7,500 commission + $2,500 SPIF = $10,000 variable; + $12,500 base = $22,500
    expect(r?.variableCents).toBe(1_000_000);
    expect(r?.payoutCents).toBe(2_250_000);
  });

  it('23 SPIF percentage rounding: 1.5 % of $333.33 = $4.99995 → $5.00', () => {
    const spif = { name: 's', product: null, dealType: null, perDealCents: 0, percentOfAmount: 0.015 };
    expect(spifCents([spif], [{ product: 'x', dealType: 'y', wonCents: 333_33, wonCount: 1 }])).toBe(500);
  });

  it('24 clawback, full share: Q1 $100,000 → $12,500 (12.5 %); a $20,000 Q1 deal lost in Q2 takes back $2,500; Q2 $40,000 → $5,000 − $2,500 = $2,500', () => {
    const rows = payRep(plan({ clawback: { enabled: true, share: 1 } }), ROLE, [
      q(1, 100_000_00),
      q(2, 40_000_00, { clawbacks: [{ wonPeriod: 1, amountCents: 20_000_00 }] }),
    ]);
    expect(rows[1]?.clawbackCents).toBe(250_000);
    expect(rows[1]?.variableCents).toBe(250_000);
  });

  it('25 clawback at the effective rate of an accelerated quarter, half share: Q1 $130,000 → $18,125 marginal; $26,000 × 18,125 ÷ 130,000 = $3,625 × 50 % = $1,812.50', () => {
    const p = plan({
      curve: { threshold: 0, mode: 'marginal', tiers: ACCEL_TIERS, capMultiple: null },
      clawback: { enabled: true, share: 0.5 },
    });
    const rows = payRep(p, ROLE, [q(1, 130_000_00), q(2, 0, { clawbacks: [{ wonPeriod: 1, amountCents: 26_000_00 }] })]);
    expect(rows[1]?.clawbackCents).toBe(181_250);
  });

  it('26 clawback larger than the quarter, no draw: Q2 owes $7,500 ($60,000 × 12.5 %), pays $0 and carries $7,500; Q3 $80,000 → $10,000 − $7,500 = $2,500', () => {
    const rows = payRep(plan({ clawback: { enabled: true, share: 1 } }), ROLE, [
      q(1, 100_000_00),
      q(2, 0, { clawbacks: [{ wonPeriod: 1, amountCents: 60_000_00 }] }),
      q(3, 80_000_00),
    ]);
    expect(rows.map((r) => r.variableCents)).toEqual([1_250_000, 0, 250_000]);
    expect(rows.map((r) => r.balanceCents)).toEqual([0, 750_000, 0]);
    expect(rows[2]?.recoveredCents).toBe(750_000);
  });

  it('27 clawbacks switched off: the same lost deal takes nothing back', () => {
    const rows = payRep(plan(), ROLE, [
      q(1, 100_000_00),
      q(2, 40_000_00, { clawbacks: [{ wonPeriod: 1, amountCents: 20_000_00 }] }),
    ]);
    expect(rows[1]?.variableCents).toBe(500_000);
  });

  it('28 recoverable draw $5,000: Q1 $20,000 → $2,500 earned, $5,000 paid, $2,500 owed; Q2 $100,000 → $12,500 − $2,500 = $10,000', () => {
    const rows = payRep(plan({ draw: { kind: 'recoverable', amountCents: 5_000_00 } }), ROLE, [
      q(1, 20_000_00),
      q(2, 100_000_00),
    ]);
    expect(rows.map((r) => r.variableCents)).toEqual([500_000, 1_000_000]);
    expect(rows[0]?.drawTopUpCents).toBe(250_000);
    expect(rows.map((r) => r.balanceCents)).toEqual([250_000, 0]);
  });

  it('29 non-recoverable draw $5,000: Q1 $20,000 → $5,000 paid, nothing owed; Q2 $100,000 → $12,500', () => {
    const rows = payRep(plan({ draw: { kind: 'non_recoverable', amountCents: 5_000_00 } }), ROLE, [
      q(1, 20_000_00),
      q(2, 100_000_00),
    ]);
    expect(rows.map((r) => r.variableCents)).toEqual([500_000, 1_250_000]);
    expect(rows.map((r) => r.balanceCents)).toEqual([0, 0]);
  });

  it('30 recoverable draw still short: Q1 $0 → $5,000 paid, $5,000 owed; Q2 $48,000 → $6,000 − $5,000 = $1,000 < draw → $5,000 paid, $4,000 owed', () => {
    const rows = payRep(plan({ draw: { kind: 'recoverable', amountCents: 5_000_00 } }), ROLE, [q(1, 0), q(2, 48_000_00)]);
    expect(rows.map((r) => r.variableCents)).toEqual([500_000, 500_000]);
    expect(rows.map((r) => r.balanceCents)).toEqual([500_000, 400_000]);
  });

  it('31 no quota: attainment and commission not available, the SPIF still pays ($250 per deal × 2)', () => {
    const spifs = [{ name: 's', product: null, dealType: null, perDealCents: 250_00, percentOfAmount: 0 }];
    const deals = [{ product: null, dealType: null, wonCents: 9_000_00, wonCount: 2 }];
    const [r] = payRep(plan({ spifs }), ROLE, [q(1, 9_000_00, { quotaCents: null, deals })]);
    expect(r?.attainment).toBeNull();
    expect(r?.commissionCents).toBe(0);
    expect(r?.variableCents).toBe(50_000);
  });

  it('32 quarters are paid in order whatever order they arrive in (balances carry forward)', () => {
    const rows = payRep(plan({ draw: { kind: 'recoverable', amountCents: 5_000_00 } }), ROLE, [
      q(2, 100_000_00),
      q(1, 20_000_00),
    ]);
    expect(rows.map((r) => [r.period, r.variableCents])).toEqual([
      [1, 500_000],
      [2, 1_000_000],
    ]);
  });
});

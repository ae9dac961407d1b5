// Forecast simulation: degenerate distributions give exact answers; a spread one is
// deterministic for a seed and brackets its quantiles.
import { describe, expect, it } from 'vitest';
import { quantileAt, simulateQuarter } from '../../../src/features/comp/core/simulate';
import { FLAT, plan, QUOTA } from './fixtures';

describe('forecast simulation', () => {
  it('a rep certain to book $120,000 against $100,000: probability 1, payout $12,500 base + $15,000 (× 12.5 %) every draw', () => {
    const r = simulateQuarter(
      plan({ curve: FLAT }),
      [{ rep: 'A', team: null, quotaCents: QUOTA, quantiles: [{ p: 0.5, cents: 120_000_00 }] }],
      200,
    );
    expect(r.reps[0]?.probabilityAtQuota).toBe(1);
    expect(r.payout).toEqual({ p10: 2_750_000, p50: 2_750_000, p90: 2_750_000 });
  });
  it('probability is not available without a quota', () => {
    const r = simulateQuarter(plan(), [{ rep: 'A', team: null, quotaCents: null, quantiles: [{ p: 0.5, cents: 1 }] }], 10);
    expect(r.reps[0]?.probabilityAtQuota).toBeNull();
  });
  it('inverse CDF is linear between quantiles: P10 $50k, P90 $150k → u = 0.5 gives $100k', () => {
    const qs = [
      { p: 0.1, cents: 50_000_00 },
      { p: 0.9, cents: 150_000_00 },
    ];
    expect(quantileAt(qs, 0.5)).toBe(100_000_00);
    expect(quantileAt(qs, 0.05)).toBe(50_000_00);
    expect(quantileAt(qs, 0.95)).toBe(150_000_00);
  });
  it('P10 $50k / P90 $150k against a $100k quota: about half the draws reach quota; same seed, same answer', () => {
    const f = [
      {
        rep: 'A',
        team: null,
        quotaCents: QUOTA,
        quantiles: [
          { p: 0.1, cents: 50_000_00 },
          { p: 0.9, cents: 150_000_00 },
        ],
      },
    ];
    const a = simulateQuarter(plan(), f, 2000, 7);
    expect(a.reps[0]?.probabilityAtQuota).toBeGreaterThan(0.45);
    expect(a.reps[0]?.probabilityAtQuota).toBeLessThan(0.55);
    expect(simulateQuarter(plan(), f, 2000, 7)).toEqual(a);
    expect(a.payout.p10).toBeLessThan(a.payout.p50);
    expect(a.payout.p50).toBeLessThan(a.payout.p90);
  });
});

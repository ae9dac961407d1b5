// Balance metrics against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { balanceMetrics, worstDeviation } from '../../../src/features/territories/core/metrics';
import { disruption } from '../../../src/features/territories/core/disruption';

describe('balanceMetrics', () => {
  it('matches a hand-computed example', () => {
    // mean 100; deviations 0.2, 0.04, 0.04, 0.2 → max 0.2; variance (400+16+16+400)/4 = 208
    const m = balanceMetrics([80, 96, 104, 120]);
    expect(m?.mean).toBe(100);
    expect(m?.maxDeviation).toBeCloseTo(0.2, 12);
    expect(m?.cv).toBeCloseTo(Math.sqrt(208) / 100, 12);
    expect(m?.within5).toBe(0.5);
    expect(m?.within10).toBe(0.5);
    // Σ|xi−xj| over ordered pairs: 2·(16+24+40+8+24+16) = 256; / (2·16·100) = 0.08
    expect(m?.gini).toBeCloseTo(0.08, 12);
  });

  it('counts exactly ±5 % and ±10 % as within', () => {
    const m = balanceMetrics([95, 105, 90, 110]);
    expect(m?.within5).toBe(0.5);
    expect(m?.within10).toBe(1);
  });

  it('gives Gini 0 for equal totals and (n−1)/n when one territory holds everything', () => {
    expect(balanceMetrics([5, 5, 5])?.gini).toBe(0);
    expect(balanceMetrics([0, 0, 0, 12])?.gini).toBeCloseTo(0.75, 12);
  });

  it('is not available (null) without territories or without a positive mean', () => {
    expect(balanceMetrics([])).toBeNull();
    expect(balanceMetrics([0, 0])).toBeNull();
  });

  it('reports the worst attribute', () => {
    expect(
      worstDeviation([
        [100, 100],
        [50, 150],
      ]),
    ).toBeCloseTo(0.5, 12);
  });
});

describe('disruption', () => {
  it('counts accounts and potential that changed hands, ignoring units without a start', () => {
    const start = Int32Array.from([0, 0, 1, -1]);
    const next = Int32Array.from([0, 1, 1, 0]);
    const d = disruption(start, next, [2, 3, 5, 7], [10, 30, 60, 100]);
    expect(d.accountsMoved).toBe(3);
    expect(d.accountsFraction).toBeCloseTo(0.3, 12);
    expect(d.potentialFraction).toBeCloseTo(0.3, 12);
  });
});

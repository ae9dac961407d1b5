// Gini, Pearson and the attainment histogram against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { attainmentHistogram, gini, pearson, shareAtOrAboveQuota } from '../../../src/features/comp/core/stats';

describe('fairness statistics', () => {
  it('Gini of 1, 2, 3, 4: Σ|xi − xj| over ordered pairs = 20; ÷ (2 · 4² · 2.5 = 80) = 0.25', () => {
    expect(gini([4, 1, 3, 2])).toBeCloseTo(0.25, 12);
  });
  it('Gini of equal values is 0; of one holder among four, (n − 1) ÷ n = 0.75', () => {
    expect(gini([0.8, 0.8, 0.8])).toBe(0);
    expect(gini([0, 0, 0, 2])).toBeCloseTo(0.75, 12);
  });
  it('Gini is not available for one value or a zero mean', () => {
    expect(gini([1])).toBeNull();
    expect(gini([0, 0])).toBeNull();
  });
  it('Pearson of (1,2),(2,4),(3,5): means 2 and 11/3; Sxy = 3, Sxx = 2, Syy = 14/3; r = 3 ÷ √(28/3) = 0.981981…', () => {
    expect(pearson([1, 2, 3], [2, 4, 5])).toBeCloseTo(0.9819805060619657, 12);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  });
  it('share at or above quota counts 1.0 exactly as at quota', () => {
    expect(shareAtOrAboveQuota([0.5, 1, 1.2, 0.99])).toBe(0.5);
    expect(shareAtOrAboveQuota([])).toBeNull();
  });
  it('histogram: 1.0 falls in [1.0, 1.1), 2.5 in the open top bin, −0.1 in the first', () => {
    const bins = attainmentHistogram([1, 0.95, 2.5, -0.1, 0.3]);
    expect(bins).toHaveLength(21);
    expect(bins[10]).toEqual({ from: 1, to: 1.1, count: 1 });
    expect(bins[9]?.count).toBe(1);
    expect(bins[20]).toEqual({ from: 2, to: null, count: 1 });
    expect(bins[0]?.count).toBe(1);
    expect(bins[3]?.count).toBe(1);
  });
});

// Scores on hand-computed examples.
import { describe, expect, it } from 'vitest';
import { bias, coverage, mase, meanPinball, pinball, wape } from '../../../src/features/forecast/core/metrics';

const points = [
  { actual: 100, point: 90, p10: 80, p90: 120, naiveScale: 20 },
  { actual: 200, point: 230, p10: 150, p90: 195, naiveScale: 20 },
];

describe('forecast scores', () => {
  it('WAPE = Σ|e| / Σ|y| = 40 / 300', () => expect(wape(points)).toBeCloseTo(40 / 300, 12));
  it('bias = Σ(f − y) / Σ|y| = 20 / 300', () => expect(bias(points)).toBeCloseTo(20 / 300, 12));
  it('MASE = mean(|e| / scale) = (10/20 + 30/20) / 2', () => expect(mase(points)).toBeCloseTo(1, 12));
  it('coverage counts actuals inside [P10, P90]', () => expect(coverage(points)).toBe(0.5));
  it('pinball loss weighs under- and over-forecasts by q and 1 − q', () => {
    expect(pinball(100, 80, 0.1)).toBeCloseTo(2, 12);
    expect(pinball(100, 120, 0.1)).toBeCloseTo(18, 12);
    // Period 1: 0.1·20 + 0.5·10 + 0.1·20 = 9; period 2: 0.1·50 + 0.5·30 + 0.9·5 = 24.5; mean over 6, ÷ mean |y| 150.
    expect(meanPinball(points)).toBeCloseTo(33.5 / 6 / 150, 12);
  });
  it('is null when nothing can be scored', () => {
    expect(wape([{ actual: 0, point: 1, p10: null, p90: null, naiveScale: null }])).toBeNull();
    expect(coverage([{ actual: 1, point: 1, p10: null, p90: null, naiveScale: null }])).toBeNull();
  });
});

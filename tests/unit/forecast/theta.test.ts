// Theta = SES with drift (Hyndman & Billah 2003), checked against the original construction
// of Assimakopoulos & Nikolopoulos (2000): average the θ=0 line (the regression line,
// extrapolated) and SES on the θ=2 line (2y − regression line). Seasonal naive by hand.
import { describe, expect, it } from 'vitest';
import { etsFilter, etsWithParams } from '../../../src/forecast/ets';
import { seasonalNaive } from '../../../src/forecast/seasonalNaive';
import { linearTrend, seasonalFactors, sesWithDrift, thetaForecast } from '../../../src/forecast/theta';
import { AUSTOURISTS, LIVESTOCK, OIL } from './series';

const sesSpec = { trend: 'none', period: 1 } as const;
const base = { beta: 0, gamma: 0, phi: 1, trend0: 0, seasons0: [] as number[] };

describe('Theta method', () => {
  it.each([
    ['livestock', LIVESTOCK, 0.6, 260],
    ['oil', OIL, 0.3, 440],
  ])('equals the average of the θ=0 and θ=2 lines on %s', (_name, y, alpha, level0) => {
    const { a, b } = linearTrend(y);
    const n = y.length;
    const ses = etsWithParams(y, sesSpec, { ...base, alpha, level0 }, 2);
    const theta2 = y.map((v, i) => 2 * v - (a + b * (i + 1)));
    // SES on the θ=2 line from the matching start: 2ℓ0 − a.
    const ses2 = etsFilter(theta2, sesSpec, { ...base, alpha, level0: 2 * level0 - a });
    const drift = sesWithDrift(ses, y, 4);
    for (let h = 1; h <= 4; h++) {
      const theta0 = a + b * (n + h);
      expect(drift[h - 1]).toBeCloseTo((theta0 + ses2.level) / 2, 8);
    }
  });

  it('is a straight line with slope b/2 beyond the first step', () => {
    const fc = thetaForecast(LIVESTOCK, 1, 3);
    const { b } = linearTrend(LIVESTOCK);
    expect((fc.mean[2] ?? 0) - (fc.mean[1] ?? 0)).toBeCloseTo(b / 2, 8);
    expect(fc.seasonal).toBe(false);
  });

  it('adjusts the strongly seasonal austourists series and puts the season back', () => {
    const factors = seasonalFactors(AUSTOURISTS, 4);
    expect(factors).not.toBeNull();
    // Q1 is the peak quarter and Q2 the trough in Australia's visitor nights.
    expect(factors?.[0]).toBeGreaterThan(1.1);
    expect(factors?.[1]).toBeLessThan(0.85);
    const fc = thetaForecast(AUSTOURISTS, 4, 4);
    expect(fc.seasonal).toBe(true);
    expect(fc.mean[0]).toBeGreaterThan(fc.mean[1] ?? Infinity);
  });
});

describe('Seasonal naive', () => {
  it('repeats the last season of austourists, with σ·√(k+1) intervals', () => {
    const fc = seasonalNaive(AUSTOURISTS, 4, 8);
    expect(fc.mean).toEqual([59.76678, 35.191877, 44.319737, 47.913736, 59.76678, 35.191877, 44.319737, 47.913736]);
    const residuals = AUSTOURISTS.slice(4).map((v, i) => v - (AUSTOURISTS[i] ?? 0));
    const sigma = Math.sqrt(residuals.reduce((s, e) => s + e * e, 0) / residuals.length);
    expect(fc.sd[0]).toBeCloseTo(sigma, 10);
    expect(fc.sd[4]).toBeCloseTo(sigma * Math.SQRT2, 10);
  });

  it('falls back to the last value when there is no full season', () => {
    expect(seasonalNaive([1, 2, 3], 4, 2).mean).toEqual([3, 3]);
  });
});

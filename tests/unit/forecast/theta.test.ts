// Theta = SES with drift b/2 (Hyndman & Billah 2003): its shape and seasonal adjustment here;
// equality with R's forecast::thetaf is in rReference.test.ts. Seasonal naive by hand.
import { describe, expect, it } from 'vitest';
import { seasonalNaive } from '../../../src/features/forecast/core/seasonalNaive';
import { linearTrend, seasonalFactors, thetaForecast } from '../../../src/features/forecast/core/theta';
import { AUSTOURISTS, LIVESTOCK } from './series';

describe('Theta method', () => {
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

// ETS recursions against published values: fixed parameters give the textbook/R numbers,
// and the fitted parameters never do worse (in SSE) than the published ones.
import { describe, expect, it } from 'vitest';
import { etsFilter, etsForecast, etsWithParams, fitEts } from '../../../src/features/forecast/core/ets';
import { AUSAIR, AUSTOURISTS, LIVESTOCK, OIL } from './series';

const none = { alpha: 0, beta: 0, gamma: 0, phi: 1, level0: 0, trend0: 0, seasons0: [] as number[] };

describe('ETS with published parameters', () => {
  it('SES on oil, α = 0.2 from ℓ0 = y1 (fpp §7.1): levels and the 484.8025 forecast', () => {
    const fit = etsWithParams(OIL, { trend: 'none', period: 1 }, { ...none, alpha: 0.2, level0: OIL[0] ?? 0 }, 2);
    expect(fit.level).toBeCloseTo(484.802468, 4);
    expect(etsForecast(fit, 1).mean[0]).toBeCloseTo(484.802468, 4);
    // The 4th level published by statsmodels/R: 444.49324656.
    const partial = etsFilter(OIL.slice(0, 4), fit.spec, fit.params);
    expect(partial.level).toBeCloseTo(444.49324656, 6);
  });

  it("Holt's linear method on ausair, α = 0.8, β* = 0.2, simple initial states (fpp §7.2)", () => {
    const y1 = AUSAIR[0] ?? 0;
    const y2 = AUSAIR[1] ?? 0;
    // Component form β* = 0.2 is the error-correction β = α·β* = 0.16; "simple" start ℓ0 = y1, b0 = y2 − y1.
    const params = { ...none, alpha: 0.8, beta: 0.16, level0: y1, trend0: y2 - y1 };
    const fit = etsWithParams(AUSAIR, { trend: 'additive', period: 1 }, params, 4);
    const fc = etsForecast(fit, 5).mean;
    [43.76, 45.59, 47.43, 49.27, 51.1].forEach((v, i) => expect(fc[i]).toBeCloseTo(v, 2));
  });

  it('damped trend on livestock matches R forecast::ets(model="AAN", damped=TRUE, phi=0.98)', () => {
    const params = { ...none, alpha: 0.97402626, beta: 0.00010006, phi: 0.98, level0: 252.59039965, trend0: 6.90265918 };
    const fit = etsWithParams(LIVESTOCK, { trend: 'damped', period: 1 }, params, 5);
    expect(fit.fitted[0]).toBeCloseTo(259.3550056432622, 4);
    expect(fit.fitted[30]).toBeCloseTo(411.8810877289437, 3);
    expect(fit.sse / LIVESTOCK.length).toBeCloseTo(195.4397924865488, 2);
    const fc = etsForecast(fit, 10).mean;
    expect(fc[0]).toBeCloseTo(417.7982003051233, 3);
    expect(fc[9]).toBeCloseTo(447.2614880558126, 3);
  });

  it('Holt-Winters additive on austourists: fpp2 §7.3 parameters give σ = 1.9494, and our fit is no worse', () => {
    // R order of initial seasons is s0, s−1, s−2, s−3 (newest first); ours is time order.
    const params = {
      alpha: 0.3063,
      beta: 0.0001,
      gamma: 0.4263,
      phi: 1,
      level0: 32.2597,
      trend0: 0.7014,
      seasons0: [9.6961, -9.3132, -1.6935, 1.3106],
    };
    const spec = { trend: 'additive', period: 4 } as const;
    const published = etsFilter(AUSTOURISTS, spec, params);
    // The published values are rounded to 4 digits; σ to 2 decimals (SSE over n − 8) confirms the
    // recursion and the seasonal order (reversing the seasons gives σ above 5).
    expect(Math.sqrt(published.sse / (AUSTOURISTS.length - 8))).toBeCloseTo(1.9494, 2);
    const reversed = etsFilter(AUSTOURISTS, spec, { ...params, seasons0: [...params.seasons0].reverse() });
    expect(Math.sqrt(reversed.sse / (AUSTOURISTS.length - 8))).toBeGreaterThan(5);
    const fitted = fitEts(AUSTOURISTS, spec);
    expect(fitted.sse).toBeLessThanOrEqual(published.sse + 1e-6);
  });

  it('fitted damped trend on livestock reaches an SSE no worse than R with φ = 0.98', () => {
    const rSse = 195.4397924865488 * LIVESTOCK.length;
    const fit = fitEts(LIVESTOCK, { trend: 'damped', period: 1 });
    expect(fit.sse).toBeLessThanOrEqual(rSse * 1.0001);
  });

  it('prediction intervals grow as σ²(1 + (h−1)α²) for SES (Hyndman et al. 2008, Table 6.1)', () => {
    const fit = etsWithParams(OIL, { trend: 'none', period: 1 }, { ...none, alpha: 0.5, level0: 450 }, 2);
    const { sd } = etsForecast(fit, 3);
    const s = Math.sqrt(fit.sigma2);
    expect(sd[0]).toBeCloseTo(s, 9);
    expect(sd[2]).toBeCloseTo(s * Math.sqrt(1 + 2 * 0.25), 9);
  });
});

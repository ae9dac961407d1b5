// Properties of the backtest's scoring (fast-check): coverage is a hand count; adding periods
// after an origin never changes what was forecast at it; the selection only looks back; the
// calibrated band is the textbook prediction interval.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastCheckpoints, type BacktestInput, type CheckpointForecast } from '../../../src/features/forecast/core/backtest';
import { leaderboard } from '../../../src/features/forecast/core/leaderboard';
import { calibrate, calibratedBand, DEFAULT_METHOD, tQuantile } from '../../../src/features/forecast/core/selection';
import type { Cell, MethodForecast, MethodId } from '../../../src/features/forecast/core/types';

const METHODS: MethodId[] = ['conversion', 'monte_carlo', 'seasonal_naive', 'theta'];

/** Random raw forecasts: `periods` periods, checkpoints at days 0 and 7, every method forecasting. */
const rawArb = fc.integer({ min: 1, max: 8 }).chain((periods) =>
  fc.array(
    fc.record({
      actual: fc.integer({ min: 1, max: 1000 }),
      points: fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2 * METHODS.length, maxLength: 2 * METHODS.length }),
    }),
    { minLength: periods, maxLength: periods },
  ),
);

function toRaw(spec: readonly { actual: number; points: readonly number[] }[]): CheckpointForecast[] {
  return spec.flatMap((p, period) =>
    [0, 7].map((offset, k) => ({
      period,
      offset,
      closed: 0,
      actual: p.actual,
      naiveScale: null,
      forecasts: METHODS.map((method, i): MethodForecast => ({
        method,
        point: p.points[k * METHODS.length + i] ?? 1,
        p10: null,
        p90: null,
      })),
    })),
  );
}

describe('calibration and selection', () => {
  it('coverage is the share of banded forecasts whose actual lies inside P10–P90, and scored counts them', () => {
    fc.assert(
      fc.property(rawArb, (spec) => {
        const out = calibrate(toRaw(spec), () => true).checkpoints;
        for (const row of leaderboard(out)) {
          const mine = out.flatMap((c) =>
            c.forecasts.filter((f) => f.method === row.method).map((f) => ({ f, y: c.actual ?? 0 })),
          );
          const banded = mine.filter(({ f }) => f.p10 !== null && f.p90 !== null);
          const inside = banded.filter(({ f, y }) => y >= (f.p10 ?? 0) && y <= (f.p90 ?? 0)).length;
          expect(row.scored).toBe(banded.length);
          if (banded.length === 0) expect(row.coverage).toBeNull();
          else expect(row.coverage).toBeCloseTo(inside / banded.length, 12);
        }
      }),
    );
  });

  it('what a period gets (bands, selection, combination) does not depend on later periods', () => {
    fc.assert(
      fc.property(rawArb, rawArb, (spec, later) => {
        const alone = calibrate(toRaw(spec), () => true).checkpoints;
        const more = calibrate(toRaw([...spec, ...later]), () => true).checkpoints;
        expect(more.slice(0, alone.length)).toEqual(alone);
      }),
    );
  });

  it('a range is never wider than the same method’s range on an earlier checkpoint day of the period', () => {
    fc.assert(
      fc.property(rawArb, (spec) => {
        const out = calibrate(toRaw(spec), () => true).checkpoints;
        const width = (period: number, offset: number, m: MethodId) => {
          const f = out.find((c) => c.period === period && c.offset === offset)?.forecasts.find((x) => x.method === m);
          return f?.p10 == null || f.p90 == null ? null : f.p90 - f.p10;
        };
        let compared = 0;
        for (const c of out.filter((x) => x.offset === 7))
          for (const f of c.forecasts) {
            const early = width(c.period, 0, f.method);
            const late = width(c.period, 7, f.method);
            if (early === null || late === null) continue;
            expect(late).toBeLessThanOrEqual(early * (1 + 1e-12));
            compared++;
          }
        // Only periods with three earlier ones have ranges to compare.
        if (spec.length >= 4) expect(compared).toBeGreaterThan(0);
      }),
    );
  });

  it('a day that is not a checkpoint (the target’s own as-of day) bounds no later range', () => {
    fc.assert(
      fc.property(rawArb, (spec) => {
        const base = toRaw(spec);
        // The same forecasts plus a day-3 forecast of every period that is 1 % of the actual.
        const extra = base
          .filter((c) => c.offset === 0)
          .map((c) => ({ ...c, offset: 3, forecasts: c.forecasts.map((f) => ({ ...f, point: (c.actual ?? 1) / 100 })) }));
        const without = calibrate(base, () => true, [0, 7]).checkpoints;
        const withDay = calibrate([...base, ...extra], () => true, [0, 7]).checkpoints.filter((c) => c.offset !== 3);
        expect(withDay).toEqual(without);
      }),
    );
  });

  it('the first period selects the fixed default; later ones the method with the lowest earlier WAPE that day', () => {
    fc.assert(
      fc.property(rawArb, (spec) => {
        const out = calibrate(toRaw(spec), () => true).checkpoints;
        for (const c of out) {
          const sel = c.forecasts.find((f) => f.method === 'selection');
          const earlier = out.filter((e) => e.period < c.period && e.offset === c.offset);
          if (earlier.length === 0) {
            expect(sel?.chosen).toBe(DEFAULT_METHOD);
            continue;
          }
          const wapeOf = (m: MethodId) =>
            earlier.reduce((s, e) => s + Math.abs((e.actual ?? 0) - (e.forecasts.find((f) => f.method === m)?.point ?? 0)), 0) /
            earlier.reduce((s, e) => s + Math.abs(e.actual ?? 0), 0);
          const best = Math.min(...METHODS.map(wapeOf));
          expect(wapeOf(sel?.chosen ?? 'category')).toBeCloseTo(best, 12);
        }
      }),
    );
  });

  it('the band is the point plus scale × (mean ± t·s·√(1+1/k)) of the relative errors, none below 3', () => {
    expect(calibratedBand(100, 0, [0.1, -0.1])).toEqual({ p10: null, p90: null });
    const r = [0.1, -0.2, 0.05, 0.15];
    const m = 0.025;
    const s = Math.sqrt(r.reduce((a, v) => a + (v - m) ** 2, 0) / 3);
    const half = tQuantile(0.9, 3) * s * Math.sqrt(1.25);
    const band = calibratedBand(1000, 0, r);
    expect(band.p10).toBeCloseTo(1000 * (1 + m - half), 9);
    expect(band.p90).toBeCloseTo(1000 * (1 + m + half), 9);
    // Published t quantiles (0.9): 3.0777 (1 df), 1.8856 (2), 1.5332 (4), 1.3722 (10), 1.3104 (30).
    [
      [1, 3.0777],
      [2, 1.8856],
      [4, 1.5332],
      [10, 1.3722],
      [30, 1.3104],
    ].forEach(([df, t]) => expect(Math.abs(tQuantile(0.9, df ?? 1) - (t ?? 0))).toBeLessThan(2e-3));
  });
});

describe('the backtest cannot see later periods', () => {
  const cell = (window: number, n: number, wonN: number): Cell => ({
    window,
    stage: 'A',
    ageBucket: 0,
    owner: null,
    n,
    sum: n * 100,
    sumSq: n * 10_000,
    wonN,
    swKnown: n * 50,
    swUnknown: 0,
    commit: 0,
    bestCase: 0,
    categorized: 0,
  });
  const periodsArb = fc.array(
    fc.record({ actual: fc.integer({ min: 0, max: 10_000 }), n: fc.integer({ min: 1, max: 50 }), won: fc.nat(50) }),
    { minLength: 5, maxLength: 8 },
  );
  const input = (spec: readonly { actual: number; n: number; won: number }[]): BacktestInput => ({
    periods: spec.map((p, i) => ({ start: `p${i}`, end: `p${i + 1}`, actual: p.actual })),
    checkpoints: spec.map((p, i) => ({ period: i, offset: 0, window: i, closed: 0, newWon: p.actual / 4, forecast: true })),
    cells: spec.map((p, i) => cell(i, p.n, Math.min(p.n, p.won))),
    firstForecast: 3,
    seasonPeriod: 4,
    draws: 200,
    seed: 7,
  });

  it('adding periods after an origin never changes the forecasts made at it', () => {
    fc.assert(
      fc.property(periodsArb, periodsArb, (spec, later) => {
        const alone = forecastCheckpoints(input(spec));
        const more = forecastCheckpoints(input([...spec, ...later]));
        expect(more.slice(0, alone.length)).toEqual(alone);
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});

// The next-quarter simulation from the forecast's per-rep Monte Carlo draws: with a linear
// plan the mean payout is base + rate × the forecast's mean (Σ a·p, by hand), and the chance
// of reaching quota matches what a small two-deal distribution gives by hand.
import { describe, expect, it } from 'vitest';
import { forecastRepForecasts, type ForecastDraws } from '../../../src/features/comp/core/forecastSource';
import type { QuotaTable } from '../../../src/features/comp/core/quotas';
import { simulateQuarter } from '../../../src/features/comp/core/simulate';
import type { CompData } from '../../../src/features/comp/contract';
import { simulate, type DealGroup } from '../../../src/features/forecast/core/monteCarlo';
import { FLAT, plan, QUOTA, TI } from './fixtures';

const Q = 100; // the quarter simulated (any index)
const BASE = 12_500_00; // fixtures: OTE $100,000, 50 % base → $12,500 a quarter

function data(reps: readonly string[]): CompData {
  return {
    reps: reps.map((rep) => ({ rep, team: null, region: null, startDate: null, potentialCents: null })),
    bookings: [],
    deals: [],
    clawbacks: [],
    clawbackNote: null,
    quotaRows: [],
    firstQuarter: Q - 1,
    lastQuarter: Q - 1,
    referenceDate: null,
  };
}

const quotas = (byRep: Record<string, number>): QuotaTable =>
  new Map(Object.entries(byRep).map(([rep, cents]) => [rep, new Map([[Q, cents]])]));

/** The forecast's own Monte Carlo (src/features/forecast/core) over single deals, as the worker runs it per rep. */
function forecastDrawsOf(rep: string, deals: readonly [number, number][], closed: number, draws: number): ForecastDraws {
  const groups: DealGroup[] = deals.map(([a, p]) => ({ p, n: 1, sum: a, sumSq: a * a }));
  const dist = simulate({ groups, base: closed, extra: [], draws, seed: 11 });
  return { periodStart: '2026-10-01', periodLabel: 'Q4 2026', draws, reps: [{ rep, draws: Array.from(dist.sorted) }] };
}

describe('next-quarter simulation from the forecast', () => {
  it('linear plan: mean payout − base = 12.5 % × the forecast mean (closed + Σ a·p), within sampling error', () => {
    // Skewed on purpose (one large long shot): P10/P50/P90 alone would miss its mean.
    const deals: [number, number][] = [
      ...Array.from({ length: 30 }, (_, i): [number, number] => [5_000 + 1_000 * i, 0.1 + 0.025 * i]),
      [1_000_000, 0.05],
    ];
    const closed = 20_000;
    // By hand: E = closed + Σ a·p, Var = Σ a²·p(1−p).
    const mean = closed + deals.reduce((s, [a, p]) => s + a * p, 0);
    const sd = Math.sqrt(deals.reduce((s, [a, p]) => s + a * a * p * (1 - p), 0));
    const source = forecastDrawsOf('A', deals, closed, 4000);
    const reps = forecastRepForecasts(source, data(['A']), quotas({ A: QUOTA }), Q);
    const scenarios = 20_000;
    const r = simulateQuarter(plan({ curve: FLAT }), reps, scenarios, 3);
    const rate = TI / QUOTA; // 12.5 %
    const meanBookedCents = ((r.reps[0]?.expectedPayoutCents ?? NaN) - BASE) / rate;
    // Error of the forecast's 4,000 draws plus the comp scenarios resampling them.
    const se = 100 * sd * Math.sqrt(1 / 4000 + 1 / scenarios);
    expect(Math.abs(meanBookedCents - 100 * mean)).toBeLessThan(4 * se);
  });

  it('two deals ($60k at 50 %, $50k at 40 %): P(≥ $100k quota) = 0.5 × 0.4 = 0.2; P(≥ $55k) = 0.5', () => {
    const deals: [number, number][] = [
      [60_000, 0.5],
      [50_000, 0.4],
    ];
    const a = forecastDrawsOf('A', deals, 0, 10_000);
    const b = { ...a, reps: [{ rep: 'B', draws: a.reps[0]?.draws ?? [] }] };
    const source: ForecastDraws = { ...a, reps: [...a.reps, ...b.reps] };
    const reps = forecastRepForecasts(source, data(['A', 'B']), quotas({ A: 100_000_00, B: 55_000_00 }), Q);
    const scenarios = 20_000;
    const r = simulateQuarter(plan({ curve: FLAT }), reps, scenarios, 5);
    const tolerance = (p: number) => 4 * Math.sqrt(p * (1 - p) * (1 / 10_000 + 1 / scenarios));
    expect(Math.abs((r.reps[0]?.probabilityAtQuota ?? NaN) - 0.2)).toBeLessThan(tolerance(0.2));
    expect(Math.abs((r.reps[1]?.probabilityAtQuota ?? NaN) - 0.5)).toBeLessThan(tolerance(0.5));
  });

  it('a fixed list of equally likely draws: P(≥ quota) is their share at or above it (3 of 10)', () => {
    const draws = [0, 0, 40_000, 60_000, 80_000, 90_000, 99_999.99, 100_000, 120_000, 150_000];
    const source: ForecastDraws = { periodStart: '2026-10-01', periodLabel: 'Q4 2026', draws: 10, reps: [{ rep: 'A', draws }] };
    const reps = forecastRepForecasts(source, data(['A']), quotas({ A: QUOTA }), Q);
    expect(reps[0]?.draws).toEqual(draws.map((d) => Math.round(d * 100)));
    const r = simulateQuarter(plan({ curve: FLAT }), reps, 20_000, 9);
    expect(Math.abs((r.reps[0]?.probabilityAtQuota ?? NaN) - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / 20_000));
  });

  it('a rep with a quota the forecast knows nothing about books 0: never at quota, paid base only', () => {
    const source: ForecastDraws = {
      periodStart: '2026-10-01',
      periodLabel: 'Q4 2026',
      draws: 1,
      reps: [{ rep: 'A', draws: [1] }],
    };
    const reps = forecastRepForecasts(source, data(['A', 'B', 'C']), quotas({ B: QUOTA }), Q);
    expect(reps.map((x) => x.rep)).toEqual(['A', 'B']); // C: no forecast and no quota → left out
    const r = simulateQuarter(plan({ curve: FLAT }), reps, 100, 1);
    expect(r.reps[1]).toEqual({ rep: 'B', probabilityAtQuota: 0, expectedPayoutCents: BASE });
  });

  it('draws reps jointly: draw d of every rep is the same company draw, so their highs coincide', () => {
    // Each rep books $100k in 1 draw of 5 (the same draw for all, as the forecast's joint simulation gives).
    const high = [0, 0, 0, 0, 100_000];
    const source: ForecastDraws = {
      periodStart: '2026-10-01',
      periodLabel: 'Q4 2026',
      draws: 5,
      reps: ['A', 'B', 'C'].map((rep) => ({ rep, draws: high })),
    };
    const reps = forecastRepForecasts(source, data(['A', 'B', 'C']), quotas({ A: QUOTA, B: QUOTA, C: QUOTA }), Q);
    const r = simulateQuarter(plan({ curve: FLAT }), reps, 20_000, 11);
    const one = (cents: number) => BASE + Math.round((cents * TI) / QUOTA);
    // Jointly, 20 % of scenarios have all three high, so P90 is all three paid on $100k; drawn
    // independently only 0.8 % would, and P90 would pay at most two of them.
    expect(r.payout.p90).toBe(3 * one(100_000_00));
    expect(r.payout.p10).toBe(3 * BASE);
  });
});

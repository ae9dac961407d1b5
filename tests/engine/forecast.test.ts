// The forecast on the real engine: the backtest leaderboard on the Maven data and on the
// demo data, and no leakage — rewriting every row dated on or after a backtest period's
// as-of date leaves that period's forecasts exactly as they were.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ForecastResult } from '../../src/features/forecast/contract';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';

const MAVEN = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`));

function wapeOf(result: ForecastResult, method: string): number {
  const row = result.backtest.leaderboard.find((r) => r.method === method);
  if (!row || row.wape === null) throw new Error(`${method} has no WAPE`);
  return row.wape;
}

/** Smallest and largest count of successes inside the central 95 % of Binomial(n, p). */
function binomialBand(n: number, p: number): [number, number] {
  const pmf: number[] = [];
  let logC = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    pmf.push(Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p)));
  }
  let cum = 0;
  let lo = 0;
  while (lo < n && cum + (pmf[lo] ?? 0) < 0.025) cum += pmf[lo++] ?? 0;
  cum = 0;
  let hi = n;
  while (hi > 0 && cum + (pmf[hi] ?? 0) < 0.025) cum += pmf[hi--] ?? 0;
  return [lo, hi];
}

function printLeaderboard(name: string, result: ForecastResult): void {
  const rows = result.backtest.leaderboard.map(
    (r) =>
      `${r.method.padEnd(15)} WAPE ${(100 * (r.wape ?? NaN)).toFixed(1)}%  bias ${(100 * (r.bias ?? NaN)).toFixed(1)}%  MASE ${(r.mase ?? NaN).toFixed(2)}  cover ${r.coverage === null ? '—' : (100 * r.coverage).toFixed(0) + '%'} of ${r.scored}  ${r.honest ? '' : '(not honest here)'}`,
  );
  console.log(
    `${name}: ${result.backtest.periods.length} ${result.backtest.grain}s, recommended ${result.recommended}\n${rows.join('\n')}`,
  );
}

describe('forecast on the Maven data (no stage history)', () => {
  let analytics: Analytics;
  let result: ForecastResult;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, MAVEN);
    result = await analytics.forecast({ fiscalStartMonth: 1 });
    printLeaderboard('Maven', result);
  });

  it('forecasts January 2018 (too few quarters to backtest a quarter) and says which methods are honest', () => {
    expect(result.period).toBe('2018-01');
    expect(result.asOf).toBe('2018-01-01');
    expect(result.notes.join(' ')).toContain('too few complete quarters');
    expect(result.data.hasStageHistory).toBe(false);
    expect(result.notes.join(' ')).toContain('No stage history');
    expect(result.backtest.leaderboard.find((r) => r.method === 'stage_weighted')?.honest).toBe(false);
    expect(result.current.p10).toBeLessThanOrEqual(result.current.p50);
    expect(result.current.p50).toBeLessThanOrEqual(result.current.p90);
  });

  it('scores monthly periods (four quarters are too few) against the actual Maven bookings', () => {
    expect(result.backtest.grain).toBe('month');
    // Independently: awk over sales_pipeline.csv, Σ close_value of Won deals closed in 2017-11 (406 deals).
    const nov = result.backtest.periods.find((p) => p.start === '2017-11-01');
    expect(nov?.actual).toBe(938_943);
    expect(result.backtest.periods.map((p) => p.start)).toEqual([
      '2017-06-01',
      '2017-07-01',
      '2017-08-01',
      '2017-09-01',
      '2017-10-01',
      '2017-11-01',
      '2017-12-01',
    ]);
  });

  it('does not offer ETS with fewer than 7 points and says why', async () => {
    // September 2017: six complete months before it (March–August; the data starts on 1 March).
    const sep = await analytics.forecast({ fiscalStartMonth: 1, period: '2017-09' });
    expect(sep.estimates.map((e) => e.method)).not.toContain('ets');
    expect(sep.notes.join(' ')).toContain('ETS is not offered: the series holds 6 complete months');
    expect(result.estimates.map((e) => e.method)).toContain('ets');
    expect(result.notes.join(' ')).not.toContain('ETS is not offered');
  });

  it('headlines the selection procedure, scored as its own row, which beats seasonal naive', () => {
    // Maven is reported, not judged (nine months of closes): the numbers are in docs/forecast.md.
    expect(result.recommended).toBe('selection');
    expect(result.current.method).toBe('selection');
    expect(wapeOf(result, 'selection')).toBeLessThan(wapeOf(result, 'seasonal_naive'));
    expect(result.backtest.leaderboard.map((r) => r.method)).toContain('combination');
  });
});

describe('forecast on the demo data (stage history, probabilities, categories)', () => {
  let analytics: Analytics;
  let result: ForecastResult;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await analytics.loadDemo({ seed: 20261129, opportunities: 3000 });
    result = await analytics.forecast({ fiscalStartMonth: 1, target: 5_000_000 });
    printLeaderboard('Demo', result);
  });

  it('backtests every method honestly on quarters; the selection procedure beats the baselines', () => {
    expect(result.data.hasStageHistory).toBe(true);
    expect(result.backtest.grain).toBe('quarter');
    expect(result.backtest.leaderboard.every((r) => r.honest)).toBe(true);
    expect(result.backtest.leaderboard.map((r) => r.method)).toEqual(
      expect.arrayContaining(['category', 'selection', 'combination']),
    );
    expect(result.recommended).toBe('selection');
    const best = wapeOf(result, 'selection');
    expect(best).toBeLessThan(wapeOf(result, 'stage_weighted'));
    expect(best).toBeLessThan(wapeOf(result, 'seasonal_naive'));
  });

  it('calibrates the headline range: P10–P90 coverage over ≥ 30 forecasts within the 95 % binomial band around 80 %', () => {
    const row = result.backtest.leaderboard.find((r) => r.method === 'selection');
    expect(row?.scored).toBeGreaterThanOrEqual(30);
    const n = row?.scored ?? 0;
    const [lo, hi] = binomialBand(n, 0.8);
    const inside = Math.round((row?.coverage ?? NaN) * n);
    expect(inside).toBeGreaterThanOrEqual(lo);
    expect(inside).toBeLessThanOrEqual(hi);
    // Each checkpoint day of the quarter has its own row of scores (weeks 0, 1, 4, 8, 12).
    expect(row?.byOffset.map((o) => o.offset)).toEqual([0, 7, 28, 56, 84]);
  });

  it('gives per-rep and per-team ranges and a waterfall that adds up to the expected forecast', () => {
    expect(result.byRep.length).toBeGreaterThan(10);
    expect(result.byTeam.length).toBeGreaterThan(2);
    const steps = result.waterfall;
    const total = steps.at(-1);
    const parts = steps.slice(0, -1).reduce((s, x) => s + x.value, 0);
    expect(total?.value).toBeCloseTo(parts, 6);
    const conversion = result.estimates.find((e) => e.method === 'conversion');
    expect(total?.value).toBeCloseTo(conversion?.point ?? NaN, 6);
    expect(result.current.probabilityOfTarget).not.toBeNull();
  });

  it("a stage probability edit moves today's stage-weighted number and no past forecast", async () => {
    const stage = result.stageTable.find((s) => s.openDeals > 0 && s.probability !== null);
    if (!stage || stage.probability === null) throw new Error('the demo has open deals in a stage with a probability');
    const edited = await analytics.forecast({
      fiscalStartMonth: 1,
      target: 5_000_000,
      stageProbabilities: { [stage.stage]: Math.min(1, stage.probability + 0.3) },
    });
    const sw = (r: ForecastResult) => r.estimates.find((e) => e.method === 'stage_weighted')?.point ?? NaN;
    expect(sw(edited)).not.toBe(sw(result));
    expect(edited.backtest.periods).toEqual(result.backtest.periods);
    // The headline is the selection; it moves only if it picked stage-weighted.
    if (result.current.chosen !== 'stage_weighted') expect(edited.current.p50).toBe(result.current.p50);
    expect(edited.breakdownNote).toContain('empirical conversion');
  });

  it('replays a past quarter as of any day inside it, with a range calibrated on that same day of earlier quarters', async () => {
    const replay = await analytics.forecast({ fiscalStartMonth: 1, period: '2026-Q2', asOf: '2026-05-10' });
    expect([replay.period, replay.asOf, replay.over]).toEqual(['2026-Q2', '2026-05-10', true]);
    // 2026-05-10 is day 39 of the quarter: day 1 and weeks 1 and 4 before it, then the as-of day.
    expect(replay.track.map((t) => t.offset)).toEqual([0, 7, 28, 39]);
    expect(replay.notes.join(' ')).not.toContain('Too few past periods');
    expect(replay.current.p10).toBeLessThan(replay.current.p50);
    expect(replay.current.p10).toBeGreaterThanOrEqual(replay.current.closed);
    expect(replay.actual).toBeGreaterThan(0);
    // Day 39 is not a checkpoint: it is scored nowhere, so the leaderboard keeps its five days.
    const sel = replay.backtest.leaderboard.find((r) => r.method === 'selection');
    expect(sel?.byOffset.map((o) => o.offset)).toEqual([0, 7, 28, 56, 84]);
  });

  it('shows the quarter holding the reference date in progress as of that day, its range never widening', async () => {
    // The demo's data ends on 2026-09-30, the last day of 2026 Q3 (the page's default period).
    const q3 = await analytics.forecast({ fiscalStartMonth: 1, period: '2026-Q3' });
    expect([q3.period, q3.asOf, q3.over, q3.actual]).toEqual(['2026-Q3', '2026-09-30', false, null]);
    expect(q3.track.map((t) => t.offset)).toEqual([0, 7, 28, 56, 84, 91]);
    // What a replay of 2026 Q2 at the same day shows, and the quarter as of its eighth week.
    const q2 = await analytics.forecast({ fiscalStartMonth: 1, period: '2026-Q2', asOf: '2026-06-29' });
    const mid = await analytics.forecast({ fiscalStartMonth: 1, period: '2026-Q3', asOf: '2026-08-26' });
    for (const r of [q3, q2, mid]) {
      const widths = r.track.map((t) => (t.p90 ?? NaN) - (t.p10 ?? NaN));
      widths.forEach((w, i) => {
        expect(Number.isFinite(w)).toBe(true);
        // Equal widths (a capped range) may differ in the last binary digit.
        if (i > 0) expect(w).toBeLessThanOrEqual((widths[i - 1] ?? NaN) * (1 + 1e-12));
      });
      // Booked so far rises and bounds each range from below.
      r.track.forEach((t, i) => {
        expect(t.p10).toBeGreaterThanOrEqual(t.closed);
        if (i > 0) expect(t.closed).toBeGreaterThanOrEqual(r.track[i - 1]?.closed ?? Infinity);
      });
    }
    expect(q3.current.closed).toBe(q3.track.at(-1)?.closed);
    expect(q3.track.at(-1)?.p90).toBeLessThan(q3.track[0]?.p90 ?? 0);
  });

  it('is deterministic for a seed', async () => {
    const again = await analytics.forecast({ fiscalStartMonth: 1, target: 5_000_000 });
    expect(again.current).toEqual(result.current);
  });

  it("hands the comp screen each rep's draws; the reps add up to the company's expected forecast", async () => {
    const reps = await analytics.forecast({ fiscalStartMonth: 1, target: 5_000_000, skipBacktest: true, repDraws: 2000 });
    expect(reps.backtest.leaderboard).toEqual([]);
    const point = (r: ForecastResult) => r.estimates.find((e) => e.method === 'conversion')?.point;
    expect(point(reps)).toBe(point(result));
    const company = result.estimates.find((e) => e.method === 'conversion')?.point ?? NaN;
    // Σ per rep (booked + pipeline + own new business) = company total from the company-wide queries.
    expect(reps.byRep.reduce((s, r) => s + r.expected, 0)).toBeCloseTo(company, 2);
    let drawnMean = 0;
    let variance = 0;
    for (const r of reps.byRep) {
      const d = r.draws ?? [];
      expect(d.length).toBe(2000);
      const m = d.reduce((s, v) => s + v, 0) / d.length;
      drawnMean += m;
      variance += d.reduce((s, v) => s + (v - m) ** 2, 0) / (d.length - 1) / d.length;
    }
    expect(Math.abs(drawnMean - company)).toBeLessThan(4 * Math.sqrt(variance));
    expect(result.byRep.every((r) => r.draws === undefined)).toBe(true);
  });
});

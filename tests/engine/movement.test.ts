// Pipeline movement on the real engine (docs/movement.md): a hand-made history whose every
// step was worked out by hand (tests/fixtures/movement), each step's drill adding up to it,
// and the reconciliation A + steps = B to the cent on the demo, whose pipeline at both dates
// is also recomputed in plain JS from the generated files.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MovementResult } from '../../src/features/dashboard/movement/contract';
import type { DashboardRequest } from '../../src/engine-api/types';
import { generateDemo } from '../../src/demo/generator';
import { addDays, parsePeriod, periodRange } from '../../src/shared/periods/fiscal';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';
import { pipelineAt } from './helpers/movementJs';

const FILES = () => ['opportunities.csv', 'stage_history.csv'].map((f) => fixture(`movement/${f}`));
const Q2: DashboardRequest = { period: '2024-Q2', fiscalStartMonth: 1, referenceDate: '2024-05-08' };
const WEEK = { from: '2024-05-01', to: '2024-05-08' };

function available(r: MovementResult) {
  if (!r.available) throw new Error(`not available: ${r.reason}`);
  return r;
}
const stepsOf = (r: MovementResult) => Object.fromEntries(available(r).steps.map((s) => [s.step, [s.count, s.cents]]));

describe('pipeline movement on a hand-made history', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, FILES());
  });

  it('gives every step as worked out by hand', async () => {
    const r = available(await analytics.movement({ dashboard: Q2, window: WEEK }));
    // At 2024-05-01, open and expected in 2024 Q2 (last history row on or before the day):
    // M1 1000, M2 2000, M3 3000, M4 4000, M5 5000, M6 600.25, M12 100, M13 350 (the later of
    // two rows of 04-03), M14 blank → 9 deals, 16,050.25. M8 expected 07-20 (Q3), M7 and M9
    // not created yet, M10 won 04-20, M11 has no history.
    expect(r.start).toEqual({ count: 9, cents: 1_605_025 });
    // At 2024-05-08: M1 1000, M2 2500, M3 2750.50, M7 700, M8 900, M12 100 (its change is on
    // 05-10), M13 400, M14 1000 → 8 deals, 9,350.50. M4 moved to August, M5 won, M6 lost,
    // M9 expected in September.
    expect(r.end).toEqual({ count: 8, cents: 935_050 });
    expect(stepsOf(r)).toEqual({
      created: [1, 70_000], // M7 +700 (no history row before 05-01)
      pulled_in: [1, 90_000], // M8 +900 (07-20 → 06-25; its new amount)
      increased: [3, 155_000], // M2 +500, M13 +50, M14 +1000 (blank → 1000)
      decreased: [1, -24_950], // M3 −249.50
      pushed_out: [1, -400_000], // M4 −4000: pushed and decreased counts once, as pushed
      won: [1, -500_000], // M5 −5000: its amount in the pipeline, not the 5,200 it was won at
      lost: [1, -60_025], // M6 −600.25
    });
    expect(r.unchanged).toBe(2); // M1, M12
    expect(r.withoutAmount).toBe(1); // M14 at A
    expect(r.withoutHistory).toBe(1); // M11
    expect(r.periodLabel).toBe('2024 Q2');
    const sum = r.steps.reduce((s, x) => s + x.cents, 0);
    expect(r.start.cents + sum).toBe(r.end.cents);
  });

  it('defaults to the 7 days up to the reference date', async () => {
    const r = available(await analytics.movement({ dashboard: Q2 }));
    expect([r.from, r.to]).toEqual([WEEK.from, WEEK.to]);
    expect(r.end.cents).toBe(935_050);
  });

  it('follows the view’s filters (owner Bob: M3, M4, M6, M8, M12, M14)', async () => {
    const r = available(await analytics.movement({ dashboard: { ...Q2, filters: { owner: ['Bob'] } }, window: WEEK }));
    // A: M3 3000, M4 4000, M6 600.25, M12 100, M14 blank = 7,700.25; B: M3 2750.50, M8 900, M12 100, M14 1000 = 4,750.50.
    expect(r.start).toEqual({ count: 5, cents: 770_025 });
    expect(r.end).toEqual({ count: 4, cents: 475_050 });
    expect(stepsOf(r)).toMatchObject({ created: [0, 0], won: [0, 0], pushed_out: [1, -400_000], increased: [1, 100_000] });
  });

  it('opens each step’s deals, their Σ change equal to the step', async () => {
    const r = available(await analytics.movement({ dashboard: Q2, window: WEEK }));
    const names: Record<string, string[]> = {
      created: ['New this week'],
      pulled_in: ['Pulled in'],
      increased: ['Amount came later', 'Grows', 'Same day twice'],
      decreased: ['Shrinks'],
      pushed_out: ['Pushed and shrunk'],
      won: ['Won bigger'],
      lost: ['Lost'],
    };
    for (const s of r.steps) {
      const d = await analytics.drill({ dashboard: Q2, movement: WEEK, target: { kind: 'movement', key: s.step }, limit: 50 });
      expect(d.totals.count, s.step).toBe(s.count);
      expect(d.totals.amount, s.step).toBe(s.cents / 100);
      expect(d.rows.map((x) => x.name).sort(), s.step).toEqual(names[s.step]);
      expect(d.title).toContain('2024-05-01');
    }
    const won = await analytics.drill({ dashboard: Q2, movement: WEEK, target: { kind: 'movement', key: 'won' } });
    expect(won.rows[0]).toMatchObject({ amount: -5000, status: 'won', file: 'opportunities.csv', line: 6 });
  });

  it('refuses reversed dates', async () => {
    const r = await analytics.movement({ dashboard: Q2, window: { from: WEEK.to, to: WEEK.from } });
    expect(r.available).toBe(false);
  });
});

describe('pipeline movement without history', () => {
  it('says what it needs', async () => {
    const analytics = await openAnalytics();
    await loadFiles(analytics, [fixture('movement/opportunities.csv')]);
    const r = await analytics.movement({ dashboard: Q2, window: WEEK });
    expect(r.available).toBe(false);
    if (!r.available) expect(r.reason).toMatch(/stage history/);
  });
});

describe('pipeline movement on the demo', () => {
  const DEMO = { seed: 20261129, opportunities: 3000 };
  let demo: Analytics;
  let ref = '';
  const files = generateDemo(DEMO);
  beforeAll(async () => {
    demo = await openAnalytics();
    await demo.loadDemo(DEMO);
    ref = (await demo.dashboard({ period: 'all', fiscalStartMonth: 1 })).referenceDate ?? '';
  });

  it('reconciles to the cent, and both ends equal the pipeline recomputed in plain JS', async () => {
    let moved = 0;
    for (const period of ['auto', 'all', ref.slice(0, 4)]) {
      for (const days of [7, 30, 91]) {
        const window = { from: addDays(ref, -days), to: ref };
        const r = available(await demo.movement({ dashboard: { period, fiscalStartMonth: 1 }, window }));
        const sum = r.steps.reduce((s, x) => s + x.cents, 0);
        expect(r.start.cents + sum, `${period} ${days}`).toBe(r.end.cents);
        const p = period === 'auto' ? `${ref.slice(0, 4)}-Q${Math.ceil(Number(ref.slice(5, 7)) / 3)}` : period;
        const range = periodRange(parsePeriod(p) ?? { kind: 'all' }, 1);
        expect(r.start, `${period} ${days} at A`).toEqual(pipelineAt(files, window.from, range));
        expect(r.end, `${period} ${days} at B`).toEqual(pipelineAt(files, window.to, range));
        moved += r.steps.filter((x) => x.count > 0).length;
      }
    }
    // The demo's history moves: most steps happen in some window (not a reconciliation of zeros).
    expect(moved).toBeGreaterThan(20);
  });

  it('opens the default week’s steps with totals equal to them', async () => {
    const r = available(await demo.movement({ dashboard: { period: 'auto', fiscalStartMonth: 1 } }));
    expect(r.to).toBe(ref);
    for (const s of r.steps) {
      const d = await demo.drill({
        dashboard: { period: 'auto', fiscalStartMonth: 1 },
        target: { kind: 'movement', key: s.step },
      });
      expect([d.totals.count, d.totals.amount], s.step).toEqual([s.count, s.cents / 100]);
    }
  });
});

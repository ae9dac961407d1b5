// Two snapshots of one deals export dropped together (docs/movement.md, "Two snapshots"): found
// by their shared ids, dated from the file names or an "as of" column (else asked), the later
// loaded as the deals and the earlier kept as history; the movement between them is worked
// out by hand from tests/fixtures/snapshots, every step's drill adds up to it, and no deal
// counts twice on the dashboard.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MovementResult } from '../../src/features/dashboard/movement/contract';
import type { DashboardRequest } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, loadFiles, openAnalytics } from './helpers/engine';

const A = fixture('snapshots/deals-2024-05-01.csv');
const B = fixture('snapshots/deals-2024-05-08.csv');
const Q2: DashboardRequest = { period: '2024-Q2', fiscalStartMonth: 1, referenceDate: '2024-05-08' };
const text = (f: { data: Uint8Array }) => new TextDecoder().decode(f.data);
const encode = (s: string) => new TextEncoder().encode(s);

function available(r: MovementResult) {
  if (!r.available) throw new Error(`not available: ${r.reason}`);
  return r;
}
const stepsOf = (r: MovementResult) => Object.fromEntries(available(r).steps.map((s) => [s.step, [s.count, s.cents]]));

/** The file with an "As Of" column of one value (and a name without a date). */
function withAsOf(f: { data: Uint8Array }, name: string, asOf: string) {
  const lines = text(f).trimEnd().split('\n');
  return { name, data: encode(lines.map((l, i) => `${l},${i === 0 ? 'As Of' : asOf}`).join('\n') + '\n') };
}

describe('two snapshots dropped together, dated by their file names', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
    // The later file first: the pair is put in date order, not drop order.
    const loaded = await loadFiles(analytics, [B, A]);
    expect(loaded.snapshots).toEqual({
      earlier: { fileName: 'deals-2024-05-01.csv', asOf: '2024-05-01' },
      later: { fileName: 'deals-2024-05-08.csv', asOf: '2024-05-08' },
    });
    // Every file reconciles: 12 rows read, 12 loaded (the earlier as history), none rejected or skipped.
    for (const f of loaded.files)
      expect([f.rowsRead, f.rowsLoaded, f.rowsRejected, f.rowsSkipped], f.fileName).toEqual([12, 12, 0, 0]);
    expect(loaded.notes.join(' ')).toMatch(/dashboard shows deals-2024-05-08\.csv/);
  });

  it('gives every step between the two dates as worked out by hand', async () => {
    // The window asked for is not read: between two snapshots nothing is known.
    const r = available(await analytics.movement({ dashboard: Q2, window: { from: '2024-04-01', to: '2024-04-15' } }));
    expect([r.from, r.to]).toEqual(['2024-05-01', '2024-05-08']);
    expect(r.snapshots).toEqual({
      earlier: { date: '2024-05-01', file: 'deals-2024-05-01.csv' },
      later: { date: '2024-05-08', file: 'deals-2024-05-08.csv' },
    });
    // At 05-01, open and expected in 2024 Q2 and still in the later file: S1 1000, S2 2000,
    // S3 3000, S4 4000, S5 5000, S6 600.25, S12 blank → 7 deals, 15,600.25. S8 expected in
    // July, S9 in September, S10 and S13 won then, S11 not in the later file (below).
    expect(r.start).toEqual({ count: 7, cents: 1_560_025 });
    // At 05-08: S1 1000, S2 2500, S3 2750.50, S7 700.10, S8 900, S12 1000, S13 700 → 7 deals,
    // 9,550.60. S4 moved to August, S5 won, S6 lost, S9 in September, S10 won in April.
    expect(r.end).toEqual({ count: 7, cents: 955_060 });
    expect(stepsOf(r)).toEqual({
      created: [1, 70_010], // S7 +700.10 (not in the earlier file)
      pulled_in: [2, 160_000], // S8 +900 (July → June, its new amount), S13 +700 (won then, open again)
      increased: [2, 150_000], // S2 +500, S12 +1000 (blank → 1000)
      decreased: [1, -24_950], // S3 −249.50
      pushed_out: [1, -400_000], // S4 −4000: pushed and shrunk counts once, as pushed
      won: [1, -500_000], // S5 −5000: its amount in the pipeline, not the 5,200 it was won at
      lost: [1, -60_025], // S6 −600.25
    });
    expect(r.start.cents + r.steps.reduce((s, x) => s + x.cents, 0)).toBe(r.end.cents);
    expect(r.unchanged).toBe(1); // S1
    expect(r.withoutAmount).toBe(1); // S12 at A
    expect(r.withoutHistory).toBe(0);
    expect(r.removed).toEqual({ count: 1, cents: 25_000 }); // S11, open 250 expected in June, gone
  });

  it('follows the view’s filters (owner Bob: S3, S4, S6, S8, S12)', async () => {
    const r = available(await analytics.movement({ dashboard: { ...Q2, filters: { owner: ['Bob'] } } }));
    // A: S3 3000, S4 4000, S6 600.25, S12 blank = 7,600.25; B: S3 2750.50, S8 900, S12 1000 = 4,650.50.
    expect(r.start).toEqual({ count: 4, cents: 760_025 });
    expect(r.end).toEqual({ count: 3, cents: 465_050 });
    expect(stepsOf(r)).toEqual({
      created: [0, 0],
      pulled_in: [1, 90_000],
      increased: [1, 100_000],
      decreased: [1, -24_950],
      pushed_out: [1, -400_000],
      won: [0, 0],
      lost: [1, -60_025],
    });
  });

  it('opens each step’s deals from the later file, their Σ change equal to the step', async () => {
    const r = available(await analytics.movement({ dashboard: Q2 }));
    const names: Record<string, string[]> = {
      created: ['New this week'],
      pulled_in: ['Pulled in', 'Reopened'],
      increased: ['Amount came later', 'Grows'],
      decreased: ['Shrinks'],
      pushed_out: ['Pushed and shrunk'],
      won: ['Won this week'],
      lost: ['Lost this week'],
    };
    for (const s of r.steps) {
      const d = await analytics.drill({ dashboard: Q2, target: { kind: 'movement', key: s.step }, limit: 50 });
      expect(d.totals.count, s.step).toBe(s.count);
      expect(d.totals.amount, s.step).toBe(s.cents / 100);
      expect(d.rows.map((x) => x.name).sort(), s.step).toEqual(names[s.step]);
      for (const row of d.rows) expect(row.file, s.step).toBe('deals-2024-05-08.csv');
    }
    const won = await analytics.drill({ dashboard: Q2, target: { kind: 'movement', key: 'won' } });
    expect(won.rows[0]).toMatchObject({ amount: -5000, status: 'won', line: 6 });
  });

  it('takes the later snapshot’s date as the reference date (the data’s latest date is 05-07)', async () => {
    const d = await analytics.dashboard({ period: '2024-Q2', fiscalStartMonth: 1 });
    expect(d.referenceDate).toBe('2024-05-08');
  });

  it('shows the later snapshot on the dashboard: no deal counts twice', async () => {
    const d = await analytics.dashboard(Q2);
    // Won in Q2: S5 5,200 (05-06) and S10 1,500 (04-20), once each.
    expect(kpi(d, 'won_count')).toBe(2);
    expect(kpi(d, 'won_amount')).toBe(6700);
    // Open at 05-08 and expected in Q2: the pipeline at B.
    expect(kpi(d, 'open_pipeline')).toBe(9550.6);
    const all = await analytics.drill({ dashboard: { ...Q2, period: 'all' }, target: { kind: 'kpi', kpi: 'won_amount' } });
    expect(all.totals.count).toBe(2); // S5 and S10: S13's win in the earlier file is history, not a deal
  });
});

describe('snapshots dated by an "as of" column, or asked', () => {
  it('reads the date of a column with one value for the file', async () => {
    const analytics = await openAnalytics();
    const proposal = await analytics.stageFiles([
      withAsOf(A, 'deals-old.csv', '2024-05-01'),
      withAsOf(B, 'deals-new.csv', '2024-05-08'),
    ]);
    expect(proposal.snapshots?.map((s) => [s.fileName, s.asOf, s.source, s.column])).toEqual([
      ['deals-old.csv', '2024-05-01', 'column', 'As Of'],
      ['deals-new.csv', '2024-05-08', 'column', 'As Of'],
    ]);
    expect(proposal.plan.snapshots).toBeDefined();
    const loaded = await analytics.applyImport(proposal.plan);
    expect(loaded.snapshots?.later.fileName).toBe('deals-new.csv');
    const r = available(await analytics.movement({ dashboard: Q2 }));
    expect([r.start.cents, r.end.cents]).toEqual([1_560_025, 955_060]);
  });

  it('asks when neither the names nor a column give the dates, and refuses to load a pair without them', async () => {
    const analytics = await openAnalytics();
    const proposal = await analytics.stageFiles([
      { name: 'deals-a.csv', data: A.data },
      { name: 'deals-b.csv', data: B.data },
    ]);
    expect(proposal.snapshots?.map((s) => [s.fileName, s.asOf, s.source])).toEqual([
      ['deals-a.csv', null, null],
      ['deals-b.csv', null, null],
    ]);
    expect(proposal.needsReview).toBe(true);
    expect(proposal.plan.snapshots).toBeUndefined();
    const [a, b] = proposal.snapshots ?? [];
    const same = {
      earlier: { fileId: a?.fileId ?? '', asOf: '2024-05-08' },
      later: { fileId: b?.fileId ?? '', asOf: '2024-05-08' },
    };
    await expect(analytics.applyImport({ ...proposal.plan, snapshots: same })).rejects.toThrow(/two different "as of" dates/);
    // The user's answer: a was taken on 05-01, b on 05-08.
    const answered = { earlier: { ...same.earlier, asOf: '2024-05-01' }, later: same.later };
    await analytics.applyImport({ ...proposal.plan, snapshots: answered });
    const r = available(await analytics.movement({ dashboard: Q2 }));
    expect(r.end).toEqual({ count: 7, cents: 955_060 });
  });

  it('does not pair two parts of one export (same columns, other ids)', async () => {
    const analytics = await openAnalytics();
    const [head, ...rows] = text(B).trimEnd().split('\n');
    const part = (name: string, keep: string[]) => ({ name, data: encode([head, ...keep].join('\n') + '\n') });
    const proposal = await analytics.stageFiles([
      part('deals-2024-05-08-part1.csv', rows.slice(0, 6)),
      part('deals-2024-05-01-part2.csv', rows.slice(6)),
    ]);
    expect(proposal.snapshots).toBeUndefined();
    expect(proposal.plan.snapshots).toBeUndefined();
  });

  it('does not pair one file dropped twice (same name): both load as before', async () => {
    const analytics = await openAnalytics();
    const proposal = await analytics.stageFiles([
      { name: 'deals.csv', data: B.data },
      { name: 'deals.csv', data: B.data },
    ]);
    expect(proposal.snapshots).toBeUndefined();
    expect(proposal.plan.snapshots).toBeUndefined();
  });
});

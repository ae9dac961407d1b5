// The pivot on the real engine over a tiny data set whose every cell was worked out by hand
// (the arithmetic is in the comments), and each cell's drill-through adds up to the cell.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PivotCell, PivotDim, PivotMeasure, PivotResult } from '../../src/features/pivot/contract';
import type { DashboardRequest } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { kpi, loadFiles, openAnalytics } from './helpers/engine';

const csv = (name: string, lines: string[]) => ({ name, data: new TextEncoder().encode(lines.join('\n') + '\n') });
// The opportunities of tests/engine/dashboard-tiny.test.ts. Reference date 2024-06-20 (O7's close).
// owner  status  amount  created → close       cycle  source   type       product  industry (team, region)
// O1 A   won     1000    2024-01-01 → 01-31    30     Web      New Biz    P1       Tech     (T1, East)
// O2 A   won     3000    2024-02-01 → 03-01    29     Web      New Biz    P2       Retail
// O3 B   lost    4000    2024-01-10 → 02-09    30     Partner  New Biz    P1       Tech     (T2, West)
// O4 B   won      500    2024-04-01 → 05-01    30     Partner  Expansion  P1       Tech
// O5 A   open    4000    2024-05-01 → 06-15 (expected: past due at 06-20)          Tech
// O6 B   open    1000    2024-06-01 → 09-10 (expected, 2024 Q3)                    Retail
// O7 A   lost    1000    2024-04-10 → 06-20    71     Web      New Biz    P2       Retail
// O8 A   won     2000    2024-02-10 → 03-11    30     Web      New Biz    P1       Tech
const FILES = [
  csv('opportunities.csv', [
    'opportunity_id,name,account_id,account_name,owner,stage,status,amount,currency,created_date,close_date,probability,forecast_category,lead_source,deal_type,product,lead_id',
    'O1,d1,ACC1,Acme,A,Closed Won,won,1000,USD,2024-01-01,2024-01-31,1,closed,Web,New Business,P1,',
    'O2,d2,ACC2,Beta,A,Closed Won,won,3000,USD,2024-02-01,2024-03-01,1,closed,Web,New Business,P2,',
    'O3,d3,ACC1,Acme,B,Closed Lost,lost,4000,USD,2024-01-10,2024-02-09,0,omitted,Partner,New Business,P1,',
    'O4,d4,ACC3,Gamma,B,Closed Won,won,500,USD,2024-04-01,2024-05-01,1,closed,Partner,Expansion,P1,',
    'O5,d5,ACC3,Gamma,A,Proposal,open,4000,USD,2024-05-01,2024-06-15,0.5,best_case,Web,New Business,P2,',
    'O6,d6,ACC2,Beta,B,Qualification,open,1000,USD,2024-06-01,2024-09-10,0.2,pipeline,Partner,New Business,P1,',
    'O7,d7,ACC2,Beta,A,Closed Lost,lost,1000,USD,2024-04-10,2024-06-20,0,omitted,Web,New Business,P2,',
    'O8,d8,ACC1,Acme,A,Closed Won,won,2000,USD,2024-02-10,2024-03-11,1,closed,Web,New Business,P1,',
  ]),
  csv('reps.csv', ['rep,team,manager,region,start_date', 'A,T1,M1,East,2020-01-01', 'B,T2,M2,West,2020-01-01']),
  csv('accounts.csv', [
    'account_id,account_name,industry,employees,annual_revenue,country,state,city,postal_code,latitude,longitude,owner,territory,parent_account',
    'ACC1,Acme,Tech,10,100,US,NY,,,,,A,,',
    'ACC2,Beta,Retail,10,100,US,NY,,,,,A,,',
    'ACC3,Gamma,Tech,10,100,US,CA,,,,,B,,',
  ]),
];

let analytics: Analytics;
const dash = (period: string, more: Partial<DashboardRequest> = {}): DashboardRequest => ({
  period,
  fiscalStartMonth: 1,
  ...more,
});
const run = (
  measure: PivotMeasure,
  rows: PivotDim | null,
  cols: PivotDim | null,
  period = 'all',
  more: Partial<DashboardRequest> = {},
) => analytics.pivot({ dashboard: dash(period, more), rows, cols, measure });

/** The cell as { "rowLabel|colLabel": value } ("*" = total), for readable expectations. */
function grid(r: PivotResult): Record<string, number | null> {
  const label = (keys: PivotResult['rowKeys'], i: number) => (i < 0 ? '*' : (keys[i]?.label ?? '?'));
  return Object.fromEntries(r.cells.map((c: PivotCell) => [`${label(r.rowKeys, c.r)}|${label(r.colKeys, c.c)}`, c.value]));
}

describe('pivot on a hand-computed data set', () => {
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, FILES);
  });

  it('won amount by owner × quarter: cells, row, column and grand totals; empty cells absent', async () => {
    const r = await run('won_amount', 'owner', 'quarter');
    // A: O1 + O2 + O8 in Q1 = 6000; B: O4 in Q2 = 500.
    expect(grid(r)).toEqual({
      'A|2024 Q1': 6000,
      'B|2024 Q2': 500,
      'A|*': 6000,
      'B|*': 500,
      '*|2024 Q1': 6000,
      '*|2024 Q2': 500,
      '*|*': 6500,
    });
    expect(r.rowKeys.map((k) => k.key)).toEqual(['A', 'B']);
    expect(r.colKeys.map((k) => k.key)).toEqual(['2024-01-01', '2024-04-01']);
    expect([r.rowCount, r.colCount]).toEqual([2, 2]);
  });

  it('win rate totals are won ÷ closed of their own deals, never an average of cells', async () => {
    const r = await run('win_rate', 'owner', 'quarter');
    // Closed: A Q1 O1 O2 O8 won (3/3); A Q2 O7 lost (0/1); B Q1 O3 lost (0/1); B Q2 O4 won (1/1).
    expect(grid(r)).toEqual({
      'A|2024 Q1': 1,
      'A|2024 Q2': 0,
      'B|2024 Q1': 0,
      'B|2024 Q2': 1,
      'A|*': 3 / 4,
      'B|*': 1 / 2,
      '*|2024 Q1': 3 / 4,
      '*|2024 Q2': 1 / 2,
      '*|*': 4 / 6,
    });
  });

  it('cycle by owner (rows only) is the mean of won deals, and equals the tile', async () => {
    const r = await run('cycle', 'owner', null);
    // A: (30 + 29 + 30) / 3; B: 30; all: 119 / 4.
    expect(grid(r)).toEqual({ 'A|*': 89 / 3, 'B|*': 30, '*|*': 29.75 });
    expect(kpi(await analytics.dashboard(dash('all')), 'avg_sales_cycle_days')).toBeCloseTo(29.75, 10);
  });

  it('pipeline: past-due deals are their own column in all time, and out of a quarter', async () => {
    const all = await run('pipeline', 'owner', 'quarter');
    // O5 (A, 4000) expected 06-15 < reference 06-20: past due; O6 (B, 1000) in 2024 Q3.
    expect(grid(all)).toEqual({
      'A|past due': 4000,
      'B|2024 Q3': 1000,
      'A|*': 4000,
      'B|*': 1000,
      '*|past due': 4000,
      '*|2024 Q3': 1000,
      '*|*': 5000,
    });
    expect(all.colKeys.map((k) => k.key)).toEqual(['past due', '2024-07-01']);
    const q3 = await run('pipeline', 'owner', null, '2024-Q3');
    expect(grid(q3)).toEqual({ 'B|*': 1000, '*|*': 1000 });
    const q2 = await run('pipeline', 'owner', null, '2024-Q2');
    // Nothing open is expected in Q2 and not past due: the tile says 0, the pivot has no rows.
    expect(grid(q2)).toEqual({ '*|*': 0 });
    expect(kpi(await analytics.dashboard(dash('2024-Q2')), 'open_pipeline')).toBe(0);
  });

  it('industry × region and stage × owner counts, blank-free keys in order', async () => {
    // Won: O1 Tech East, O2 Retail East, O4 Tech West, O8 Tech East.
    const r = await run('won_count', 'industry', 'region');
    expect(grid(r)).toEqual({
      'Retail|East': 1,
      'Tech|East': 2,
      'Tech|West': 1,
      'Retail|*': 1,
      'Tech|*': 3,
      '*|East': 3,
      '*|West': 1,
      '*|*': 4,
    });
    const s = await run('won_count', 'stage', 'owner', '2024-Q1');
    expect(grid(s)).toEqual({ 'Closed Won|A': 3, 'Closed Won|*': 3, '*|A': 3, '*|*': 3 });
  });

  it('fiscal quarters follow the fiscal year start (February: FY2025 Q1 = Feb–Apr 2024)', async () => {
    const r = await run('won_amount', null, 'quarter', 'all', { fiscalStartMonth: 2 });
    // O1 01-31 → Nov–Jan (FY2024 Q4); O2 03-01 + O8 03-11 → Feb–Apr; O4 05-01 → May–Jul.
    expect(grid(r)).toEqual({ '*|FY2024 Q4': 1000, '*|FY2025 Q1': 5000, '*|FY2025 Q2': 500, '*|*': 6500 });
    expect(r.colKeys.map((k) => k.key)).toEqual(['2023-11-01', '2024-02-01', '2024-05-01']);
  });

  it('follows the filters, and pages rows in key order', async () => {
    const a = await run('won_amount', null, 'month', 'all', { filters: { owner: ['A'] } });
    expect(grid(a)).toEqual({ '*|Jan 2024': 1000, '*|Mar 2024': 5000, '*|*': 6000 });
    const page = await analytics.pivot({
      dashboard: dash('all'),
      rows: 'owner',
      cols: 'quarter',
      measure: 'won_amount',
      rowOffset: 1,
      rowLimit: 1,
    });
    expect(page.rowKeys.map((k) => k.key)).toEqual(['B']);
    expect(page.rowCount).toBe(2);
    expect(grid(page)).toEqual({ 'B|2024 Q2': 500, 'B|*': 500, '*|2024 Q1': 6000, '*|2024 Q2': 500, '*|*': 6500 });
  });

  it("opens each cell's deals: count, amount, won count and cycle equal the cell", async () => {
    const cell = (measure: PivotMeasure, period: string, coords: { dim: PivotDim; key: string | null }[]) =>
      analytics.drill({ dashboard: dash(period), target: { kind: 'pivot', measure, cell: coords }, limit: 50 });
    const a = await cell('won_amount', 'all', [
      { dim: 'owner', key: 'A' },
      { dim: 'quarter', key: '2024-01-01' },
    ]);
    expect([a.totals.count, a.totals.amount]).toEqual([3, 6000]);
    expect(a.rows.map((r) => r.name).sort()).toEqual(['d1', 'd2', 'd8']);
    const w = await cell('win_rate', 'all', [{ dim: 'owner', key: 'A' }]);
    expect([w.totals.count, w.totals.wonCount]).toEqual([4, 3]);
    const due = await cell('pipeline', 'all', [{ dim: 'quarter', key: 'past due' }]);
    expect([due.totals.count, due.totals.amount, due.rows[0]?.name]).toEqual([1, 4000, 'd5']);
    const cyc = await cell('cycle', 'all', []);
    expect(cyc.totals.wonCycle).toBeCloseTo(29.75, 10);
  });
});

describe('pivot on the demo: totals equal the tiles, cells add up, drills equal cells', () => {
  let demo: Analytics;
  beforeAll(async () => {
    demo = await openAnalytics();
    await demo.loadDemo({ seed: 7, opportunities: 1500 });
  });
  const views: Partial<DashboardRequest>[] = [
    { period: 'all' },
    { period: '2025' },
    { period: '2025-Q2', filters: { region: ['East'] } },
    { period: '2024-03', filters: { product: [null] } },
    { period: '2025-02-10..2025-05-31' },
    { period: 'auto', fiscalStartMonth: 7 },
  ];
  const tileOf: Record<PivotMeasure, Parameters<typeof kpi>[1]> = {
    won_amount: 'won_amount',
    won_count: 'won_count',
    win_rate: 'win_rate',
    cycle: 'avg_sales_cycle_days',
    pipeline: 'open_pipeline',
  };
  it('the grand total of every measure is its tile, for every pair of dimensions tried', async () => {
    const pairs: [PivotDim, PivotDim][] = [
      ['owner', 'quarter'],
      ['region', 'stage'],
      ['industry', 'month'],
      ['lead_source', 'deal_type'],
    ];
    let nonZero = 0;
    for (const v of views) {
      const req = dash(v.period ?? 'all', v);
      const tiles = await demo.dashboard(req);
      for (const measure of Object.keys(tileOf) as PivotMeasure[]) {
        for (const [rows, cols] of pairs) {
          const r = await demo.pivot({ dashboard: req, rows, cols, measure, rowLimit: 500, colLimit: 100 });
          const grand = r.cells.find((c) => c.r === -1 && c.c === -1)?.value ?? null;
          const tile = kpi(tiles, tileOf[measure]);
          const what = `${measure} ${rows}×${cols} ${JSON.stringify(v)}`;
          if (tile === null) expect(grand, what).toBeNull();
          else expect(grand, what).toBeCloseTo(tile, 6);
          if (tile) nonZero++;
          // Additive measures: the row totals add up to the grand total, and so do each row's cells.
          if (measure === 'won_count' || measure === 'won_amount' || measure === 'pipeline') {
            const rowTotals = r.cells.filter((c) => c.c === -1 && c.r >= 0).reduce((s, c) => s + (c.value ?? 0), 0);
            expect(rowTotals, what).toBeCloseTo(grand ?? 0, 6);
            for (let i = 0; i < r.rowKeys.length; i++) {
              const cells = r.cells.filter((c) => c.r === i && c.c >= 0).reduce((s, c) => s + (c.value ?? 0), 0);
              const total = r.cells.find((c) => c.r === i && c.c === -1)?.value ?? 0;
              expect(cells, `${what} row ${i}`).toBeCloseTo(total, 6);
            }
          }
        }
      }
    }
    // Most of the 120 comparisons are of real numbers (past periods have no pipeline: those are 0).
    expect(nonZero).toBeGreaterThan(60);
  });

  it("a cell's drill-through has the cell's deals: count, amount, won count, cycle", async () => {
    for (const measure of Object.keys(tileOf) as PivotMeasure[]) {
      // A year that has ended has no pipeline: the open deals' cells are read over all time.
      const req = dash(measure === 'pipeline' ? 'all' : '2025');
      const r = await demo.pivot({ dashboard: req, rows: 'region', cols: 'quarter', measure });
      const sample = r.cells.filter((_, i) => i % 3 === 0);
      expect(sample.length).toBeGreaterThan(2);
      for (const cell of sample) {
        const coords = [
          ...(cell.r >= 0 ? [{ dim: 'region' as const, key: r.rowKeys[cell.r]?.key ?? null }] : []),
          ...(cell.c >= 0 ? [{ dim: 'quarter' as const, key: r.colKeys[cell.c]?.key ?? null }] : []),
        ];
        const t = (await demo.drill({ dashboard: req, target: { kind: 'pivot', measure, cell: coords }, limit: 1 })).totals;
        const what = `${measure} ${JSON.stringify(coords)}`;
        expect(t.count, what).toBe(cell.count);
        expect(t.wonCount, what).toBe(cell.won);
        if (cell.amount === null) expect(t.amount, what).toBeNull();
        else expect(t.amount, what).toBeCloseTo(cell.amount, 6);
        if (measure === 'cycle') expect(t.wonCycle, what).toBeCloseTo(cell.value ?? NaN, 9);
      }
    }
  });

  it('a drill from a link without a period reads the default quarter, as the tiles do', async () => {
    const tiles = await demo.dashboard(dash('auto'));
    const t = (await demo.drill({ dashboard: dash('auto'), target: { kind: 'kpi', kpi: 'won_amount' }, limit: 1 })).totals;
    expect(t.amount).toBeCloseTo(kpi(tiles, 'won_amount') ?? NaN, 6);
    expect(t.count).toBe(kpi(tiles, 'won_count'));
  });
});

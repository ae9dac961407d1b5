// The pivot's two roads (docs/pivot.md, "Two roads"): folded from the dashboard's close-month
// cube, or grouped over the fact table. For every measure, pairs of dimensions, periods, fiscal
// years, reference dates, filters and pages, both give the same keys, cells and totals — on the
// demo and on generated deals full of blanks, undated and past-due deals, non-ASCII names and
// two currencies — and the cube's grand total is the dashboard's tile.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PIVOT_MEASURES, type PivotDim, type PivotRequest, type PivotResult } from '../../src/features/pivot/contract';
import type { DashboardRequest } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { kpi, loadFiles, openAnalytics } from './helpers/engine';

const LAYOUTS: [PivotDim | null, PivotDim | null][] = [
  ['owner', 'quarter'],
  ['stage', 'month'],
  ['year', 'region'],
  ['industry', 'stage'],
  ['lead_source', 'deal_type'],
  ['team', 'product'],
  ['manager', null],
  [null, 'quarter'],
  [null, null],
];

const PAGES: Pick<PivotRequest, 'rowOffset' | 'rowLimit' | 'colLimit'>[] = [
  { rowLimit: 500, colLimit: 100 },
  { rowOffset: 1, rowLimit: 2, colLimit: 3 },
];

/** The result with its cells in one order (the roads list them in their own). */
function canonical(r: PivotResult): PivotResult {
  return { ...r, cells: [...r.cells].sort((a, b) => a.r - b.r || a.c - b.c) };
}

/** Both roads for one request; the number of cells compared. */
async function bothRoads(a: Analytics, req: PivotRequest): Promise<number> {
  const cube = await a.pivot({ ...req, road: 'cube' });
  const rows = await a.pivot({ ...req, road: 'rows' });
  expect(canonical(cube), JSON.stringify(req)).toEqual(canonical(rows));
  return cube.cells.length;
}

async function compareViews(a: Analytics, views: DashboardRequest[]): Promise<number> {
  let cells = 0;
  for (const dashboard of views) {
    for (const measure of PIVOT_MEASURES) {
      for (const [i, [rows, cols]] of LAYOUTS.entries()) {
        const page = PAGES[i % PAGES.length] ?? {};
        cells += await bothRoads(a, { dashboard, rows, cols, measure, ...page });
      }
    }
  }
  return cells;
}

describe('pivot: the cube road gives what the fact table gives', () => {
  it('on the demo, for periods, fiscal years, reference dates and filters', async () => {
    const demo = await openAnalytics();
    await demo.loadDemo({ seed: 7, opportunities: 1500 });
    const first = await demo.dashboard({ period: 'all', fiscalStartMonth: 1 });
    const region = first.dimensionValues?.region?.[0] ?? null;
    const views: DashboardRequest[] = [
      { period: 'all', fiscalStartMonth: 1 },
      { period: '2025', fiscalStartMonth: 1 },
      { period: '2025-Q2', fiscalStartMonth: 1, filters: { region: [region] } },
      { period: '2024-03', fiscalStartMonth: 1, filters: { product: [null] } },
      { period: 'auto', fiscalStartMonth: 7 },
      { period: 'all', fiscalStartMonth: 4, referenceDate: '2025-02-14' },
    ];
    expect(await compareViews(demo, views)).toBeGreaterThan(1000);
    // The default road of a month-aligned period is the cube; its grand totals are the tiles.
    for (const dashboard of views) {
      const tiles = await demo.dashboard(dashboard);
      const grand = async (measure: PivotRequest['measure']) =>
        (await demo.pivot({ dashboard, rows: 'owner', cols: 'quarter', measure })).cells.find((c) => c.r === -1 && c.c === -1)
          ?.value ?? null;
      expect(await grand('won_amount')).toBeCloseTo(kpi(tiles, 'won_amount') ?? NaN, 6);
      expect(await grand('won_count')).toBe(kpi(tiles, 'won_count'));
      expect(await grand('pipeline')).toBeCloseTo(kpi(tiles, 'open_pipeline') ?? NaN, 6);
    }
  }, 300_000);

  it('refuses a day range on the cube instead of answering it wrong', async () => {
    const demo = await openAnalytics();
    await demo.loadDemo({ seed: 7, opportunities: 200 });
    const dashboard = { period: '2025-02-10..2025-05-31', fiscalStartMonth: 1 };
    await expect(demo.pivot({ dashboard, rows: 'owner', cols: null, measure: 'won_amount', road: 'cube' })).rejects.toThrow(
      /day range/,
    );
  });
});

// Generated deals: names that sort differently by code point and by locale, blank dimensions,
// open deals without a close date or past due at the reference date, amounts with cents and
// blanks; one owner's deals are in euros, so money is withheld unless a filter leaves them out.
const OWNERS = ['Ann', 'bob', 'Émile', 'Zoë', 'Ünal', '😀 Rep', ''];
const STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];
const TEXT = (values: string[]) => fc.constantFrom(...values, '');

const dealArb = fc.record({
  owner: fc.constantFrom(...OWNERS),
  status: fc.constantFrom('won', 'won', 'lost', 'open', 'open'),
  stage: fc.constantFrom(...STAGES),
  cents: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null, freq: 8 }),
  created: fc.integer({ min: 0, max: 1000 }),
  length: fc.integer({ min: 1, max: 400 }),
  undated: fc.boolean(),
  source: TEXT(['Web', 'Partner', 'Événement']),
  type: TEXT(['New Business', 'Expansion']),
  product: TEXT(['P1', 'P2', 'p3']),
  account: fc.constantFrom('Acme', 'Beta', 'Gamma', ''),
});
type Deal = typeof dealArb extends fc.Arbitrary<infer T> ? T : never;

const day = (offset: number) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

function files(deals: Deal[]) {
  const enc = (lines: string[]) => new TextEncoder().encode(lines.join('\n') + '\n');
  const stageOf = (d: Deal) => (d.status === 'won' ? 'Closed Won' : d.status === 'lost' ? 'Closed Lost' : d.stage);
  const deal = (d: Deal, i: number) => {
    const amount = d.cents === null ? '' : (d.cents / 100).toFixed(2);
    const close = d.status === 'open' && d.undated ? '' : day(d.created + d.length);
    const currency = d.owner === 'Zoë' ? 'EUR' : 'USD';
    return [
      `O${i}`,
      `deal ${i}`,
      d.account,
      d.owner,
      stageOf(d),
      d.status,
      amount,
      currency,
      day(d.created),
      close,
      d.source,
      d.type,
      d.product,
    ].join(',');
  };
  return [
    {
      name: 'opportunities.csv',
      data: enc([
        'opportunity_id,name,account_name,owner,stage,status,amount,currency,created_date,close_date,lead_source,deal_type,product',
        ...deals.map(deal),
      ]),
    },
    {
      name: 'reps.csv',
      data: enc([
        'rep,team,manager,region,start_date',
        'Ann,T1,M1,East,2020-01-01',
        'bob,T2,M1,West,2020-01-01',
        'Émile,T2,,West,2020-01-01',
      ]),
    },
    {
      name: 'accounts.csv',
      data: enc(['account_id,account_name,industry', 'A1,Acme,Tech', 'A2,Beta,', 'A3,Gamma,Énergie']),
    },
  ];
}

describe('pivot: both roads on generated deals', () => {
  let a: Analytics;
  beforeAll(async () => {
    a = await openAnalytics();
  });

  it('give the same keys, cells and totals for random data, views and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dealArb, { minLength: 40, maxLength: 160 }),
        fc.constantFrom(1, 2, 4, 10),
        fc.constantFrom('2024-06-15', '2025-01-31', '2023-11-03'),
        async (deals, fiscalStartMonth, referenceDate) => {
          await loadFiles(a, files(deals));
          const views: DashboardRequest[] = [
            { period: 'all', fiscalStartMonth, referenceDate },
            { period: '2024', fiscalStartMonth, referenceDate },
            { period: 'all', fiscalStartMonth, referenceDate, filters: { owner: ['Ann', 'Émile', null] } },
            { period: '2024-Q2', fiscalStartMonth, referenceDate, filters: { industry: [null], product: ['P1', null] } },
          ];
          await compareViews(a, views);
        },
      ),
      { numRuns: 3, seed: 18 },
    );
  }, 600_000);
});

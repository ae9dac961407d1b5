// "Not available", never a false zero (docs/kpis.md): every input column of every KPI is
// removed in turn from a small hand-made data set (the one of dashboard-tiny.test.ts), and
// the KPIs that read it must say "not available" with a reason, while the others keep the
// value they had with every column. The dependency table below is this test's own reading
// of docs/spec.md §3, written independently of src/queries/availability.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRequest, DashboardResult, KpiId } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { loadFiles, openAnalytics } from './helpers/engine';

type Csv = { name: string; data: Uint8Array };
const csv = (name: string, lines: string[]): Csv => ({ name, data: new TextEncoder().encode(lines.join('\n') + '\n') });

const OPPS = [
  'opportunity_id,name,account_id,account_name,owner,stage,status,amount,currency,created_date,close_date,probability,forecast_category,lead_source,deal_type,product,lead_id',
  'O1,d1,ACC1,Acme,A,Closed Won,won,1000,USD,2024-01-01,2024-01-31,1,closed,Web,New Business,P1,L1',
  'O2,d2,ACC2,Beta,A,Closed Won,won,3000,USD,2024-02-01,2024-03-01,1,closed,Web,New Business,P2,',
  'O3,d3,ACC1,Acme,B,Closed Lost,lost,4000,USD,2024-01-10,2024-02-09,0,omitted,Partner,New Business,P1,L3',
  'O4,d4,ACC3,Gamma,B,Closed Won,won,500,USD,2024-04-01,2024-05-01,1,closed,Partner,Expansion,P1,',
  'O5,d5,ACC3,Gamma,A,Proposal,open,4000,USD,2024-05-01,2024-06-15,0.5,best_case,Web,New Business,P2,L5',
  'O6,d6,ACC2,Beta,B,Qualification,open,1000,USD,2024-06-01,2024-09-10,0.2,pipeline,Partner,New Business,P1,',
  'O7,d7,ACC2,Beta,A,Closed Lost,lost,1000,USD,2024-04-10,2024-06-20,0,omitted,Web,New Business,P2,',
  'O8,d8,ACC1,Acme,A,Closed Won,won,2000,USD,2024-02-10,2024-03-11,1,closed,Web,New Business,P1,',
];
const LEADS = [
  'lead_id,created_date,source,status,is_converted,converted_date,converted_opportunity_id,owner,company,country,state',
  'L1,2024-01-05,Web,Converted,true,2024-01-01,O1,A,Acme,US,NY',
  'L2,2024-01-20,Web,Open,false,,,A,X,US,NY',
  'L3,2024-02-03,Partner,Converted,true,2024-01-10,O3,B,Acme,US,NY',
  'L4,2024-04-02,Partner,Open,false,,,B,Y,US,NY',
  'L5,2024-05-05,Web,Converted,true,2024-05-01,O5,A,Gamma,US,CA',
];
const OTHERS = [
  csv('quotas.csv', [
    'rep,period_start,period_end,quota_amount',
    'A,2024-01-01,2024-03-31,5000',
    'B,2024-01-01,2024-03-31,3000',
    'A,2024-04-01,2024-06-30,4000',
    'B,2024-04-01,2024-06-30,4000',
  ]),
  csv('spend.csv', [
    'period_start,period_end,channel,amount',
    '2024-01-01,2024-03-31,Web,1200',
    '2024-04-01,2024-06-30,Events,600',
  ]),
];

/** The lines without the named columns (the data has no quoted commas). */
function without(lines: readonly string[], drop: readonly string[]): string[] {
  const header = (lines[0] ?? '').split(',');
  const keep = header.map((h, i) => (drop.includes(h) ? -1 : i)).filter((i) => i >= 0);
  return lines.map((l) => keep.map((i) => l.split(',')[i]).join(','));
}

// Which KPIs (and variants) read which columns. `period` columns matter only when a period is chosen.
const ALL_KPIS: KpiId[] = [
  'won_amount',
  'won_count',
  'win_rate',
  'avg_deal_size',
  'avg_sales_cycle_days',
  'open_pipeline',
  'lead_to_opportunity_ratio',
  'cac',
  'clv',
  'ltv_to_cac',
  'pipeline_coverage',
  'quota_attainment',
  'sales_velocity',
];
interface Case {
  readonly name: string;
  readonly opps?: string[];
  readonly leads?: string[];
  readonly variants?: DashboardRequest['variants'];
  /** KPIs not available in 2024-Q2 and in all time. */
  readonly q2: KpiId[];
  readonly all: KpiId[];
  readonly words: RegExp;
}
const MONEY: KpiId[] = [
  'won_amount',
  'avg_deal_size',
  'open_pipeline',
  'clv',
  'ltv_to_cac',
  'pipeline_coverage',
  'quota_attainment',
  'sales_velocity',
];
const CASES: Case[] = [
  { name: 'amount', opps: ['amount'], q2: MONEY, all: MONEY, words: /amount/ },
  {
    name: 'amount (win rate by value)',
    opps: ['amount'],
    variants: { win_rate: 'by_value' },
    q2: [...MONEY, 'win_rate'],
    all: [...MONEY, 'win_rate'],
    words: /amount/,
  },
  {
    name: 'close_date',
    opps: ['close_date'],
    q2: [
      'won_amount',
      'won_count',
      'win_rate',
      'avg_deal_size',
      'avg_sales_cycle_days',
      'open_pipeline',
      'cac',
      'ltv_to_cac',
      'pipeline_coverage',
      'quota_attainment',
      'sales_velocity',
    ],
    // A new customer is an account's first won close date: CAC needs close dates in any period.
    all: ['avg_sales_cycle_days', 'sales_velocity', 'cac', 'ltv_to_cac'],
    words: /close date/,
  },
  {
    name: 'created_date',
    opps: ['created_date'],
    q2: ['avg_sales_cycle_days', 'sales_velocity'],
    all: ['avg_sales_cycle_days', 'sales_velocity'],
    words: /created date/,
  },
  {
    name: 'created_date (win rate over all created)',
    opps: ['created_date'],
    variants: { win_rate: 'won_over_all' },
    q2: ['win_rate', 'avg_sales_cycle_days', 'sales_velocity'],
    all: ['avg_sales_cycle_days', 'sales_velocity'],
    words: /created date/,
  },
  {
    name: 'account id and name',
    opps: ['account_id', 'account_name'],
    q2: ['cac', 'clv', 'ltv_to_cac'],
    all: ['cac', 'clv', 'ltv_to_cac'],
    words: /account/,
  },
  {
    name: 'probability (weighted pipeline)',
    opps: ['probability'],
    variants: { open_pipeline: 'weighted' },
    q2: ['open_pipeline'],
    all: ['open_pipeline'],
    words: /probability/,
  },
  {
    name: 'every conversion column of the leads',
    opps: ['lead_id'],
    leads: ['is_converted', 'converted_opportunity_id', 'converted_date', 'status'],
    q2: ['lead_to_opportunity_ratio'],
    all: ['lead_to_opportunity_ratio'],
    words: /conversion/,
  },
  {
    name: 'the leads’ created date',
    leads: ['created_date', 'converted_date'],
    q2: ['lead_to_opportunity_ratio'],
    all: [],
    words: /created date/,
  },
];

let analytics: Analytics;
const run = (req: Partial<DashboardRequest> & { period: string }) => analytics.dashboard({ fiscalStartMonth: 1, ...req });
const byId = (r: DashboardResult) => new Map(r.kpis.map((k) => [k.id, k]));

async function load(opps: string[], leads: string[]): Promise<void> {
  const result = await loadFiles(analytics, [csv('opportunities.csv', opps), csv('leads.csv', leads), ...OTHERS]);
  // Nothing is rejected by dropping a column: the gaps are in the data, not in its reading.
  expect(result.files.map((f) => f.rowsRejected)).toEqual([0, 0, 0, 0]);
}

describe('a KPI whose input column is missing says "not available", never 0', () => {
  const baseline = new Map<string, DashboardResult>();
  beforeAll(async () => {
    analytics = await openAnalytics();
    await load(OPPS, LEADS);
    for (const c of CASES) {
      for (const period of ['2024-Q2', 'all']) {
        baseline.set(`${c.name}|${period}`, await run({ period, ...(c.variants ? { variants: c.variants } : {}) }));
      }
    }
  });

  it('every KPI has a value with every column (so each removal below can show)', () => {
    for (const [key, result] of baseline) {
      const missing = result.kpis.filter((k) => k.value === null).map((k) => `${k.id}: ${k.reason ?? ''}`);
      expect(missing, key).toEqual([]);
    }
  });

  for (const c of CASES) {
    it(`without ${c.name}`, async () => {
      await load(c.opps ? without(OPPS, c.opps) : OPPS, c.leads ? without(LEADS, c.leads) : LEADS);
      for (const [period, gone] of [
        ['2024-Q2', c.q2],
        ['all', c.all],
      ] as const) {
        const got = byId(await run({ period, ...(c.variants ? { variants: c.variants } : {}) }));
        const before = byId(baseline.get(`${c.name}|${period}`)!);
        for (const id of ALL_KPIS) {
          const k = got.get(id);
          if (gone.includes(id)) {
            expect(k?.value, `${id} in ${period}`).toBeNull();
            expect(k?.reason ?? '', `${id} in ${period}`).toMatch(c.words);
          } else {
            expect(k?.value, `${id} in ${period}`).toBe(before.get(id)?.value);
          }
        }
      }
    });
  }

  it('a leads file whose conversion flag was not understood: no 0.0 %, no empty bars', async () => {
    // "Became customer?" matches no synonym: the flag stays unmapped, and the deals name no lead.
    const leads = [
      'lead_id,created_date,source,Became customer?',
      'L1,2024-01-05,Web,Yep',
      'L2,2024-01-20,Web,Nope',
      'L4,2024-04-02,Partner,Nope',
      'L5,2024-05-05,Web,Yep',
    ];
    await load(without(OPPS, ['lead_id']), leads);
    const r = await run({ period: 'all' });
    const ratio = byId(r).get('lead_to_opportunity_ratio');
    expect(ratio?.value).toBeNull();
    expect(ratio?.reason).toMatch(/conversion/);
    expect(typeof r.views?.leadFunnel).toBe('string');
    // The other variant reads no conversion: opportunities ÷ leads stays, 8 ÷ 4.
    const opps = byId(await run({ period: 'all', variants: { lead_to_opportunity_ratio: 'opps_over_leads' } }));
    expect(opps.get('lead_to_opportunity_ratio')?.value).toBe(2);
  });

  it('leads that a deal names count as converted, even without a flag', async () => {
    // Deals O1, O3, O5 name L1, L3, L5; the leads file says nothing about conversion.
    await load(OPPS, without(LEADS, ['is_converted', 'converted_opportunity_id', 'converted_date', 'status']));
    const r = byId(await run({ period: 'all' }));
    expect(r.get('lead_to_opportunity_ratio')?.value).toBeCloseTo(3 / 5, 12);
  });
});

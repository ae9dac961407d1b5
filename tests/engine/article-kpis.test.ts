// The article's own definitions (docs/kpis.md): win rate from the lead pool and the sales cycle
// from lead to customer, on a small data set worked out by hand (arithmetic in the comments).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRequest, DashboardResult, KpiId } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { loadFiles, openAnalytics } from './helpers/engine';

const csv = (name: string, lines: string[]) => ({ name, data: new TextEncoder().encode(lines.join('\n') + '\n') });
const OPP_HEAD =
  'opportunity_id,name,account_id,account_name,owner,stage,status,amount,currency,created_date,close_date,probability,forecast_category,lead_source,deal_type,product,lead_id';
const OPPS = [
  'D1,d1,A1,Acme,A,Closed Won,won,100,USD,2024-01-10,2024-01-31,1,closed,Web,New,P1,L1', // L1 01-02 → 29 days
  'D2,d2,A2,Beta,A,Closed Won,won,100,USD,2024-02-01,2024-02-20,1,closed,Event,New,P1,', // L2 names it: 01-15 → 36 days
  'D3,d3,A1,Acme,B,Closed Won,won,100,USD,2024-02-15,2024-03-15,1,closed,Web,New,P1,L1', // L1 again: 01-02 → 73 days
  'D4,d4,A3,Gamma,B,Closed Won,won,100,USD,2024-03-01,2024-03-20,1,closed,Web,New,P1,', // no lead
  'D5,d5,A2,Beta,A,Closed Lost,lost,100,USD,2024-01-20,2024-02-10,0,omitted,Web,New,P1,L3',
  'D6,d6,A4,Delta,A,Closed Won,won,100,USD,2024-01-25,2024-02-05,1,closed,Event,New,P1,L6', // L6 created after the close
  'D7,d7,A3,Gamma,B,Proposal,open,100,USD,2024-03-05,2024-06-30,0.5,pipeline,Partner,New,P1,L4',
  'D8,d8,A5,Eps,A,Closed Won,won,100,USD,2024-04-01,2024-05-10,1,closed,Web,New,P1,L5', // L5 03-28 → 43 days
];
const LEAD_HEAD =
  'lead_id,created_date,source,status,is_converted,converted_date,converted_opportunity_id,owner,company,country,state';
const LEADS = [
  'L1,2024-01-02,Web,Converted,true,2024-01-10,,A,Acme,US,NY',
  'L2,2024-01-15,Event,Converted,true,2024-02-01,D2,A,Beta,US,NY',
  'L3,2024-01-18,Web,Converted,true,2024-01-20,,A,Beta,US,NY',
  'L4,2024-03-02,Partner,Converted,true,2024-03-05,,B,Gamma,US,CA',
  'L5,2024-03-28,Web,Converted,true,2024-04-01,,B,Eps,US,CA',
  'L6,2024-02-10,Event,Open,false,,,A,Delta,US,CA',
  'L7,2024-02-25,Web,Open,false,,,B,Zeta,US,CA',
  'L8,2024-03-30,Web,Open,false,,,B,Eta,US,CA',
];
const REPS = csv('reps.csv', ['rep,team,manager,region,start_date', 'A,T1,M1,East,2020-01-01', 'B,T2,M2,West,2020-01-01']);

let analytics: Analytics;
const ARTICLE = { win_rate: 'won_over_leads', avg_sales_cycle_days: 'lead_to_customer' } as const;
const run = (req: Partial<DashboardRequest> & { period: string }) =>
  analytics.dashboard({ fiscalStartMonth: 1, variants: ARTICLE, ...req });
const tile = (r: DashboardResult, id: KpiId) => r.kpis.find((k) => k.id === id);

describe("the article's variants, deals linked to leads from either side", () => {
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, [csv('opportunities.csv', [OPP_HEAD, ...OPPS]), csv('leads.csv', [LEAD_HEAD, ...LEADS]), REPS]);
  });

  it('win rate = leads created in the period that became customers ÷ leads created', async () => {
    // Q1 leads: L1..L8 (8). Customers: L1 (D1, D3), L2 (D2, named from the lead side), L5 (D8, won
    // 2024-05-10, by the reference date). L6's deal closed before L6 existed: not a conversion.
    const q1 = await run({ period: '2024-Q1' });
    expect(tile(q1, 'win_rate')?.value).toBeCloseTo(3 / 8, 12);
    expect(tile(q1, 'win_rate')?.variant).toBe('won_over_leads');
    expect(tile(q1, 'win_rate')?.note).toContain('1 won deals without a lead left out'); // D4
    expect(tile(await run({ period: 'all' }), 'win_rate')?.value).toBeCloseTo(3 / 8, 12);
    const q2 = await run({ period: '2024-Q2' });
    expect(tile(q2, 'win_rate')?.value).toBeNull();
    expect(tile(q2, 'win_rate')?.reason).toMatch(/No lead was created/);
  });

  it('sales cycle = days from lead created to won close, won deals closed in the period from a lead', async () => {
    const q1 = await run({ period: '2024-Q1' });
    // D1 29, D2 36, D3 73 (L1's creation is the earliest lead of D3) → mean 46, median 36.
    expect(tile(q1, 'avg_sales_cycle_days')?.value).toBeCloseTo((29 + 36 + 73) / 3, 9);
    const note = tile(q1, 'avg_sales_cycle_days')?.note ?? '';
    expect(note).toContain('median 36 days over 3 won deals from leads');
    expect(note).toContain('1 won deals without a lead left out'); // D4
    expect(note).toContain('1 won deals whose lead was created after the close left out'); // D6
    expect(tile(await run({ period: '2024-Q2' }), 'avg_sales_cycle_days')?.value).toBe(43);
    const all = await run({ period: 'all' });
    expect(tile(all, 'avg_sales_cycle_days')?.value).toBeCloseTo((29 + 36 + 73 + 43) / 4, 9);
    expect(tile(all, 'avg_sales_cycle_days')?.note).toContain('median 39.5 days');
  });

  it('follows the filters: owner on both sides; a product filter blocks the lead pool only', async () => {
    const a = await run({ period: '2024-Q1', filters: { owner: ['A'] } });
    expect(tile(a, 'win_rate')?.value).toBeCloseTo(2 / 4, 12); // A's leads L1 L2 L3 L6; customers L1 L2
    expect(tile(a, 'avg_sales_cycle_days')?.value).toBeCloseTo((29 + 36) / 2, 9); // A's won D1 D2 (D6 left out)
    const p1 = await run({ period: '2024-Q1', filters: { product: ['P1'] } });
    expect(tile(p1, 'win_rate')?.value).toBeNull();
    expect(tile(p1, 'win_rate')?.reason).toMatch(/not split by product/);
    expect(tile(p1, 'avg_sales_cycle_days')?.value).toBeCloseTo((29 + 36 + 73) / 3, 9);
  });

  it('the default variants are unchanged by the article query', async () => {
    const q1 = await analytics.dashboard({ fiscalStartMonth: 1, period: '2024-Q1' });
    expect(tile(q1, 'win_rate')?.value).toBeCloseTo(5 / 6, 12); // won D1 D2 D3 D4 D6, lost D5
    expect(tile(q1, 'win_rate')?.variant).toBe('default');
  });
});

describe("the article's variants without a usable lead pool", () => {
  it('says no deal is linked when neither file names the other', async () => {
    const engine = await openAnalytics();
    const unlinked = OPPS.map((line) => line.replace(/,L\d$/, ','));
    const leads = LEADS.map((line) => line.replace(',D2,', ',,'));
    await loadFiles(engine, [csv('opportunities.csv', [OPP_HEAD, ...unlinked]), csv('leads.csv', [LEAD_HEAD, ...leads])]);
    const r = await engine.dashboard({ fiscalStartMonth: 1, period: 'all', variants: ARTICLE });
    for (const id of ['win_rate', 'avg_sales_cycle_days'] as const) {
      expect(tile(r, id)?.value).toBeNull();
      expect(tile(r, id)?.reason).toMatch(/No deal is linked to a lead/);
    }
  });

  it('says no leads are loaded without a leads file', async () => {
    const engine = await openAnalytics();
    await loadFiles(engine, [csv('opportunities.csv', [OPP_HEAD, ...OPPS])]);
    const r = await engine.dashboard({ fiscalStartMonth: 1, period: 'all', variants: ARTICLE });
    expect(tile(r, 'win_rate')?.reason).toMatch(/No leads are loaded/);
    expect(tile(r, 'avg_sales_cycle_days')?.reason).toMatch(/No leads are loaded/);
  });
});

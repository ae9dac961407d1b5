// Every KPI and variant of docs/spec.md §3 on a tiny canonical data set whose values were worked
// out by hand (the arithmetic is in the comments); nothing here is the engine's own output.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRequest, DashboardResult, KpiId } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { loadFiles, openAnalytics } from './helpers/engine';

const csv = (name: string, lines: string[]) => ({ name, data: new TextEncoder().encode(lines.join('\n') + '\n') });
const OPP_HEAD =
  'opportunity_id,name,account_id,account_name,owner,stage,status,amount,currency,created_date,close_date,probability,forecast_category,lead_source,deal_type,product,lead_id';
// cycle days: O1 30, O2 29, O3 30, O4 30, O7 71, O8 30.
const OPPS = [
  'O1,d1,ACC1,Acme,A,Closed Won,won,1000,USD,2024-01-01,2024-01-31,1,closed,Web,New Business,P1,L1',
  'O2,d2,ACC2,Beta,A,Closed Won,won,3000,USD,2024-02-01,2024-03-01,1,closed,Web,New Business,P2,',
  'O3,d3,ACC1,Acme,B,Closed Lost,lost,4000,USD,2024-01-10,2024-02-09,0,omitted,Partner,New Business,P1,L3',
  'O4,d4,ACC3,Gamma,B,Closed Won,won,500,USD,2024-04-01,2024-05-01,1,closed,Partner,Expansion,P1,',
  'O5,d5,ACC3,Gamma,A,Proposal,open,4000,USD,2024-05-01,2024-06-15,0.5,best_case,Web,New Business,P2,L5',
  'O6,d6,ACC2,Beta,B,Qualification,open,1000,USD,2024-06-01,2024-09-10,0.2,pipeline,Partner,New Business,P1,',
  'O7,d7,ACC2,Beta,A,Closed Lost,lost,1000,USD,2024-04-10,2024-06-20,0,omitted,Web,New Business,P2,',
  'O8,d8,ACC1,Acme,A,Closed Won,won,2000,USD,2024-02-10,2024-03-11,1,closed,Web,New Business,P1,',
];
const FILES = (opps = OPPS) => [
  csv('opportunities.csv', [OPP_HEAD, ...opps]),
  csv('reps.csv', ['rep,team,manager,region,start_date', 'A,T1,M1,East,2020-01-01', 'B,T2,M2,West,2020-01-01']),
  csv('accounts.csv', [
    'account_id,account_name,industry,employees,annual_revenue,country,state,city,postal_code,latitude,longitude,owner,territory,parent_account',
    'ACC1,Acme,Tech,10,100,US,NY,,,,,A,,',
    'ACC2,Beta,Retail,10,100,US,NY,,,,,A,,',
    'ACC3,Gamma,Tech,10,100,US,CA,,,,,B,,',
  ]),
  csv('leads.csv', [
    'lead_id,created_date,source,status,is_converted,converted_date,converted_opportunity_id,owner,company,country,state',
    'L1,2024-01-05,Web,Converted,true,2024-01-01,O1,A,Acme,US,NY',
    'L2,2024-01-20,Web,Open,false,,,A,X,US,NY',
    'L3,2024-02-03,Partner,Converted,true,2024-01-10,O3,B,Acme,US,NY',
    'L4,2024-04-02,Partner,Open,false,,,B,Y,US,NY',
    'L5,2024-05-05,Web,Converted,true,2024-05-01,O5,A,Gamma,US,CA',
  ]),
  csv('quotas.csv', [
    'rep,period_start,period_end,quota_amount',
    'A,2024-01-01,2024-03-31,5000',
    'B,2024-01-01,2024-03-31,3000',
    'A,2024-04-01,2024-06-30,4000',
    'B,2024-04-01,2024-06-30,4000',
  ]),
  csv('spend.csv', [
    'period_start,period_end,channel,amount',
    '2024-01-01,2024-01-31,Web,600',
    '2024-02-01,2024-02-29,Web,300',
    '2024-03-01,2024-03-31,Events,300',
    '2024-04-01,2024-06-30,Events,600',
  ]),
  csv('stage_history.csv', [
    'opportunity_id,changed_at,stage,amount,close_date,probability,forecast_category',
    'O1,2024-01-01,Prospecting,1000,2024-01-31,0.1,pipeline',
    'O1,2024-01-15,Proposal,1000,2024-01-31,0.5,best_case',
    'O1,2024-01-31,Closed Won,1000,2024-01-31,1,closed',
    'O3,2024-01-10,Prospecting,4000,2024-02-09,0.1,pipeline',
    'O3,2024-02-09,Closed Lost,4000,2024-02-09,0,omitted',
    'O5,2024-05-01,Prospecting,4000,2024-06-15,0.1,pipeline',
    'O5,2024-05-20,Proposal,4000,2024-06-15,0.5,best_case',
  ]),
];

let analytics: Analytics;
const run = (req: Partial<DashboardRequest> & { period: string }) => analytics.dashboard({ fiscalStartMonth: 1, ...req });
const value = (r: DashboardResult, id: KpiId) => r.kpis.find((k) => k.id === id)?.value;
const reason = (r: DashboardResult, id: KpiId) => r.kpis.find((k) => k.id === id)?.reason ?? '';
const note = (r: DashboardResult, id: KpiId) => r.kpis.find((k) => k.id === id)?.note ?? '';

describe('dashboard KPIs on a hand-computed data set', () => {
  beforeAll(async () => {
    analytics = await openAnalytics();
    const result = await loadFiles(analytics, FILES());
    expect(result.files.map((f) => f.rowsLoaded)).toEqual([8, 2, 3, 5, 4, 4, 7]);
  });

  it('takes the reference date from the data: the latest created or actual close date', async () => {
    expect((await run({ period: 'all' })).referenceDate).toBe('2024-06-20');
  });

  it('won amount, count, win rate and its variants', async () => {
    const q1 = await run({ period: '2024-Q1' });
    expect(value(q1, 'won_amount')).toBe(6000); // O1 1000 + O2 3000 + O8 2000
    expect(value(q1, 'won_count')).toBe(3);
    expect(value(q1, 'win_rate')).toBeCloseTo(3 / 4, 12); // O3 lost
    const byValue = await run({ period: '2024-Q1', variants: { win_rate: 'by_value' } });
    expect(value(byValue, 'win_rate')).toBeCloseTo(6000 / 10000, 12);
    const overAll = await run({ period: 'all', variants: { win_rate: 'won_over_all' } });
    expect(value(overAll, 'win_rate')).toBeCloseTo(4 / 8, 12);
    const q2 = await run({ period: '2024-Q2', variants: { win_rate: 'won_over_all' } });
    expect(value(q2, 'win_rate')).toBeCloseTo(1 / 4, 12); // created in Q2: O4 won, O5, O6, O7
  });

  it('deal size and cycle, mean and median, won and all closed', async () => {
    const all = await run({ period: 'all' });
    expect(value(all, 'avg_deal_size')).toBeCloseTo(6500 / 4, 9);
    expect(value(all, 'avg_sales_cycle_days')).toBeCloseTo((30 + 29 + 30 + 30) / 4, 9);
    const med = await run({ period: 'all', variants: { avg_deal_size: 'median', avg_sales_cycle_days: 'median' } });
    expect(value(med, 'avg_deal_size')).toBe(1500); // 500, 1000 | 2000, 3000
    expect(value(med, 'avg_sales_cycle_days')).toBe(30);
    const closed = await run({ period: 'all', variants: { avg_sales_cycle_days: 'all_closed' } });
    expect(value(closed, 'avg_sales_cycle_days')).toBeCloseTo((30 + 29 + 30 + 30 + 30 + 71) / 6, 9);
  });

  it('open pipeline, plain and weighted, by expected close period', async () => {
    const all = await run({ period: 'all' });
    expect(value(all, 'open_pipeline')).toBe(5000);
    expect(value(await run({ period: 'all', variants: { open_pipeline: 'weighted' } }), 'open_pipeline')).toBeCloseTo(2200, 9);
    // The reference date is 2024-06-20: O5 (open, expected 2024-06-15) is past due, so it is
    // pipeline of no quarter — all time takes it in, Q2 names it instead of counting it.
    expect(note(all, 'open_pipeline')).toBe('includes open deals 1 past due');
    const q2 = await run({ period: '2024-Q2' });
    expect(value(q2, 'open_pipeline')).toBe(0);
    expect(note(q2, 'open_pipeline')).toMatch(/not in this period: open deals 1 past due/);
    expect(value(await run({ period: '2024-Q3' }), 'open_pipeline')).toBe(1000);
    // On 2024-06-10 O5 is not yet due, and O7 (lost on 2024-06-20) was still open: 4000 + 1000.
    expect(value(await run({ period: '2024-Q2', referenceDate: '2024-06-10' }), 'open_pipeline')).toBe(5000);
  });

  it('lead-to-opportunity ratio and opportunities over leads', async () => {
    const q1 = await run({ period: '2024-Q1' });
    expect(value(q1, 'lead_to_opportunity_ratio')).toBeCloseTo(2 / 3, 12); // L1, L3 of L1–L3
    const opps = await run({ period: '2024-Q1', variants: { lead_to_opportunity_ratio: 'opps_over_leads' } });
    expect(value(opps, 'lead_to_opportunity_ratio')).toBeCloseTo(4 / 3, 12);
    const q2 = await run({ period: '2024-Q2', filters: { owner: ['A'] } });
    expect(value(q2, 'lead_to_opportunity_ratio')).toBe(1); // L5 of A's Q2 leads
  });

  it('CAC per new customer and per won deal; CLV historical and churn-based; LTV:CAC', async () => {
    const q1 = await run({ period: '2024-Q1' });
    expect(value(q1, 'cac')).toBeCloseTo(1200 / 2, 9); // new customers ACC1, ACC2
    expect(value(await run({ period: '2024-Q1', variants: { cac: 'per_won_deal' } }), 'cac')).toBeCloseTo(400, 9);
    expect(value(q1, 'clv')).toBeCloseTo(6500 / 3, 9);
    expect(value(q1, 'ltv_to_cac')).toBeCloseTo(6500 / 3 / 600, 9);
    const margin = await run({ period: '2024-Q1', grossMargin: 0.5 });
    expect(value(margin, 'clv')).toBeCloseTo((6500 / 3) * 0.5, 9);
    const churn = await run({ period: 'all', grossMargin: 0.5, churn: 0.25, variants: { clv: 'churn_based' } });
    expect(value(churn, 'clv')).toBeCloseTo(((6500 / 3) * 0.5) / 0.25, 9);
    const noChurn = await run({ period: 'all', variants: { clv: 'churn_based' } });
    expect(value(noChurn, 'clv')).toBeNull();
    expect(reason(noChurn, 'clv')).toMatch(/churn/);
    // Spend by day, prorated: February's Web row is wholly inside February.
    expect(value(await run({ period: '2024-02', variants: { cac: 'per_won_deal' } }), 'cac')).toBeNull(); // nothing won in Feb
  });

  it('quota attainment and pipeline coverage, prorated for a month', async () => {
    const q1 = await run({ period: '2024-Q1' });
    expect(value(q1, 'quota_attainment')).toBeCloseTo(6000 / 8000, 12);
    expect(value(q1, 'pipeline_coverage')).toBe(0); // no open deal expected in Q1
    const q2 = await run({ period: '2024-Q2' });
    expect(value(q2, 'pipeline_coverage')).toBe(0); // O5 is past due on 2024-06-20: not Q2's pipeline
    expect(note(q2, 'pipeline_coverage')).toMatch(
      /^Pipeline: 0 open deals expected to close in this period; not in this period: open deals 1 past due/,
    );
    const june10 = { period: '2024-Q2', referenceDate: '2024-06-10' };
    expect(value(await run(june10), 'pipeline_coverage')).toBeCloseTo(5000 / (8000 - 500), 12); // O5 + O7
    expect(value(await run({ ...june10, variants: { pipeline_coverage: 'over_quota' } }), 'pipeline_coverage')).toBeCloseTo(
      5000 / 8000,
      12,
    );
    const mar = await run({ period: '2024-03' });
    expect(value(mar, 'quota_attainment')).toBeCloseTo(5000 / ((8000 * 31) / 91), 9); // O2 + O8 in March
    const leader = q1.views?.leaderboard ?? [];
    expect(leader.map((r) => [r.key, r.wonAmount, r.quota, r.attainment])).toEqual([
      ['A', 6000, 5000, 1.2],
      ['B', 0, 3000, 0],
    ]);
  });

  it('sales velocity: open deals × deal size × win rate ÷ cycle', async () => {
    // Q2 on 2024-06-20 has no open deal of its own (O5 is past due); on 2024-06-10 it has O5 and O7.
    expect(value(await run({ period: '2024-Q2' }), 'sales_velocity')).toBe(0);
    expect(value(await run({ period: '2024-Q2', referenceDate: '2024-06-10' }), 'sales_velocity')).toBeCloseTo(
      (2 * 500 * 0.5) / 30,
      9,
    );
    const all = await run({ period: 'all' });
    expect(value(all, 'sales_velocity')).toBeCloseTo((2 * 1625 * (4 / 6)) / 29.75, 9);
    expect(note(all, 'sales_velocity')).toBe('Pipeline: every open deal; includes open deals 1 past due');
    // Median deal size (1500: 500, 1000 | 2000, 3000) changes velocity, and velocity says so.
    const median = await run({ period: 'all', variants: { avg_deal_size: 'median' } });
    expect(value(median, 'sales_velocity')).toBeCloseTo((2 * 1500 * (4 / 6)) / 29.75, 9);
    expect(note(median, 'sales_velocity')).toBe(
      'Uses the median deal size (as chosen on those tiles); Pipeline: every open deal; includes open deals 1 past due',
    );
  });

  it('filters by owner and by account industry', async () => {
    expect(value(await run({ period: 'all', filters: { owner: ['A'] } }), 'won_amount')).toBe(6000);
    expect(value(await run({ period: 'all', filters: { industry: ['Tech'] } }), 'won_amount')).toBe(3500);
    expect(value(await run({ period: 'all', filters: { region: ['West'], deal_type: ['Expansion'] } }), 'won_amount')).toBe(500);
    const product = await run({ period: 'all', filters: { product: ['P1'] } });
    expect(value(product, 'cac')).toBeNull();
    expect(reason(product, 'cac')).toMatch(/product/);
    expect(value(product, 'quota_attainment')).toBeNull();
  });

  it('deltas against the previous quarter and the same quarter a year earlier', async () => {
    const q2 = (await run({ period: '2024-Q2' })).kpis.find((k) => k.id === 'won_amount');
    expect(q2).toMatchObject({ value: 500, previous: 6000, yearAgo: 0 });
  });

  it('views: pipeline by stage and month, aging, funnel from stage history, leads by source', async () => {
    const all = await run({ period: 'all' });
    const v = all.views!;
    expect(v.pipelineByStage.map((g) => [g.key, g.openAmount])).toEqual([
      ['Qualification', 1000],
      ['Proposal', 4000],
    ]);
    expect(v.pipelineByMonth.map((g) => [g.key, g.openAmount])).toEqual([
      ['past due', 4000], // O5, expected 2024-06-15, before the reference date
      ['2024-09', 1000],
    ]);
    // A quarter's chart shows its own months and, apart, the open deals outside every period.
    const q3 = (await run({ period: '2024-Q3' })).views!;
    expect(q3.pipelineByMonth.map((g) => [g.key, g.openAmount])).toEqual([
      ['past due', 4000],
      ['2024-09', 1000],
    ]);
    expect(q3.pipelineByStage.map((g) => [g.key, g.openAmount])).toEqual([['Qualification', 1000]]);
    expect(v.aging.map((g) => [g.key, g.openCount])).toEqual([
      ['0–30 days', 1], // O6: 19 days
      ['31–60 days', 1], // O5: 50 days
    ]);
    expect(v.funnel.source).toBe('stage_history');
    // A deal reached every step up to the furthest its history or current stage shows (so a
    // skipped step still counts it): O1 O2 O4 O8 won → all four; O5 (history to Proposal) → 3;
    // O6 (Qualification, no history) → 2; O3 (history Prospecting, then lost) and O7 (lost,
    // no history: it entered the first step) → 1.
    expect(v.funnel.steps.map((s) => [s.label, s.count])).toEqual([
      ['Created', 8],
      ['Prospecting', 8],
      ['Qualification', 6],
      ['Proposal', 5],
      ['Closed Won', 4],
    ]);
    expect(v.funnel.order).toBe('probabilities');
    expect(v.funnel.steps.map((s) => s.stepRate)).toEqual([null, 1, 6 / 8, 5 / 6, 4 / 5]);
    const q1 = (await run({ period: '2024-Q1' })).views!;
    expect(q1.leadFunnel).toEqual([
      { key: 'Web', label: 'Web', leads: 2, converted: 1, conversionRate: 0.5, opportunities: 3, wonDeals: 3 },
      { key: 'Partner', label: 'Partner', leads: 1, converted: 1, conversionRate: 1, opportunities: 1, wonDeals: 0 },
    ]);
    expect(q1.spendByChannel).toEqual([
      { label: 'Web', spend: 900 },
      { label: 'Events', spend: 300 },
    ]);
  });

  it('charts the quarter by month with the previous quarter beside it', async () => {
    const q1 = await run({ period: '2024-Q1' });
    expect(q1.bookings.map((b) => [b.label, b.wonAmount, b.compareAmount])).toEqual([
      ['Jan 2024', 1000, 0],
      ['Feb 2024', 0, 0],
      ['Mar 2024', 5000, 0],
    ]);
    const q2 = await run({ period: '2024-Q2', comparison: 'previous' });
    expect(q2.bookings.map((b) => b.compareAmount)).toEqual([1000, 0, 5000]);
  });

  it('never adds two currencies: money KPIs say why, amounts come per currency', async () => {
    const mixed = OPPS.map((line) => (line.startsWith('O4,') ? line.replace(',USD,', ',EUR,') : line));
    const other = await openAnalytics();
    await loadFiles(other, FILES(mixed));
    const all = await other.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(all.kpis.find((k) => k.id === 'won_amount')).toMatchObject({ value: null });
    expect(all.kpis.find((k) => k.id === 'won_amount')?.reason).toMatch(/2 currencies \(EUR, USD\)/);
    expect(all.kpis.find((k) => k.id === 'won_count')?.value).toBe(4);
    expect(all.currencies?.perCurrency).toEqual([
      { currency: 'EUR', wonAmount: 500, openAmount: 0 },
      { currency: 'USD', wonAmount: 6000, openAmount: 5000 },
    ]);
    const usd = await other.dashboard({ period: 'all', fiscalStartMonth: 1, filters: { owner: ['A'] } });
    expect(usd.kpis.find((k) => k.id === 'won_amount')?.value).toBe(6000);
  });
});

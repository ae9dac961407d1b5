// The compensation builders on the real engine: a hand-made data set whose every
// aggregate is worked out by hand, a lost-after-won deal that becomes a clawback, and
// the Maven fixture, which has no quotas table.
import { beforeAll, describe, expect, it } from 'vitest';
import { quarterIndexOf, quarterOf } from '../../src/features/comp/core/periods';
import { DEFAULT_PLAN } from '../../src/features/comp/core/plan';
import { computeResults, summarize } from '../../src/features/comp/core/results';
import type { CompData } from '../../src/features/comp/contract';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';

const csv = (name: string, lines: string[]) => ({ name, data: new TextEncoder().encode(`${lines.join('\n')}\n`) });
const OPP =
  'opportunity_id,name,account_id,account_name,owner,stage,status,amount,currency,created_date,close_date,probability,forecast_category,lead_source,deal_type,product,lead_id';
const FILES = [
  csv('opportunities.csv', [
    OPP,
    'O1,,A1,Acme,Ann,Closed Won,won,60000.00,USD,2024-01-05,2024-02-10,1,closed,Web,New Business,Analytics,',
    'O2,,A1,Acme,Ann,Closed Won,won,40000.50,USD,2024-01-05,2024-03-31,1,closed,Web,Renewal,Core,',
    'O3,,A2,Beta,Bob,Closed Won,won,25000.00,USD,2024-01-05,2024-02-01,1,closed,Web,New Business,Core,',
    'O4,,A2,Beta,Bob,Closed Lost,lost,20000.00,USD,2024-01-05,2024-05-15,0,omitted,Web,New Business,Core,',
    'O5,,A1,Acme,Ann,Closed Lost,lost,10000.00,USD,2024-01-05,2024-03-15,0,omitted,Web,New Business,Core,',
    'O6,,A2,Beta,Bob,Negotiation,open,50000.00,USD,2024-04-01,2024-06-30,0.6,commit,Web,New Business,Core,',
    'O7,,A1,Acme,Ann,Closed Won,won,30000.00,USD,2024-04-02,2024-04-20,1,closed,Web,New Business,Analytics,',
  ]),
  csv('stage_history.csv', [
    'opportunity_id,changed_at,stage,amount,close_date,probability,forecast_category',
    'O4,2024-01-05,Prospecting,20000.00,2024-03-20,0.1,pipeline',
    'O4,2024-03-20,Closed Won,18000.00,2024-03-20,1,closed',
    'O4,2024-05-15,Closed Lost,20000.00,2024-05-15,0,omitted',
    'O1,2024-02-10,Closed Won,60000.00,2024-02-10,1,closed',
  ]),
  csv('reps.csv', ['rep,team,manager,region,start_date', 'Ann,East,Max,East,2020-01-06', 'Bob,West,Max,West,2021-03-01']),
  csv('quotas.csv', [
    'rep,period_start,period_end,quota_amount',
    'Ann,2024-01-01,2024-03-31,100000.00',
    'Ann,2024-04-01,2024-06-30,100000.00',
    'Bob,2024-01-01,2024-03-31,50000.00',
    'Bob,2024-04-01,2024-06-30,50000.00',
  ]),
  csv('accounts.csv', [
    'account_id,account_name,industry,employees,annual_revenue,country,state,city,postal_code,latitude,longitude,owner,territory,parent_account',
    'A1,Acme,Software,100,3000000.00,United States,NY,New York,10001,,,Ann,East-01,',
    'A2,Beta,Software,50,1000000.00,United States,CA,Fresno,93650,,,Bob,West-01,',
  ]),
];
const Q1 = quarterIndexOf('2024-01-01');
const Q2 = Q1 + 1;

describe('compensation data from the engine (hand-made data)', () => {
  let analytics: Analytics;
  let data: CompData;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, FILES);
    data = await analytics.compData({ fiscalStartMonth: 1 });
  });

  it('lists reps with team and territory potential (Σ annual revenue of owned accounts, in cents)', () => {
    expect(data.reps).toEqual([
      { rep: 'Ann', team: 'East', region: 'East', startDate: '2020-01-06', potentialCents: 300_000_000 },
      { rep: 'Bob', team: 'West', region: 'West', startDate: '2021-03-01', potentialCents: 100_000_000 },
    ]);
    expect([data.firstQuarter, data.lastQuarter, data.referenceDate]).toEqual([Q1, Q2, '2024-05-15']);
  });

  it('aggregates bookings per rep and quarter in exact cents (Ann Q1: $60,000 + $40,000.50)', () => {
    expect(data.bookings).toEqual([
      { rep: 'Ann', quarter: Q1, wonCents: 10_000_050, wonCount: 2, lostCents: 1_000_000, dueCents: 11_000_050 },
      { rep: 'Ann', quarter: Q2, wonCents: 3_000_000, wonCount: 1, lostCents: 0, dueCents: 3_000_000 },
      { rep: 'Bob', quarter: Q1, wonCents: 2_500_000, wonCount: 1, lostCents: 0, dueCents: 2_500_000 },
      { rep: 'Bob', quarter: Q2, wonCents: 0, wonCount: 0, lostCents: 2_000_000, dueCents: 7_000_000 },
    ]);
  });

  it('groups won deals by product and deal type for SPIFs', () => {
    expect(data.deals.filter((d) => d.rep === 'Ann' && d.quarter === Q1)).toEqual([
      { rep: 'Ann', quarter: Q1, product: 'Analytics', dealType: 'New Business', wonCents: 6_000_000, wonCount: 1 },
      { rep: 'Ann', quarter: Q1, product: 'Core', dealType: 'Renewal', wonCents: 4_000_050, wonCount: 1 },
    ]);
  });

  it('finds the deal lost in Q2 after its Closed Won snapshot in Q1, at the won amount ($18,000)', () => {
    expect(data.clawbackNote).toBeNull();
    expect(data.clawbacks).toEqual([{ rep: 'Bob', quarter: Q2, wonQuarter: Q1, amountCents: 1_800_000, count: 1 }]);
  });

  it('pays the plan by hand: Bob Q1 ($25,000 + the $18,000 later lost) × 25 % BCR = $10,750; Q2 claws back $18,000 × 10,750 ÷ 43,000 = $4,500', () => {
    const plan = { ...DEFAULT_PLAN, roles: [{ id: 'r', name: 'AE', oteCents: 100_000_00, baseShare: 0.5, teams: [] }] };
    const flat = {
      ...plan,
      curve: { threshold: 0, mode: 'marginal' as const, tiers: [{ from: 0, rate: 1 }], capMultiple: null },
      clawback: { enabled: true, share: 1 },
    };
    const { rows } = computeResults(flat, data);
    const bob = rows.filter((r) => r.rep === 'Bob');
    expect(bob.map((r) => [r.bookingsCents, r.commissionCents, r.clawbackCents, r.variableCents, r.balanceCents])).toEqual([
      [4_300_000, 1_075_000, 0, 1_075_000, 0],
      [0, 0, 450_000, 0, 450_000],
    ]);
    // Ann Q1: $100,000.50 × 12.5 % = $12,500.0625 → $12,500.06
    expect(rows.find((r) => r.rep === 'Ann' && r.period === Q1)?.commissionCents).toBe(1_250_006);
    const s = summarize(rows, Q1);
    // payout = Ann ($12,500 + $12,500.06) + Bob ($12,500 + $10,750) = $48,250.06; bookings $143,000.50
    expect(s.payoutCents).toBe(4_825_006);
    expect(s.costOfSales).toBeCloseTo(4_825_006 / 14_300_050, 12);
  });

  it('computes quarters under a July fiscal year: February 2024 is FY2024 Q3', async () => {
    const july = await analytics.compData({ fiscalStartMonth: 7 });
    const ann = july.bookings.find((b) => b.rep === 'Ann' && b.wonCents === 10_000_050);
    expect(ann && quarterOf(ann.quarter, 7).key).toBe('2024-Q3');
  });
});

describe('compensation data on Maven (no quotas table)', () => {
  it('has no quota rows; the table setting says so and top-down quotas add up to target × over-assignment', async () => {
    const analytics = await openAnalytics();
    await loadFiles(
      analytics,
      ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`)),
    );
    const data = await analytics.compData({ fiscalStartMonth: 1 });
    expect(data.quotaRows).toEqual([]);
    // sales_teams.csv has no team column: each manager's agents are a team, read from the file itself.
    const managers = new Map(
      new TextDecoder()
        .decode(fixture('maven-crm/sales_teams.csv').data)
        .trim()
        .split('\n')
        .slice(1)
        .map((line): [string, string] => {
          const [agent = '', manager = ''] = line.split(',');
          return [agent, manager];
        }),
    );
    expect(data.teamsFrom).toBe('manager');
    const listed = data.reps.filter((r) => managers.has(r.rep));
    expect(listed.length).toBe(managers.size);
    for (const r of listed) expect(r.team).toBe(managers.get(r.rep));
    // Maven's won amounts are whole dollars: $10,005,534 in all.
    expect(data.bookings.reduce((s, b) => s + b.wonCents, 0)).toBe(1_000_553_400);
    expect(computeResults(DEFAULT_PLAN, data).notes.join(' ')).toMatch(/no quotas table/);
    const topDown = {
      ...DEFAULT_PLAN,
      quota: { source: 'top_down' as const, companyTargetCents: 3_000_000_00, overAssignment: 1.1, shareBy: 'equal' as const },
    };
    const { rows } = computeResults(topDown, data);
    const q3 = quarterIndexOf('2017-07-01');
    expect(rows.filter((r) => r.period === q3).reduce((s, r) => s + (r.quotaCents ?? 0), 0)).toBe(3_300_000_00);
  });
});

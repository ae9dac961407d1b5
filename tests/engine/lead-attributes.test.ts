// Lead quality by any lead attribute (docs/leads.md, "By attribute"), on a small file worked out by
// hand: campaign and landing page as canonical columns, "UTM Medium" and "Lead Form" kept from the
// file as they are, a rejected row that keeps none of its values, and a 60-value column capped at
// the 50 largest groups plus "Other". Every expected number below is counted by hand in the comments.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LeadGroup, LeadQualityResult } from '../../src/features/leads/contract';
import type { Analytics } from '../../workers/analytics/Analytics';
import { loadFiles, openAnalytics } from './helpers/engine';
import { csv, OPP_HEAD } from './helpers/leadFunnel';

const REF = '2024-04-30';
const LEAD_HEAD =
  'lead_id,created_date,source,status,is_converted,converted_date,converted_opportunity_id,owner,company,country,state,campaign,landing_page,UTM Medium,Lead Form';
const LEADS = [
  'L1,2024-01-01,Web,Converted,true,,,A,Acme,,,Spring,/pricing,cpc,Demo', // D1 won 01-11: 10 days, 1000
  'L2,2024-01-05,Web,Converted,true,,,A,Beta,,,Spring,/demo,cpc,Demo', // D2 won 02-04: 30 days, 500
  'L3,2024-01-10,Web,Converted,true,,,A,Gamma,,,Spring,/pricing,email,', // D3 lost
  'L4,2024-02-01,Event,Converted,true,,,A,Delta,,,Summit,,,Badge', // D4 won 04-01: 60 days, 2000
  'L5,2024-02-10,Event,Open,false,,,A,Eps,,,Summit,/events,email,Badge', // no deal
  'L6,2024-03-01,Web,Converted,true,,,A,Zeta,,,,/pricing,cpc,Demo', // D6 open
  'L7,2024-03-05,Paid,Converted,true,,,A,Eta,,,Spring,/demo,cpc,Demo', // D7 won 03-07: 2 days, 300
  'L8,2024-03-10,Paid,Open,false,,,A,Theta,,,,,,', // nothing
  'L9,not a date,Web,Open,false,,,A,Iota,,,Spring,/x,social,Chat', // rejected: keeps no attribute
];
const OPPS = [
  'D1,d1,A1,Acme,A,Closed Won,won,1000,USD,2024-01-02,2024-01-11,1,closed,Web,New,P1,L1',
  'D2,d2,A2,Beta,A,Closed Won,won,500,USD,2024-01-06,2024-02-04,1,closed,Web,New,P1,L2',
  'D3,d3,A3,Gamma,A,Closed Lost,lost,700,USD,2024-01-11,2024-02-01,0,omitted,Web,New,P1,L3',
  'D4,d4,A4,Delta,A,Closed Won,won,2000,USD,2024-02-02,2024-04-01,1,closed,Event,New,P1,L4',
  'D6,d6,A6,Zeta,A,Proposal,open,800,USD,2024-03-02,2024-06-30,0.5,pipeline,Web,New,P1,L6',
  'D7,d7,A7,Eta,A,Closed Won,won,300,USD,2024-03-06,2024-03-07,1,closed,Paid,New,P1,L7',
  'D9,d9,A9,Kappa,A,Closed Won,won,900,USD,2024-03-01,2024-03-20,1,closed,Web,New,P1,', // no lead: in no row
];
const SPEND = csv('spend.csv', ['period_start,period_end,channel,amount', '2024-01-01,2024-03-31,Spring,400']);

const row = (r: LeadQualityResult) =>
  r.groups.map((g: LeadGroup) => [
    g.value,
    g.leads,
    g.toOpportunity,
    g.toCustomer,
    g.wonAmount,
    g.daysToCustomer,
    g.medianDaysToCustomer,
  ]);

describe('lead quality by any attribute', () => {
  let analytics: Analytics;
  const quality = (by: string) =>
    analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, referenceDate: REF, by: by as 'source' });
  beforeAll(async () => {
    analytics = await openAnalytics();
    const result = await loadFiles(analytics, [
      csv('opportunities.csv', [OPP_HEAD, ...OPPS]),
      csv('leads.csv', [LEAD_HEAD, ...LEADS]),
      SPEND,
    ]);
    const leads = result.files.find((f) => f.fileName === 'leads.csv');
    // Nothing lost: 9 read = 8 loaded + 1 rejected (line 10, the unreadable date).
    expect([leads?.rowsRead, leads?.rowsLoaded, leads?.rowsRejected, leads?.rowsSkipped]).toEqual([9, 8, 1, 0]);
    expect(leads?.rejects[0]?.line).toBe(10);
  });

  it('offers every attribute the leads carry, the file’s own columns by their headers', async () => {
    const r = await quality('source');
    // country, state and origin are blank in every row: not offered.
    expect(r.attributes.map((a) => [a.id, a.label, a.values])).toEqual([
      ['source', 'Source', 3],
      ['campaign', 'Campaign', 2],
      ['landing_page', 'Landing page', 3],
      ['owner', 'Owner', 1],
      ['attr.Lead Form', 'Lead Form', 2],
      ['attr.UTM Medium', 'UTM Medium', 2], // cpc, email — the rejected row's "social" is not kept
    ]);
  });

  it('groups by campaign with cost, and the All row’s mean and median days lead → customer', async () => {
    const r = await quality('campaign');
    expect(r.by).toBe('campaign');
    expect(row(r)).toEqual([
      // Spring: L1 L2 L3 L7; to opportunity all four; customers L1 (10), L2 (30), L7 (2): mean 14, median 10.
      ['Spring', 4, 4, 3, 1800, 14, 10],
      // Summit: L4 L5; L4 became an opportunity and a customer in 60 days.
      ['Summit', 2, 1, 1, 2000, 60, 60],
      // Blank campaign: L6 (an open deal) and L8. A tie with Summit at 2 leads: blank last.
      [null, 2, 1, 0, 0, null, null],
    ]);
    // The spend channel "Spring" is the campaign's: 400 over 4 leads and 3 customers.
    expect(r.groups.map((g) => g.spend)).toEqual([400, null, null]);
    // All: 8 leads, 6 to opportunity, 4 customers in 10, 30, 60 and 2 days: mean 25.5, median (10 + 30) / 2 = 20.
    const a = r.all;
    expect([a.leads, a.toOpportunity, a.toCustomer, a.wonAmount, a.daysToCustomer, a.medianDaysToCustomer]).toEqual([
      8, 6, 4, 3800, 25.5, 20,
    ]);
  });

  it('groups by landing page and by the file’s own columns', async () => {
    expect(row(await quality('landing_page'))).toEqual([
      ['/pricing', 3, 3, 1, 1000, 10, 10], // L1 L3 L6
      ['/demo', 2, 2, 2, 800, 16, 16], // L2 (30) L7 (2)
      [null, 2, 1, 1, 2000, 60, 60], // L4 L8
      ['/events', 1, 0, 0, 0, null, null], // L5
    ]);
    expect(row(await quality('attr.UTM Medium'))).toEqual([
      ['cpc', 4, 4, 3, 1800, 14, 10], // L1 L2 L6 L7
      ['email', 2, 1, 0, 0, null, null], // L3 L5
      [null, 2, 1, 1, 2000, 60, 60], // L4 L8
    ]);
    const form = await quality('attr.Lead Form');
    expect(row(form)).toEqual([
      ['Demo', 4, 4, 3, 1800, 14, 10], // L1 L2 L6 L7
      ['Badge', 2, 1, 1, 2000, 60, 60], // L4 L5
      [null, 2, 1, 0, 0, null, null], // L3 L8
    ]);
    // No cost by a column spend is not booked by.
    expect(form.groups.every((g) => g.spend === null)).toBe(true);
  });

  it('falls back to source, and says why, for an attribute the leads do not carry', async () => {
    const r = await quality('attr.Colour');
    expect(r.by).toBe('source');
    expect(r.byNotice).toMatch(/carry no "Colour"/);
    expect(r.groups.map((g) => g.value)).toEqual(['Web', 'Event', 'Paid']); // Event and Paid tie at 2: by name
  });

  it('opens the leads and the won deals of a row of any attribute, equal to the row', async () => {
    const list = (attribute: string, key: string | null) =>
      analytics.leadList({
        period: 'all',
        fiscalStartMonth: 1,
        referenceDate: REF,
        target: { attribute: attribute as 'source', key },
      });
    const spring = await list('campaign', 'Spring');
    expect(spring.rows.map((r) => [r.lead, r.attribute])).toEqual([
      ['L1', 'Spring'],
      ['L2', 'Spring'],
      ['L3', 'Spring'],
      ['L7', 'Spring'],
    ]);
    expect(spring.attributeLabel).toBe('Campaign');
    expect(spring.totals).toMatchObject({ count: 4, converted: 4, customers: 3, wonAmount: 1800, spend: 400 });
    const blank = await list('attr.UTM Medium', null);
    expect(blank.rows.map((r) => r.lead)).toEqual(['L4', 'L8']);
    expect(blank.title).toMatch(/"UTM Medium" \(blank\)/);
    const badge = await list('attr.Lead Form', 'Badge');
    expect(badge.rows.map((r) => [r.lead, r.attribute])).toEqual([
      ['L4', 'Badge'],
      ['L5', 'Badge'],
    ]);
    // A source row shows source in its own column: no attribute column.
    expect((await list('source', 'Web')).attributeLabel).toBeNull();
    const deals = async (kind: string, key: string | null) =>
      analytics.drill({
        dashboard: { period: 'all', fiscalStartMonth: 1, referenceDate: REF },
        target: { kind: kind as 'leads-source', key },
      });
    const cpc = await deals('leads-attr.UTM Medium', 'cpc');
    expect(cpc.rows.map((r) => r.name).sort()).toEqual(['d1', 'd2', 'd7']);
    expect(cpc.totals.amount).toBe(1800);
    expect((await deals('leads-landing_page', null)).rows.map((r) => r.name)).toEqual(['d4']);
    expect((await deals('leads-campaign', 'Summit')).totals.amount).toBe(2000);
  });
});

describe('a column of many values', () => {
  let analytics: Analytics;
  // L01…L57 carry visitor ids V01…V57, L58–L60 none; L52 became a customer (D52, 250, 5 days).
  const n = (i: number) => String(i).padStart(2, '0');
  const leads = Array.from({ length: 60 }, (_, k) => {
    const i = k + 1;
    return `L${n(i)},2024-01-${n(1 + (k % 28))},Web,Open,false,,,A,C${n(i)},,,,,${i <= 57 ? `V${n(i)}` : ''}`;
  });
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, [
      csv('opportunities.csv', [
        OPP_HEAD,
        'D52,d52,A1,Acme,A,Closed Won,won,250,USD,2024-01-20,2024-01-29,1,closed,Web,New,P1,L52',
      ]),
      csv('leads.csv', [
        'lead_id,created_date,source,status,is_converted,converted_date,converted_opportunity_id,owner,company,country,state,campaign,landing_page,Visitor ID',
        ...leads,
      ]),
    ]);
  });

  it('shows the 50 largest groups and adds up the rest in "Other", whose leads and won deals open as one list', async () => {
    const r = await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'attr.Visitor ID' });
    // 58 groups: the blank one (3 leads) first, then V01…V57 (1 lead each) by value; shown: blank + V01…V49.
    expect(r.groups).toHaveLength(51);
    expect(r.groups.slice(0, 3).map((g) => [g.value, g.leads])).toEqual([
      [null, 3],
      ['V01', 1],
      ['V02', 1],
    ]);
    expect(r.groups[49]?.value).toBe('V49');
    const other = r.groups[50];
    // Other: V50…V57, 8 leads; L52 among them became a customer (250, 5 days after 2024-01-24).
    expect([other?.otherValues, other?.leads, other?.toCustomer, other?.wonAmount, other?.daysToCustomer]).toEqual([
      8, 8, 1, 250, 5,
    ]);
    expect(r.groups.reduce((s, g) => s + g.leads, 0)).toBe(r.all.leads);
    const list = await analytics.leadList({
      period: 'all',
      fiscalStartMonth: 1,
      target: { attribute: 'attr.Visitor ID', key: null, other: true },
    });
    expect(list.rows.map((x) => x.lead).sort()).toEqual(['L50', 'L51', 'L52', 'L53', 'L54', 'L55', 'L56', 'L57']);
    expect(list.totals).toMatchObject({ count: 8, customers: 1, wonAmount: 250 });
    expect(list.title).toMatch(/any other "Visitor ID" \(the 8 values beyond the 50 largest\)/);
    const won = await analytics.drill({
      dashboard: { period: 'all', fiscalStartMonth: 1 },
      target: { kind: 'leads-attr.Visitor ID', key: null, other: true },
    });
    expect(won.rows.map((x) => x.name)).toEqual(['d52']);
  });
});

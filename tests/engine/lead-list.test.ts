// The leads behind a lead-quality row or cohort (docs/leads.md, "The leads of a row") on the
// hand-worked lead funnel (tests/engine/helpers/leadFunnel.ts): every expected value below is read
// off the fixture by hand, in the comments.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LeadListRequest, LeadListTarget } from '../../src/features/leads/contract';
import type { Analytics } from '../../workers/analytics/Analytics';
import { loadFiles, openAnalytics } from './helpers/engine';
import { csv, LEAD_HEAD, LEADS, OPP_HEAD, OPPS, REPS } from './helpers/leadFunnel';

let analytics: Analytics;
const SPEND = csv('spend.csv', ['period_start,period_end,channel,amount', '2024-01-01,2024-03-31, WEB ,500']);

const list = (target: LeadListTarget, more: Partial<LeadListRequest> = {}) =>
  analytics.leadList({ period: 'all', fiscalStartMonth: 1, target, ...more });

describe('the leads of a lead-quality row', () => {
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, [
      csv('opportunities.csv', [OPP_HEAD, ...OPPS]),
      csv('leads.csv', [LEAD_HEAD, ...LEADS]),
      REPS,
      SPEND,
    ]);
  });

  it('lists the Web leads: count, converted, customers and revenue equal to the row (by hand)', async () => {
    const web = await list({ attribute: 'source', key: 'Web' });
    // Web: L1 L3 L5 L7 L8. Converted: L1 (D1, D3), L3 (D5), L5 (D8). Customers: L1 (D1 + D3 = 200), L5 (D8 = 100).
    expect(web.totals).toEqual({ count: 5, converted: 3, customers: 2, wonAmount: 300, unpriced: 0, spend: 500, matched: 5 });
    expect(web.referenceDate).toBe('2024-05-10');
    expect(web.title).toBe('Leads with source Web created at any time');
    // Default order: created, oldest first.
    expect(
      web.rows.map((r) => [
        r.lead,
        r.created,
        r.converted,
        r.customer,
        r.deal,
        r.deal_stage,
        r.deal_amount,
        r.won_amount,
        r.deals,
      ]),
    ).toEqual([
      ['L1', '2024-01-02', true, true, 'D1', 'Closed Won', 100, 200, 2], // first won deal: D1 (closed 01-31, before D3's 03-15)
      ['L3', '2024-01-18', true, false, 'D5', 'Closed Lost', 100, 0, 1],
      ['L7', '2024-02-25', false, false, null, null, null, 0, 0],
      ['L5', '2024-03-28', true, true, 'D8', 'Closed Won', 100, 100, 1],
      ['L8', '2024-03-30', false, false, null, null, null, 0, 0],
    ]);
    expect(web.rows[0]).toMatchObject({
      company: 'Acme',
      owner: 'A',
      country: 'US',
      state: 'NY',
      status: 'Converted',
      file: 'leads.csv',
      line: 2,
    });
    const row = (await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'source' })).groups.find(
      (g) => g.value === 'Web',
    );
    expect([row?.leads, row?.toOpportunity, row?.toCustomer, row?.wonAmount]).toEqual([5, 3, 2, 300]);
  });

  it('names a converted deal from the lead side, and a deal closed before its lead is not a customer’s', async () => {
    const event = await list({ attribute: 'source', key: 'Event' });
    // L2 names D2 (won 02-20, after 01-15); L6's D6 closed 02-05, before L6 was created on 02-10.
    expect(event.totals).toMatchObject({ count: 2, converted: 2, customers: 1, wonAmount: 100, spend: null });
    expect(event.rows.map((r) => [r.lead, r.customer, r.deal])).toEqual([
      ['L2', true, 'D2'],
      ['L6', false, 'D6'],
    ]);
    const partner = await list({ attribute: 'source', key: 'Partner' });
    expect(partner.rows.map((r) => [r.lead, r.converted, r.customer, r.deal, r.deal_stage])).toEqual([
      ['L4', true, false, 'D7', 'Proposal'],
    ]);
  });

  it('follows the period, the lead filters, and opens owners, states and cohorts', async () => {
    // In 2024-03 the Web leads are L5 and L8; owner B's Web leads are L5, L7, L8.
    expect((await list({ attribute: 'source', key: 'Web' }, { period: '2024-03' })).rows.map((r) => r.lead)).toEqual([
      'L5',
      'L8',
    ]);
    const b = await list({ attribute: 'source', key: 'Web' }, { filters: { owner: ['B'] } });
    expect(b.rows.map((r) => r.lead)).toEqual(['L7', 'L5', 'L8']);
    expect(b.totals).toMatchObject({ count: 3, converted: 1, customers: 1, wonAmount: 100 });
    // State NY: L1 L2 L3 — converted all three, customers L1 and L2 (200 + 100).
    expect((await list({ attribute: 'state', key: 'NY' })).totals).toMatchObject({
      count: 3,
      converted: 3,
      customers: 2,
      wonAmount: 300,
    });
    // Cohort 2024-02: L6 (converted, not a customer) and L7.
    const feb = await list({ attribute: 'month', key: '2024-02' });
    expect(feb.rows.map((r) => r.lead)).toEqual(['L6', 'L7']);
    expect(feb.totals).toMatchObject({ count: 2, converted: 1, customers: 0, wonAmount: 0 });
    expect((await list({ attribute: 'month', key: null })).totals.count).toBe(0);
    const product = list({ attribute: 'source', key: 'Web' }, { filters: { product: ['P1'] } });
    await expect(product).rejects.toThrow(/not split by product/);
  });

  it.each([undefined, '2024-02-15'])(
    'every row of every grouping and every cohort lists exactly its leads (as of %s)',
    async (ref) => {
      const at = ref ? { referenceDate: ref } : {};
      for (const by of ['source', 'owner', 'country', 'state'] as const) {
        const q = await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by, ...at });
        for (const g of q.groups) {
          const t = (await list({ attribute: by, key: g.value }, at)).totals;
          expect([t.count, t.converted, t.customers, t.wonAmount], `${by} ${g.value}`).toEqual([
            g.leads,
            g.toOpportunity,
            g.toCustomer,
            g.wonAmount,
          ]);
        }
        for (const c of q.cohorts) {
          const t = (await list({ attribute: 'month', key: c.month }, at)).totals;
          expect([t.count, t.converted, t.customers], c.month).toEqual([c.leads, c.toOpportunity, c.toCustomer]);
        }
      }
    },
  );

  it('dates the outcomes at the link’s reference date (2024-02-15, by hand)', async () => {
    const referenceDate = '2024-02-15';
    const q = await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'source', referenceDate });
    // Web: L1 (marked 01-10, D1 won 01-31) and L3 (marked 01-20) converted; L5's mark and deal are of April.
    // Event: L2 marked 02-01 (D2 won only on 02-20), L6's D6 created 01-25. Partner: L4's mark and deal are of March.
    expect(q.groups.map((g) => [g.value, g.leads, g.toOpportunity, g.toCustomer, g.wonAmount])).toEqual([
      ['Web', 5, 2, 1, 100],
      ['Event', 2, 2, 0, 0],
      ['Partner', 1, 0, 0, 0],
    ]);
    const web = await list({ attribute: 'source', key: 'Web' }, { referenceDate });
    expect(web.totals).toMatchObject({ count: 5, converted: 2, customers: 1, wonAmount: 100 });
    // L1's D3 was created on the reference date: it is already L1's deal, not yet won.
    expect(web.rows.map((r) => [r.lead, r.converted, r.customer, r.deal, r.deals, r.won_amount])).toEqual([
      ['L1', true, true, 'D1', 2, 100],
      ['L3', true, false, 'D5', 1, 0],
      ['L7', false, false, null, 0, 0],
      ['L5', false, false, null, 0, 0],
      ['L8', false, false, null, 0, 0],
    ]);
    const partner = await list({ attribute: 'source', key: 'Partner' }, { referenceDate });
    expect(partner.totals).toMatchObject({ count: 1, converted: 0 });
  });

  it('sorts, filters by text and pages in the engine', async () => {
    const web = { attribute: 'source', key: 'Web' } as const;
    const byAmount = await list(web, { sort: { column: 'won_amount', desc: true } });
    expect(byAmount.rows.map((r) => r.lead)).toEqual(['L1', 'L5', 'L3', 'L7', 'L8']); // 200, 100, then 0s in file order
    // "eta" is in the companies Beta (L3), Zeta (L7) and Eta (L8).
    const eta = await list(web, { search: 'ETA' });
    expect(eta.totals).toMatchObject({ count: 5, matched: 3 });
    expect(eta.rows.map((r) => r.company)).toEqual(['Beta', 'Zeta', 'Eta']);
    const pages = [
      await list(web, { limit: 2 }),
      await list(web, { limit: 2, offset: 2 }),
      await list(web, { limit: 2, offset: 4 }),
    ];
    expect(pages.flatMap((p) => p.rows.map((r) => r.lead))).toEqual(['L1', 'L3', 'L7', 'L5', 'L8']);
    expect(pages[2]?.offset).toBe(4);
  });
});

describe('won revenue in several currencies', () => {
  it('is not summed on the screen nor in the lead list, and says why', async () => {
    const mixed = await openAnalytics();
    // D8 (L5's won deal) in euros: the Web row's revenue would add dollars to euros.
    const opps = OPPS.map((line) => (line.startsWith('D8,') ? line.replace(',USD,', ',EUR,') : line));
    await loadFiles(mixed, [csv('opportunities.csv', [OPP_HEAD, ...opps]), csv('leads.csv', [LEAD_HEAD, ...LEADS]), REPS]);
    const q = await mixed.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'source' });
    expect(q.revenueMixed).toMatch(/EUR, USD/);
    const web = await mixed.leadList({ period: 'all', fiscalStartMonth: 1, target: { attribute: 'source', key: 'Web' } });
    expect(web.totals).toMatchObject({ count: 5, converted: 3, customers: 2, wonAmount: null, unpriced: 0 });
    const one = await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'source' });
    expect(one.revenueMixed).toBeNull();
  });
});

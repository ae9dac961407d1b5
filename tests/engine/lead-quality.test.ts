// The lead-quality screen's numbers on the hand-worked lead funnel (tests/engine/helpers/leadFunnel.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { LeadQualityResult } from '../../src/features/leads/contract';
import type { Analytics } from '../../workers/analytics/Analytics';
import { loadFiles, openAnalytics } from './helpers/engine';
import { csv, LEAD_HEAD, LEADS, OPP_HEAD, OPPS, REPS } from './helpers/leadFunnel';

let analytics: Analytics;
const SPEND = csv('spend.csv', ['period_start,period_end,channel,amount', '2024-01-01,2024-03-31,web,500']);

describe('lead quality', () => {
  let all: LeadQualityResult;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, [
      csv('opportunities.csv', [OPP_HEAD, ...OPPS]),
      csv('leads.csv', [LEAD_HEAD, ...LEADS]),
      REPS,
      SPEND,
    ]);
    all = await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'source' });
  });

  it('groups leads by source: to opportunity, to customer, revenue, days, spend', () => {
    expect(all.referenceDate).toBe('2024-05-10'); // D8's close, the latest date in the deals
    expect(all.unavailable).toBeNull();
    expect(all.outcomesMissing).toBeNull();
    expect(all.groups).toEqual([
      // Web: L1 L3 L5 L7 L8; to opportunity L1 L3 L5; customers L1 (29 days, D1+D3 = 200) and L5 (43 days, 100).
      {
        value: 'Web',
        leads: 5,
        toOpportunity: 3,
        toCustomer: 2,
        wonAmount: 300,
        wonUnpriced: 0,
        daysToCustomer: 36,
        medianDaysToCustomer: 36,
        spend: 500,
      },
      // Event: L2 (its converted deal D2, 36 days) and L6 (its deal closed before it existed: not a customer).
      {
        value: 'Event',
        leads: 2,
        toOpportunity: 2,
        toCustomer: 1,
        wonAmount: 100,
        wonUnpriced: 0,
        daysToCustomer: 36,
        medianDaysToCustomer: 36,
        spend: null,
      },
      {
        value: 'Partner',
        leads: 1,
        toOpportunity: 1,
        toCustomer: 0,
        wonAmount: 0,
        wonUnpriced: 0,
        daysToCustomer: null,
        medianDaysToCustomer: null,
        spend: null,
      },
    ]);
  });

  it('cohorts by creation month, with their age at the reference date', () => {
    expect(
      all.cohorts.map(({ month, leads, toOpportunity, toCustomer, ageDays }) => [
        month,
        leads,
        toOpportunity,
        toCustomer,
        ageDays,
      ]),
    ).toEqual([
      ['2024-01', 3, 3, 2, 100], // L1 L2 L3; Jan 31 → May 10
      ['2024-02', 2, 1, 0, 71], // L6 L7; Feb 29 → May 10
      ['2024-03', 3, 2, 1, 40], // L4 L5 L8
    ]);
  });

  it('offers no score on three conversions, and says why', () => {
    expect(all.windowDays).toBeNull();
    expect(all.scoreReason).toMatch(/Fewer than 5 leads became customers/);
    expect(all.ranked).toEqual([]);
    expect(all.openLeads).toBe(2); // L7 and L8
  });

  it('follows the period and the owner filter', async () => {
    const feb = await analytics.leadQuality({ period: '2024-02', fiscalStartMonth: 1, by: 'owner' });
    expect(feb.groups.map((g) => [g.value, g.leads, g.toOpportunity])).toEqual([
      ['A', 1, 1],
      ['B', 1, 0],
    ]);
    const b = await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'source', filters: { owner: ['B'] } });
    expect(b.groups.reduce((n, g) => n + g.leads, 0)).toBe(4); // L4 L5 L7 L8
    const product = await analytics.leadQuality({
      period: 'all',
      fiscalStartMonth: 1,
      by: 'source',
      filters: { product: ['P1'] },
    });
    expect(product.unavailable).toMatch(/not split by product/);
  });

  it('opens each row’s won deals, adding up to its won revenue (by hand: Web D1 D3 D8, Event D2)', async () => {
    const drill = (key: string | null, more: { period?: string; owner?: string[] } = {}) =>
      analytics.drill({
        dashboard: {
          period: more.period ?? 'all',
          fiscalStartMonth: 1,
          ...(more.owner ? { filters: { owner: more.owner } } : {}),
        },
        target: { kind: 'leads-source', key },
      });
    const web = await drill('Web');
    expect(web.rows.map((r) => r.name).sort()).toEqual(['d1', 'd3', 'd8']);
    expect(web.totals.amount).toBe(all.groups.find((g) => g.value === 'Web')?.wonAmount);
    const event = await drill('Event'); // D6 closed before L6 existed: not a customer's deal
    expect(event.rows.map((r) => r.name)).toEqual(['d2']);
    expect(event.totals.amount).toBe(100);
    expect((await drill('Partner')).totals.count).toBe(0);
    // Period = the leads' creation: in 2024-03 only L5 (Web) became a customer (D8).
    expect((await drill('Web', { period: '2024-03' })).rows.map((r) => r.name)).toEqual(['d8']);
    // The filter applies to the leads' owner: B's Web leads are L5 (D8) and L7, L8 — D3 (owner B, L1's) is not one.
    expect((await drill('Web', { owner: ['B'] })).rows.map((r) => r.name)).toEqual(['d8']);
    const byOwner = await analytics.leadQuality({ period: 'all', fiscalStartMonth: 1, by: 'owner' });
    for (const g of byOwner.groups) {
      const d = await analytics.drill({
        dashboard: { period: 'all', fiscalStartMonth: 1 },
        target: { kind: 'leads-owner', key: g.value },
      });
      expect(d.totals.amount, String(g.value)).toBe(g.wonAmount);
    }
  });
});

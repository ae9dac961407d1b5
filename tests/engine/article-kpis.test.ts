// The article's own definitions (docs/kpis.md): win rate from the lead pool and the sales cycle
// from lead to customer, on a small data set worked out by hand (arithmetic in the comments).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRequest, DashboardResult, KpiId } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { loadFiles, openAnalytics } from './helpers/engine';

import { csv, LEAD_HEAD, LEADS, OPP_HEAD, OPPS, REPS } from './helpers/leadFunnel';

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

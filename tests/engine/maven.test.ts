// The Maven CRM export, loaded as a user drops it, gives the published reference values.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, loadFiles, openAnalytics } from './helpers/engine';

const MAVEN = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`));
const dashboard = (a: Analytics, period: string) => a.dashboard({ period, fiscalStartMonth: 1 });

describe('Maven CRM export', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  it('recognizes all four files with their presets, without asking', async () => {
    const proposal = await analytics.stageFiles(MAVEN);
    expect(proposal.needsReview).toBe(false);
    expect(proposal.plan.mappings.map((m) => m.presetId)).toEqual([
      'maven-pipeline',
      'maven-teams',
      'maven-accounts',
      'maven-products',
    ]);
  });

  it('reconciles every file: rows read = loaded + rejected + skipped', async () => {
    const result = await loadFiles(analytics, MAVEN);
    const pipeline = result.files.find((f) => f.fileName === 'sales_pipeline.csv');
    expect(pipeline).toMatchObject({ rowsRead: 8800, rowsLoaded: 8800, rowsRejected: 0, rowsSkipped: 0 });
    for (const f of result.files) expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsRejected + f.rowsSkipped);
    expect(result.files.map((f) => f.rowsLoaded)).toEqual([8800, 35, 85, 7]);
  });

  it('gives the all-time reference KPIs', async () => {
    const all = await dashboard(analytics, 'all');
    expect(kpi(all, 'won_count')).toBe(4238);
    expect(kpi(all, 'won_amount')).toBe(10_005_534);
    expect(kpi(all, 'win_rate')).toBeCloseTo(4238 / 6711, 12);
    expect((kpi(all, 'win_rate') ?? 0) * 100).toBeCloseTo(63.15, 3);
    expect(kpi(all, 'avg_deal_size')).toBeCloseTo(2360.91, 2);
    expect(kpi(all, 'avg_sales_cycle_days')).toBeCloseTo(51.78, 2);
  });

  it('values open deals at product list price, matching GTXPro to "GTX Pro"', async () => {
    const all = await dashboard(analytics, 'all');
    expect(kpi(all, 'open_pipeline')).toBe(4_966_215);
    expect(all.kpis.find((k) => k.id === 'open_pipeline')?.note).toContain('2089 open deals valued at product list price');
  });

  it.each([
    ['2017-Q1', 1_134_672, 531, 0.8207],
    ['2017-Q2', 3_086_111, 1254, 0.6171],
    ['2017-Q3', 2_982_255, 1257, 0.6141],
    ['2017-Q4', 2_802_496, 1196, 0.6025],
  ])('gives the reference figures for %s', async (period, amount, count, winRate) => {
    const q = await dashboard(analytics, period);
    expect(kpi(q, 'won_amount')).toBe(amount);
    expect(kpi(q, 'won_count')).toBe(count);
    expect(kpi(q, 'win_rate')).toBeCloseTo(winRate, 4);
  });

  it('charts 2017 by month and the whole history by quarter, summing to the won amount', async () => {
    const year = await dashboard(analytics, '2017');
    expect(year.bookings).toHaveLength(12);
    expect(year.bookings.reduce((s, b) => s + b.wonAmount, 0)).toBe(10_005_534);
    const all = await dashboard(analytics, 'all');
    expect(all.grain).toBe('quarter');
    expect(all.bookings.map((b) => b.label)).toEqual(['2017 Q1', '2017 Q2', '2017 Q3', '2017 Q4']);
    expect(all.extent.referenceDate).toBe('2017-12-31');
  });

  it('reads the Excel M/D/YYYY variant to exactly the same KPIs', async () => {
    const variant = fixture('maven-crm/sales_pipeline_MDY_dates_kisaraF.csv');
    await loadFiles(analytics, [variant, ...MAVEN.slice(1)]);
    const all = await dashboard(analytics, 'all');
    expect(kpi(all, 'won_amount')).toBe(10_005_534);
    expect(kpi(all, 'avg_sales_cycle_days')).toBeCloseTo(51.78, 2);
    const q3 = await dashboard(analytics, '2017-Q3');
    expect(kpi(q3, 'won_amount')).toBe(2_982_255);
  });
});

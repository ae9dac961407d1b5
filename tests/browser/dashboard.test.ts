// The built site in real Chromium, served under /portal/sales/: the demo, the Maven
// drop with its reference KPIs, the period link, and no request leaving the origin.
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const maven = (file: string) => path.resolve(import.meta.dirname, '../fixtures/maven-crm', file);
const MAVEN_FILES = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map(maven);

describe('pipelens in the browser', () => {
  const sessions = useBrowserSessions();

  it('opens on the demo data with every KPI tile and the bookings chart drawn', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(siteUrl);
    await waitForReady(page);
    for (const id of ['won_amount', 'won_count', 'win_rate', 'avg_deal_size', 'avg_sales_cycle_days', 'open_pipeline']) {
      const value = await tileValue(page, id);
      expect(value, id).not.toBeNull();
      expect(Number.isFinite(value), id).toBe(true);
    }
    expect(await tileValue(page, 'won_count')).toBeGreaterThan(100);
    expect(await page.locator('[data-testid="bookings-chart"] rect.bar').count()).toBeGreaterThan(4);

    // The first paint may come from the build; once the engine in this tab has the demo, it
    // answers the same view with the same figures.
    const painted = await tileValue(page, 'won_amount');
    // No period in the link: the page shows the fiscal quarter of the demo's reference date.
    const shown = await page.getAttribute('[data-state]', 'data-period');
    expect(shown).toMatch(/^\d{4}-Q[1-4]$/);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    const refreshed = async () => Number(await page.getAttribute('[data-refreshed]', 'data-refreshed'));
    for (const period of ['2024', shown ?? '']) {
      const before = await refreshed();
      await page.selectOption('[data-testid="period-select"]', period);
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-refreshed]')?.getAttribute('data-refreshed')) > n,
        before,
      );
    }
    expect(await tileValue(page, 'won_amount')).toBe(painted);
  });

  it('shows the Maven reference KPIs after the four files are dropped', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES);
    await waitForReady(page);
    expect(await tileValue(page, 'won_amount')).toBe(10_005_534);
    expect(await tileValue(page, 'won_count')).toBe(4238);
    expect(((await tileValue(page, 'win_rate')) ?? 0) * 100).toBeCloseTo(63.15, 3);
    expect(await tileValue(page, 'avg_deal_size')).toBeCloseTo(2360.91, 2);
    expect(await tileValue(page, 'avg_sales_cycle_days')).toBeCloseTo(51.78, 2);
    expect(await tileValue(page, 'open_pipeline')).toBe(4_966_215);
    await expect(page.locator('[data-kpi="won_amount"] .value').textContent()).resolves.toBe('$10,005,534');
  });

  it('opens #period=2017-Q3 on the Q3 figures and keeps the period in the hash when changed', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=dashboard&period=2017-Q3`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES);
    await waitForReady(page);
    expect(await tileValue(page, 'won_amount')).toBe(2_982_255);
    expect(await tileValue(page, 'won_count')).toBe(1257);
    expect(await tileValue(page, 'win_rate')).toBeCloseTo(0.6141, 4);
    await page.selectOption('[data-testid="period-select"]', '2017-Q1');
    await page.waitForFunction(() => document.querySelector('[data-kpi="won_count"]')?.getAttribute('data-value') === '531');
    expect(await page.evaluate(() => location.hash)).toContain('period=2017-Q1');
    expect(await tileValue(page, 'won_amount')).toBe(1_134_672);
  });

  it('asks for a mapping when a layout is unknown, and loads it after apply-mapping', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#period=all`);
    await waitForReady(page);
    const csv = [
      'Deal Ref,Client,Deal Value,Stage,Opened,Expected close',
      'A1,Acme,"$1,200.50",Closed Won,2024-01-05,2024-02-01',
      'A2,Beta,800,Closed Lost,2024-01-10,2024-02-15',
      'A3,Gamma,500,Proposal,2024-02-01,2024-03-30',
    ].join('\n');
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'odd export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    ]);
    await page.waitForSelector('[data-testid="apply-mapping"]');
    // "Deal Ref" is not a known id header: the user picks it.
    await page.selectOption('select[aria-label="Column for opportunity_id"]', 'Deal Ref');
    await page.click('[data-testid="apply-mapping"]');
    await waitForReady(page);
    expect(await tileValue(page, 'won_amount')).toBe(1200.5);
    expect(await tileValue(page, 'win_rate')).toBe(0.5);
    expect(await tileValue(page, 'open_pipeline')).toBe(500);
  });
});

// Issue 13 on the built page: money in the data's currency (the German Pipedrive export is all
// EUR), the marketing-funnel pair loaded with one confirmation, and "not available" on tiles
// whose input column the files lack (docs/currency.md, docs/recognition.md, docs/kpis.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const PIPEDRIVE_DE = path.join(FIXTURES, 'crm/pipedrive/deals-de.csv');
const LEADS = path.join(FIXTURES, 'funnel/mql_leads.csv');
const DEALS = path.join(FIXTURES, 'funnel/closed_deals.csv');

/** Plain-JS count of the pair: leads a deal names ÷ leads. */
function funnelRatio(): number {
  const ids = (file: string) =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
  const leads = ids(LEADS);
  const named = new Set(ids(DEALS).filter((id) => leads.includes(id)));
  return named.size / leads.length;
}

describe('currency, content recognition and "not available" in the page', () => {
  const sessions = useBrowserSessions();

  it('shows the German Pipedrive export in euros: tiles, axis ticks, settings', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all&loc=de-DE`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', PIPEDRIVE_DE);
    await page.waitForSelector('[data-testid="currency-origin"][data-currency="EUR"]', { state: 'attached' });
    await waitForReady(page);
    const won = await page.locator('[data-kpi="won_amount"] .value').textContent();
    expect(won).toContain('€');
    expect(won).not.toContain('$');
    const ticks = await page.locator('[data-testid="bookings-chart"] text').allTextContents();
    expect(ticks.some((t) => t.includes('€'))).toBe(true);
    expect(ticks.join(' ')).not.toMatch(/\$|\dG\b/);
    // Percentages follow the display locale too (loc=de-DE): a decimal comma and a spaced %, not en-US.
    const winRate = (await page.locator('[data-kpi="win_rate"] .value').textContent()) ?? '';
    expect(winRate).toMatch(/^\d+,\d\s%$/u);
    const rateValue = await tileValue(page, 'win_rate');
    expect(winRate.replace(/\s%$/u, '').replace(',', '.')).toBe(((rateValue ?? Number.NaN) * 100).toFixed(1));
    // The data names its currency: no setting can relabel it.
    expect(await page.locator('[data-testid="currency-setting"]').count()).toBe(0);
    // The deals behind the won amount read in the same currency (the drill used the link's, else USD).
    await page.evaluate(() => (location.hash = '#view=dashboard&period=all&loc=de-DE&drill=kpi:won_amount'));
    await page.waitForSelector('[data-testid="drill"]');
    const totals = page.locator('.drill-totals');
    expect(await totals.textContent()).toContain('€');
    expect(await totals.textContent()).not.toContain('$');
    const cells = await page.locator('[data-testid="drill"] td').allTextContents();
    expect(cells.some((c) => c.includes('€'))).toBe(true);
    expect(cells.join(' ')).not.toContain('$');
  });

  it('loads the marketing-funnel pair with one confirmation: lead → opportunity, money not available', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', [LEADS, DEALS]);
    await page.waitForSelector('[data-testid="apply-mapping"]');
    expect(await page.locator('article[data-file="closed_deals.csv"] [data-testid="content-id"]').count()).toBe(1);
    expect(await page.locator('article[data-file="closed_deals.csv"]').getAttribute('data-table')).toBe('opportunities');
    expect(await page.locator('article[data-file="mql_leads.csv"]').getAttribute('data-table')).toBe('leads');
    await page.click('[data-testid="apply-mapping"]');
    await page.waitForSelector('[data-kpi="lead_to_opportunity_ratio"]:not([data-value=""])');
    await waitForReady(page);
    expect(await tileValue(page, 'lead_to_opportunity_ratio')).toBeCloseTo(funnelRatio(), 12);
    expect(await tileValue(page, 'won_amount')).toBeNull();
    await expect(page.locator('[data-kpi="won_amount"] .reason').textContent()).resolves.toMatch(/amount/);
    // No bookings chart of zeros: the chart's place says why.
    expect(await page.locator('[data-testid="bookings-chart"]').count()).toBe(0);
    await expect(page.locator('[data-testid="bookings-na"]').textContent()).resolves.toMatch(/not available/);
  });

  it('a leads file whose conversion flag was not understood: the tile says why, not 0.0 %', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    const leads = ['lead_id,created_date,source,Became customer?', 'L1,2024-01-05,Web,Yep', 'L2,2024-01-20,Web,Nope'].join('\n');
    const deals = [
      'opportunity_id,account_name,owner,stage,amount,created_date,close_date',
      'O1,Acme,Ann,Won,1000,2024-01-01,2024-02-01',
      'O2,Beta,Bob,Lost,500,2024-01-03,2024-02-03',
    ].join('\n');
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(leads) },
      { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(deals) },
    ]);
    const apply = page.locator('[data-testid="apply-mapping"]');
    await Promise.race([apply.waitFor(), page.waitForSelector('[data-kpi="won_amount"][data-value="1000"]')]);
    if ((await apply.count()) > 0) await apply.click();
    await page.waitForSelector('[data-kpi="won_amount"][data-value="1000"]');
    await waitForReady(page);
    expect(await tileValue(page, 'lead_to_opportunity_ratio')).toBeNull();
    await expect(page.locator('[data-kpi="lead_to_opportunity_ratio"] .reason').textContent()).resolves.toMatch(/conversion/);
  });

  it("exports name the user's currency when the data names none, and no invented one without a choice", async () => {
    const deals = [
      'opportunity_id,account_name,owner,stage,amount,created_date,close_date',
      'O1,Acme,Ann,Won,1000,2024-01-01,2024-02-01',
      'O2,Beta,Bob,Won,2500,2024-01-03,2024-02-03',
      'O3,Beta,Bob,Lost,500,2024-01-04,2024-02-04',
    ].join('\n');
    const headerOf = async (page: Page, scope: string): Promise<string> => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`${scope} [data-export="csv"]`)]);
      return readFileSync(await file.path(), 'utf8').split('\r\n')[0] ?? '';
    };
    for (const [hash, unit] of [
      ['&cur=CHF', ' (CHF)'],
      ['', ''],
    ] as const) {
      const { page } = await sessions.open(siteUrl);
      await page.goto(`${siteUrl}#view=dashboard&period=all${hash}`);
      await waitForReady(page);
      await page.setInputFiles('[data-testid="file-input"]', [
        { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(deals) },
      ]);
      const apply = page.locator('[data-testid="apply-mapping"]');
      await Promise.race([apply.waitFor(), page.waitForSelector('[data-kpi="won_amount"][data-value="3500"]')]);
      if ((await apply.count()) > 0) await apply.click();
      await page.waitForSelector('[data-kpi="won_amount"][data-value="3500"]');
      await waitForReady(page);
      if (unit) expect(await page.locator('[data-kpi="won_amount"] .value').textContent()).toContain('CHF');
      expect(await headerOf(page, '[data-export-panel="leaderboard"]')).toContain(
        `Won amount${unit},Won,Win rate,Open pipeline${unit}`,
      );
      expect(await headerOf(page, '[aria-label^="Export Bookings"]')).toBe(`bucket_start,label,won_amount${unit},won_count`);
    }
  });
});

// The dashboard's views in real Chromium on the Maven export: cross-filtering from a bar and
// from a leaderboard row, one action clearing every filter, period comparison on the tiles and
// the bookings chart, the data table behind each chart, and SVG snapshots of the charts.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, tileValue, waitForReady, type Session } from './setup/browser';

const siteUrl = inject('siteUrl');
const maven = (file: string) => path.resolve(import.meta.dirname, '../fixtures/maven-crm', file);
const MAVEN_FILES = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map(maven);

/** Waits until the dashboard applied an answer newer than `after` (the root's data-refreshed counter). */
async function refreshedAfter(page: Page, after: number): Promise<void> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-refreshed]')?.getAttribute('data-refreshed')) > n,
    after,
  );
}
const refreshes = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[data-refreshed]')?.getAttribute('data-refreshed')));
async function act(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = await refreshes(page);
  await action();
  await refreshedAfter(page, before);
}

/** Back to all time, no filters, default variants (a hash change re-reads the view state). */
async function reset(page: Page): Promise<void> {
  const target = '#view=dashboard&period=all';
  if ((await page.evaluate(() => location.hash)) === target) return;
  await act(page, () => page.evaluate((h) => (location.hash = h), target));
}

describe('dashboard views in the browser (Maven CRM)', () => {
  let browser: Browser;
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openPage(browser, siteUrl);
    page = session.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    await act(page, () => page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES));
    await waitForReady(page);
  });
  afterAll(async () => {
    const problems = session.problems;
    await session.close();
    await browser.close();
    expect(problems).toEqual([]);
  });

  it('cross-filters every view from a bar, and clears every filter with one action', async () => {
    await reset(page);
    expect(await tileValue(page, 'won_amount')).toBe(10_005_534);
    await act(page, () => page.click('[data-testid="chart-win-rate"] g.hbar[data-key="West"]'));
    expect(await tileValue(page, 'won_amount')).toBe(3_568_647);
    expect(await page.evaluate(() => location.hash)).toContain('f.region=West');
    // Every view follows: the segment table now has West alone.
    const segments = await page
      .locator('[data-testid="chart-win-rate"] details.data-table tbody tr td:first-child')
      .allTextContents();
    expect(segments).toEqual(['West']);
    await act(page, () => page.click('[data-testid="clear-filters"]'));
    expect(await tileValue(page, 'won_amount')).toBe(10_005_534);
    expect(await page.evaluate(() => location.hash)).not.toContain('f.');
  });

  it('cross-filters from a leaderboard row with the keyboard', async () => {
    await reset(page);
    expect(await page.locator('[data-testid="leaderboard"] tbody tr').first().getAttribute('data-key')).toBe('Darcel Schlecht');
    await act(page, async () => {
      await page.focus('[data-testid="leaderboard"] tbody tr[data-key="Darcel Schlecht"]');
      await page.keyboard.press('Enter');
    });
    expect(await tileValue(page, 'won_amount')).toBe(1_153_214);
    expect(await tileValue(page, 'won_count')).toBe(349);
  });

  it('switches a KPI variant from its tile and prints the definition under it', async () => {
    await reset(page);
    // The variant menu sits behind the tile's disclosure (a calm tile shows value, delta and trend).
    await page.click('[data-kpi="avg_deal_size"] summary');
    await act(page, () => page.selectOption('[data-kpi="avg_deal_size"] select', 'median'));
    expect(await tileValue(page, 'avg_deal_size')).toBe(1117);
    await expect(page.locator('[data-kpi="avg_deal_size"] .definition').textContent()).resolves.toContain('median');
    expect(await page.evaluate(() => location.hash)).toContain('k.avg_deal_size=median');
    await act(page, () => page.selectOption('[data-kpi="avg_deal_size"] select', 'default'));
  });

  it('compares the period with the previous one and with a year earlier', async () => {
    await reset(page);
    await act(page, () => page.selectOption('[data-testid="period-select"]', '2017-Q3'));
    expect(await tileValue(page, 'won_amount')).toBe(2_982_255);
    // Q2 2017 was $3,086,111: Q3 is 3.4 % lower.
    await expect(page.locator('[data-kpi="won_amount"] .delta').first().textContent()).resolves.toBe('▼ 3.4% vs previous period');
    const compare = await page
      .locator('[data-testid="bookings-chart"] rect.compare')
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-compare'))));
    expect(compare.reduce((a, b) => a + b, 0)).toBe(3_086_111);
    await act(page, () => page.selectOption('[data-testid="comparison"]', 'year_ago'));
    const yearAgo = await page
      .locator('[data-testid="bookings-chart"] rect.compare')
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-compare'))));
    expect(yearAgo).toEqual([0, 0, 0]); // Maven starts in 2016-10: nothing closed in Q3 2016
    await act(page, () => page.selectOption('[data-testid="comparison"]', 'previous'));
  });

  it('has a data table behind every chart, with the numbers the chart draws', async () => {
    await reset(page);
    await act(page, () => page.selectOption('[data-testid="period-select"]', '2017-Q3'));
    const figures = page.locator('figure.chart');
    const count = await figures.count();
    expect(count).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < count; i++) {
      const fig = figures.nth(i);
      const hasTable = (await fig.locator('details.data-table table').count()) + (await fig.locator(':scope > table').count());
      const unavailable = await fig.locator('.reason').count();
      expect(hasTable + unavailable, (await fig.locator('figcaption').textContent()) ?? '').toBeGreaterThan(0);
    }
    const segRows = await page.locator('[data-testid="chart-win-rate"] details.data-table tbody tr').allTextContents();
    expect(segRows.length).toBe(3);
    await act(page, () => page.selectOption('[data-testid="period-select"]', 'all'));
    const rows = await page
      .locator('[data-testid="chart-win-rate"] details.data-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.find((r) => r[0] === 'West')?.[4]).toBe('$3,568,647');
  });

  it('draws the charts as deterministic SVG', async () => {
    await reset(page);
    for (const id of ['chart-win-rate', 'chart-funnel', 'bookings-chart']) {
      const svg = await page
        .locator(`[data-testid="${id}"] svg, svg[data-testid="${id}"]`)
        .first()
        .evaluate((el) => el.outerHTML);
      const normalized = svg.replace(/ class="svelte-[a-z0-9]+"/g, '').replace(/svelte-[a-z0-9]+/g, '');
      await expect(normalized).toMatchFileSnapshot(`./__snapshots__/${id}.svg`);
    }
  });
});

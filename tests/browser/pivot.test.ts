// The pivot in real Chromium on the demo: its grand totals equal the dashboard's tiles for the
// same period and filters, a cell's drill-through adds up to the cell, and the layout lives in
// the link (it survives a reload).
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const PIVOT = '[data-testid="pivot"]';

async function openHash(page: Page, hash: string): Promise<void> {
  await page.goto(`${siteUrl}#${hash}`);
  await waitForReady(page);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
}

/** Waits until the pivot shows this layout, read after the dashboard's latest refresh. */
async function pivotShown(page: Page, measure: string, rows: string, cols: string): Promise<void> {
  await page.waitForFunction(
    ([m, r, c]) => {
      const t = document.querySelector('[data-testid="pivot"]');
      const root = document.querySelector('[data-refreshed]');
      if (!t) return false;
      return (
        t.getAttribute('data-measure') === m &&
        t.getAttribute('data-rows') === r &&
        t.getAttribute('data-cols') === c &&
        t.getAttribute('data-busy') === 'false' &&
        t.getAttribute('data-refreshed') === root?.getAttribute('data-refreshed')
      );
    },
    [measure, rows, cols],
    { timeout: 60_000 },
  );
}

const num = (v: string | null) => (v === null || v === '' ? null : Number(v));
const grand = async (page: Page) => num(await page.getAttribute(`${PIVOT} td[data-r="-1"][data-c="-1"]`, 'data-value'));

describe('pivot in the browser', () => {
  const sessions = useBrowserSessions();

  it('grand totals equal the dashboard tiles for the same period and filters', async () => {
    const { page } = await sessions.open(siteUrl);
    const cases: [string, string, string][] = [
      ['won_amount', 'won_amount', 'period=2025'],
      ['won_count', 'won_count', 'period=2025&f.region=East'],
      ['win_rate', 'win_rate', 'period=2025-Q2'],
      ['cycle', 'avg_sales_cycle_days', 'period=all&f.product=Core%20Platform'],
      ['pipeline', 'open_pipeline', 'period=all'],
    ];
    await openHash(page, 'view=dashboard&period=2025');
    for (const [measure, tile, view] of cases) {
      await openHash(page, `view=dashboard&${view}`);
      const want = await tileValue(page, tile);
      expect(want, `${tile} ${view}`).not.toBeNull();
      await page.evaluate((h) => (location.hash = h), `view=pivot&${view}&pv.m=${measure}&pv.r=region&pv.c=quarter`);
      await pivotShown(page, measure, 'region', 'quarter');
      expect(await grand(page), `${measure} ${view}`).toBeCloseTo(want ?? NaN, 6);
    }
    // The pivot keeps the dashboard's filters but not its segment group-by and comparison, which it does not use.
    expect(await page.locator('[data-testid="filter-region"]').count()).toBe(1);
    expect(await page.locator('[data-testid="segment-by"]').count()).toBe(0);
    expect(await page.locator('[data-testid="comparison"]').count()).toBe(0);
    await openHash(page, 'view=dashboard&period=2025');
    expect(await page.locator('[data-testid="segment-by"]').count()).toBe(1);
  });

  it("opens a cell's deals, adding up to the cell, and keeps the layout in the link", async () => {
    const { page } = await sessions.open(siteUrl);
    await openHash(page, 'view=pivot&period=2025');
    await pivotShown(page, 'won_amount', 'owner', 'quarter');
    await page.selectOption('[data-testid="pivot-rows"]', 'product');
    await page.selectOption('[data-testid="pivot-measure"]', 'win_rate');
    await pivotShown(page, 'win_rate', 'product', 'quarter');
    expect(await page.evaluate(() => location.hash)).toMatch(/pv\.r=product/);
    const cell = `${PIVOT} td[data-r="0"][data-c="1"]`;
    const want = {
      count: num(await page.getAttribute(cell, 'data-count')),
      won: num(await page.getAttribute(cell, 'data-won-count')),
      value: num(await page.getAttribute(cell, 'data-value')),
    };
    expect(want.count).toBeGreaterThan(0);
    await page.click(`${cell} button`);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="drill"]')?.getAttribute('data-target')?.startsWith('pivot:win_rate/product='),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForSelector('[data-testid="drill"][data-busy="false"]', { timeout: 60_000 });
    const drill = await page.$('[data-testid="drill"]');
    const count = num((await drill?.getAttribute('data-count')) ?? null);
    const won = num((await drill?.getAttribute('data-won-count')) ?? null);
    expect([count, won]).toEqual([want.count, want.won]);
    expect((won ?? 0) / (count ?? 1)).toBeCloseTo(want.value ?? NaN, 12);

    // Reload: the layout and the open drill come back from the link.
    await page.reload();
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    await pivotShown(page, 'win_rate', 'product', 'quarter');
    await page.waitForSelector('[data-testid="drill"][data-busy="false"]', { timeout: 60_000 });
    expect(num(await page.getAttribute('[data-testid="drill"]', 'data-count'))).toBe(want.count);
  });
});

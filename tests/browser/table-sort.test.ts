// A chart's data table sorted by a column from its header: rows in order of the raw values,
// the sort in the link, and back after a reload.
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const TABLE = 'table[data-table-id="won-amount-by-close-quarter"]';

describe('chart data tables', () => {
  const sessions = useBrowserSessions();

  it('sort by any column, with the sort in the link', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    await page.click(`details:has(${TABLE}) summary`);
    await page.click(`${TABLE} thead th:nth-child(2) button`);
    await page.waitForFunction(() => location.hash.includes('ts.won-amount-by-close-quarter=1.desc'), undefined, {
      timeout: 10_000,
    });
    const values = async () =>
      await page
        .locator(`${TABLE} tbody tr td:nth-child(2)`)
        .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    const desc = await values();
    expect(desc.length).toBeGreaterThan(4);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.reload();
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    expect(await values()).toEqual(desc);
  });
});

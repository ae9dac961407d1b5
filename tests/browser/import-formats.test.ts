// File formats in the real browser: a workbook and a Parquet file are parsed inside the
// engine worker (File handles, no server), a damaged workbook gives a clear message, and the
// page goes on to load the next drop — a Salesforce report with its preamble and footer cut.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const messy = (file: string) => path.resolve(import.meta.dirname, '../fixtures/messy', file);

/** Waits until the won-amount tile shows the expected value (the drop has been applied). */
async function waitForWon(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (want) => Number(document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value')) === want,
    expected,
    { timeout: 60_000 },
  );
}

describe('file formats in the browser', () => {
  const sessions = useBrowserSessions();

  it('loads XLSX and Parquet, reports a damaged workbook, then loads a report export', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#period=all`);
    await waitForReady(page);
    // Each file holds the same four deals: two won, 1,234.56 + 2,000.
    await page.setInputFiles('[data-testid="file-input"]', [messy('deals.xlsx'), messy('deals.parquet')]);
    // Two files with the same deals and no stated date may be two snapshots of one export: the
    // page asks instead of summing them. Declined, both load as deals and each deal counts twice.
    await page.waitForSelector('[data-testid="snapshots"][data-ready="false"]', { timeout: 60_000 });
    expect(await page.locator('[data-testid="apply-mapping"]').isDisabled()).toBe(true);
    await page.uncheck('[data-testid="snapshots-paired"]');
    await page.click('[data-testid="apply-mapping"]');
    await waitForWon(page, 2 * 3234.56);
    await page.setInputFiles('[data-testid="file-input"]', [messy('corrupt.xlsx')]);
    await page.waitForSelector('[data-state="error"]', { timeout: 60_000 });
    expect(await page.textContent('body')).toContain('corrupt.xlsx could not be opened as a workbook');
    await page.setInputFiles('[data-testid="file-input"]', [messy('salesforce-report.csv')]);
    await waitForWon(page, 3234.56);
    await waitForReady(page);
  });
});

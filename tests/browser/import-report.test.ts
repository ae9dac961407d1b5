// The import report and the data-quality panel in real Chromium: reconciliation per file,
// the CSV export (downloaded, parsed back), and the demo's deliberate flaws on the panel.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_FLAWS } from '../../src/demo/flaws';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const MAVEN_FILES = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) =>
  path.resolve(import.meta.dirname, '../fixtures/maven-crm', f),
);

describe('import report', () => {
  const sessions = useBrowserSessions();

  it('reconciles every demo file, exports the report as CSV and flags the demo’s flaws', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=data`);
    await waitForReady(page);

    // The Data screen waits for the engine to hold the demo (the first paint has no report).
    await page.waitForSelector('[data-testid="import-report"] tbody tr', { timeout: 60_000 });
    const rows = page.locator('[data-testid="import-report"] tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(5);
    for (const row of await rows.all()) {
      const [read, loaded, rejected, skipped] = await Promise.all(
        ['data-rows-read', 'data-rows-loaded', 'data-rows-rejected', 'data-rows-skipped'].map(async (a) =>
          Number(await row.getAttribute(a)),
        ),
      );
      expect(read).toBe((loaded ?? 0) + (rejected ?? 0) + (skipped ?? 0));
      // Counts read with separators (3,001), written here with plain string work, not Intl.
      const grouped = String(read).replace(/\B(?=(\d{3})+$)/g, ',');
      expect((await row.locator('td:nth-child(4)').textContent())?.trim()).toBe(grouped);
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export-panel="import-report"] > .export-menu [data-export="csv"]'),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'record,file,loaded_as,preset,rows_read,rows_loaded,rows_rejected,rows_skipped,line,column,reason,value',
    );
    expect(lines.filter((l) => l.startsWith('file,')).length).toBe(await rows.count());
    expect(csv.endsWith('\r\n')).toBe(true);

    const panel = page.locator('[data-testid="data-quality"]');
    await panel.locator('[data-check]').first().waitFor();
    const check = (id: string) => panel.locator(`[data-check="${id}"]`);
    expect(await check('duplicate_opportunity_ids').getAttribute('data-count')).toBe('1');
    expect(await check('closed_before_created').getAttribute('data-count')).toBe('1');
    expect(await check('owners_missing_from_reps').getAttribute('data-count')).toBe('1');
    await expect(check('duplicate_opportunity_ids').textContent()).resolves.toContain(DEMO_FLAWS.duplicateOpportunityId);
    await expect(check('closed_before_created').textContent()).resolves.toContain(DEMO_FLAWS.closedBeforeCreatedId);
    await expect(check('owners_missing_from_reps').textContent()).resolves.toContain(DEMO_FLAWS.unknownOwner);
    await expect(check('closed_before_created').locator('.effect').textContent()).resolves.toMatch(
      /^Won amount includes \$[\d,]+ from 1 won deal/,
    );
  });

  it('reviews how files that loaded at once were read and mapped; cancel keeps the data, apply reloads it', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=data`);
    await waitForReady(page);
    // The demo is generated, not read from files: nothing to review.
    expect(await page.locator('[data-testid="review-import"]').count()).toBe(0);

    const reportRow = page.locator('[data-testid="import-report"] tbody tr', { hasText: 'sales_pipeline.csv' });
    await page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES);
    await reportRow.waitFor();
    await waitForReady(page);
    const loaded = await reportRow.getAttribute('data-rows-loaded');
    expect(loaded).toBe('8800');

    await page.click('[data-testid="review-import"]');
    const delimiter = page.locator('select[aria-label="Delimiter of sales_pipeline.csv"]');
    await delimiter.waitFor();
    expect(await delimiter.inputValue()).toBe(',');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await reportRow.waitFor();
    expect(await reportRow.getAttribute('data-rows-loaded')).toBe(loaded);

    await page.click('[data-testid="review-import"]');
    await page.click('[data-testid="apply-mapping"]');
    await waitForReady(page);
    await reportRow.waitFor();
    expect(await reportRow.getAttribute('data-rows-loaded')).toBe(loaded);
  });
});

// A drop larger than the engine's memory allows (workers/analytics/loadBudget.ts, 512 MB) stops
// with a message that says why and what to do, and the tab keeps working: the data on screen
// stays and another file still loads. The large file is sparse: the page checks its size only.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const ZOHO = path.resolve(import.meta.dirname, '../fixtures/crm/zoho/Potentials_2024_04_01.csv');

describe('load budget in the page', () => {
  const sessions = useBrowserSessions();
  const dir = mkdtempSync(path.join(tmpdir(), 'pipelens-budget-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a 513 MB export with the reason, keeps the dashboard, and loads the next file', async () => {
    const big = path.join(dir, 'all-deals.csv');
    writeFileSync(big, 'opportunity_id,amount\n');
    truncateSync(big, 513 * 2 ** 20);
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    const before = await tileValue(page, 'won_amount');
    expect(before).toBeGreaterThan(0);

    await page.setInputFiles('[data-testid="file-input"]', [big]);
    const alert = page.locator('[role="alert"]:has-text("this page loads up to 512 MB")');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('all-deals.csv holds 513 MB of data');
    expect(await tileValue(page, 'won_amount')).toBe(before);

    await page.setInputFiles('[data-testid="file-input"]', [ZOHO]);
    await alert.waitFor({ state: 'detached' });
  });
});

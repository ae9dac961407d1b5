// Editing the hash of an open page into or out of embed mode switches shells (the page is opened
// again in the other one): a portal admin trying `#embed=1&panel=kpis` in the address bar sees the panel.
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');

describe('embed mode follows the hash', () => {
  const sessions = useBrowserSessions();

  it('enters and leaves embed mode when the hash changes on an open page', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#period=all`);
    await waitForReady(page);
    expect(await page.locator('[data-embed-panel]').count()).toBe(0);

    await page.evaluate(() => (location.hash = '#embed=1&panel=kpis&period=all'));
    await page.waitForSelector('[data-embed-panel="kpis"]');
    await waitForReady(page);
    expect(await page.locator('[data-kpi="won_amount"]').count()).toBe(1);

    await page.evaluate(() => (location.hash = '#period=all'));
    await page.waitForFunction(() => document.querySelector('[data-embed-panel]') === null);
    await waitForReady(page);
    expect(await page.locator('[data-testid="file-input"]').count()).toBe(1);
  });
});

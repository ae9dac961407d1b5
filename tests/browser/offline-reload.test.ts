// After the first visit the page works offline: the service worker (registered relative to
// the page under /portal/sales/) serves the page, the engine and its wasm from its cache.
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');

describe('offline', () => {
  const sessions = useBrowserSessions();

  it('reloads and computes the demo with the network off', async () => {
    const session = await sessions.open(siteUrl);
    const { page, context } = session;
    await page.goto(siteUrl);
    await waitForReady(page);
    await page.waitForSelector('[data-offline="ready"]', { timeout: 60_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const online = await tileValue(page, 'won_amount');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${siteUrl}sw.js`);

    await context.setOffline(true);
    await page.reload();
    await waitForReady(page);
    expect(await tileValue(page, 'won_amount')).toBe(online);
    await expect(page.locator('[data-testid="no-foreign-requests"]').count()).resolves.toBe(1);
  });
});

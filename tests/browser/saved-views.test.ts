// Saved views in real Chromium: a named view survives a reload and reopens the same link
// state; a bad import file is refused with a message and keeps what was saved.
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');

describe('saved views', () => {
  const sessions = useBrowserSessions();

  it('survive a reload and reopen the saved screen, period, filters and layout', async () => {
    const { page } = await sessions.open(siteUrl);
    const saved = '#view=pivot&period=2025-Q2&f.region=Central&pv.r=stage&pv.m=win_rate';
    await page.goto(`${siteUrl}${saved}`);
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    await page.click('[data-testid="saved-views"] summary');
    await page.fill('[data-testid="view-name"]', 'Central Q2 by stage');
    await page.click('[data-testid="save-view"]');
    await page.waitForSelector('[data-saved-view="Central Q2 by stage"]');

    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await page.reload();
    await waitForReady(page);
    await page.click('[data-testid="saved-views"] summary');
    await page.click('[data-saved-view="Central Q2 by stage"] button.open');
    await page.waitForFunction((h) => location.hash === h, saved, { timeout: 10_000 });
    await page.waitForSelector('[data-testid="pivot"][data-measure="win_rate"][data-rows="stage"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-period]', 'data-period')).toBe('2025-Q2');

    await page.setInputFiles('[data-testid="import-views"]', {
      name: 'views.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "pipelens-views", "views": [{"name": "x", "hash": "#period=2017-Q9"}]}'),
    });
    await page.waitForSelector('[data-testid="saved-views-message"][role="alert"]');
    expect(await page.textContent('[data-testid="saved-views-message"]')).toMatch(
      /views\.json was not imported: "x": The link's period/,
    );
    expect(await page.locator('[data-saved-view]').count()).toBe(1);
  });
});

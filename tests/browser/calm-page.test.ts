// A calm page once data is loaded: the drop zone is one "Load other files" line (the file input
// stays), the KPI tiles show a freshness badge, one delta coloured by direction with ▲/▼, and
// keep the definition and the variant menu (named by what each variant is) behind the disclosure.
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');

describe('a calm dashboard', () => {
  const sessions = useBrowserSessions();

  it('collapses the drop zone, badges freshness and keeps details behind the disclosure', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=2026-Q3`);
    await waitForReady(page);
    expect(await page.locator('[data-testid="load-other"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="file-input"]').count()).toBe(1);
    const zone = await page.$eval('.dropzone', (el) => el.getBoundingClientRect().height);
    expect(zone).toBeLessThan(60);

    const footnote = (await page.textContent('.dashboard')) ?? '';
    // The reference date reads in the display locale (en-US here), the ISO day stays in data-date.
    const reference = /Reference date: ([A-Z][a-z]{2} \d{1,2}, \d{4})/.exec(footnote)?.[1];
    expect(reference).toBeDefined();
    expect(await page.textContent('[data-testid="freshness"]')).toBe(`data as of ${reference}`);
    const iso = (await page.getAttribute('[data-testid="freshness"]', 'data-date')) ?? '';
    const [y, m, d] = iso.split('-').map(Number);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(reference).toBe(`${months[(m ?? 0) - 1]} ${d}, ${y}`);
    // The same day for a German reader (loc=de-DE): day.month.year.
    await page.goto(`${siteUrl}#view=dashboard&period=2026-Q3&loc=de-DE`);
    await page.waitForFunction(() =>
      /\d{2}\.\d{2}\.\d{4}/.test(document.querySelector('[data-testid="freshness"]')?.textContent ?? ''),
    );
    const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
    expect(await page.textContent('[data-testid="freshness"]')).toBe(`data as of ${pad(d)}.${pad(m)}.${y}`);

    // One delta, its colour from its tone, the arrow says the same without colour.
    const delta = page.locator('[data-kpi="won_amount"] .delta');
    expect(await delta.count()).toBe(1);
    const tone = await delta.getAttribute('data-tone');
    const text = (await delta.textContent()) ?? '';
    expect(['good', 'bad']).toContain(tone);
    expect(text.startsWith(tone === 'good' ? '▲' : '▼')).toBe(true);
    const colours = await delta.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.parentElement ?? el).color]);
    expect(colours[0]).not.toBe(colours[1]);

    // The variant menu is hidden until the disclosure opens, and names what each variant is.
    const select = page.locator('[data-kpi="win_rate"] select');
    expect(await select.isVisible()).toBe(false);
    await page.click('[data-kpi="win_rate"] summary');
    expect(await select.isVisible()).toBe(true);
    const options = await select.locator('option').allTextContents();
    expect(options.join('|')).not.toMatch(/default/i);
  });
});

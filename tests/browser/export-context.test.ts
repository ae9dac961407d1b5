// Exports and printouts carry their context (docs/exports.md): an owner-filtered chart exported
// as SVG names its title, period, filter, data source, "as of" and legend in its own text; the
// PNG is framed the same way (taller than the chart); printing keeps the filter chips and adds
// the context line.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const OWNER = 'Aisha Adams';
const VIEW = `view=dashboard&period=2026-Q3&cmp=yoy&f.owner=${encodeURIComponent(OWNER)}`;

async function exported(page: Page, kind: 'svg' | 'png'): Promise<Buffer> {
  const button = page.locator(`[role=group][aria-label^="Export Bookings"] [data-export="${kind}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync(await download.path());
}

/**
 * The text of every <text> element of an SVG document, parsed by the browser on a blank page (a
 * DOMParser document inherits the site's CSP, which refuses the inline styles an export carries).
 */
async function svgTexts(page: Page, svg: string): Promise<string[]> {
  const blank = await page.context().newPage();
  return blank.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    if (doc.querySelector('parsererror')) throw new Error('not well-formed SVG');
    return [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
  }, svg);
}

describe('exports and printouts carry their context', () => {
  const sessions = useBrowserSessions();

  it('frames an exported chart with title, period, filters, data source, as-of and legend', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#${VIEW}`);
    await waitForReady(page);
    await page.waitForSelector('[data-testid="bookings-chart"] rect.bar.compare', { state: 'attached' });
    const period = (await page.textContent('.period-title'))?.trim() ?? '';
    const reference = /Reference date: ([A-Z][a-z]{2} \d{1,2}, \d{4})/.exec((await page.textContent('.dashboard')) ?? '')?.[1];
    expect(period).not.toBe('');
    expect(reference).toBeDefined();

    const texts = await svgTexts(page, (await exported(page, 'svg')).toString('utf8'));
    const header = texts.slice(0, 8).join('\n');
    expect(texts[0]).toBe(`Bookings ${period}`);
    expect(header).toContain(`Period: ${period}`);
    expect(header).toContain(`Filters: Owner: ${OWNER}`);
    expect(header).toContain('Data: Demo data (generated)');
    expect(header).toContain(`As of ${reference}`);
    expect(texts.some((t) => /^comparison: /.test(t))).toBe(true);
    // The chart itself is still there, below the header: its axis title and bucket labels.
    expect(texts.some((t) => t.startsWith('Won amount ('))).toBe(true);

    // The PNG is the framed picture: taller than the chart on screen (2× scale).
    const png = await exported(page, 'png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const chartHeight = await page.$eval('[data-testid="bookings-chart"]', (el) => el.getBoundingClientRect().height);
    expect(png.readUInt32BE(20)).toBeGreaterThan(Math.round(chartHeight * 2) + 60);
  });

  it('keeps the filter chips and adds the context line on paper', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#${VIEW}`);
    await waitForReady(page);
    const chip = page.locator('.filter-chips .chip', { hasText: OWNER });
    const context = page.locator('[data-testid="print-context"]');
    expect(await context.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await chip.isVisible()).toBe(true);
    expect(await context.isVisible()).toBe(true);
    const line = (await context.textContent()) ?? '';
    expect(line).toContain(`Owner: ${OWNER}`);
    expect(line).toContain('Data: Demo data (generated)');
    expect(line).toMatch(/As of [A-Z][a-z]{2} \d{1,2}, \d{4}/);
    expect(await page.locator('[data-testid="clear-filters"]').isVisible()).toBe(false);
  });
});

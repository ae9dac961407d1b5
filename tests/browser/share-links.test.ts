// Links: the whole view state survives save → reload; back/forward move between screens;
// `data=` loads hosted exports (and refuses another origin); a snapshot link shows the view
// without the file; charts and tables export to files that parse back.
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readViewState, writeViewState } from '../../src/app/viewState';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';
import { maven, MAVEN_FILES, serveSite } from './share-site';

const siteUrl = inject('siteUrl');
const FULL =
  '#view=dashboard&period=2025-Q2&fy=7&f.region=West&k.win_rate=by_value&cmp=yoy&ref=2025-06-30&gm=60&churn=10&cur=EUR&by=team';

describe('links and exports', () => {
  const sessions = useBrowserSessions();

  async function open(url: string): Promise<Page> {
    const session = await sessions.open(url);
    await session.page.goto(url);
    await waitForReady(session.page);
    return session.page;
  }
  const hash = (page: Page) => page.evaluate(() => location.hash);

  it('keeps every view-state field through save → reload, and back/forward move between screens', async () => {
    const page = await open(`${siteUrl}${FULL}`);
    const canonical = writeViewState(readViewState(FULL).state);
    expect(await hash(page)).toBe(canonical);
    expect(await page.locator('.notice').count()).toBe(0);
    await page.reload();
    await waitForReady(page);
    expect(await hash(page)).toBe(canonical);
    expect(readViewState(await hash(page)).state).toEqual(readViewState(FULL).state);
    expect(await page.getAttribute('[data-kpi="win_rate"]', 'data-variant')).toBe('by_value');

    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.waitForFunction(() => location.hash.includes('view=data'));
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('view=dashboard'));
    await page.waitForSelector('section.dashboard');
    await page.goForward();
    await page.waitForFunction(() => location.hash.includes('view=data'));
  });

  it('loads hosted exports named by data= and refuses another origin with a notice', async () => {
    const extra = Object.fromEntries(MAVEN_FILES.map((f) => [`exports-${f}`, maven(f)]));
    const site = await serveSite({ extra });
    try {
      const data = MAVEN_FILES.map((f) => `exports-${f}`).join(',');
      const page = await open(`${site.url}#view=dashboard&period=all&data=${data}&data=https://evil.example/x.csv`);
      expect(await tileValue(page, 'won_amount')).toBe(10_005_534);
      expect(await tileValue(page, 'won_count')).toBe(4238);
      await expect(page.locator('.notice', { hasText: 'evil.example' }).count()).resolves.toBe(1);
      expect(await hash(page)).toContain('data=');
    } finally {
      await site.close();
    }
  });

  it('opens a snapshot link on the same figures without the data, and says it is a snapshot', async () => {
    const page = await open(`${siteUrl}#view=dashboard&period=all`);
    const won = await tileValue(page, 'won_amount');
    await page.click('[data-testid="share-snapshot"]');
    const link = await page.inputValue('[data-testid="share-link"]');
    expect(link).toContain('&snap=');

    const fresh = await open(link);
    expect(await tileValue(fresh, 'won_amount')).toBe(won);
    await expect(fresh.locator('[data-testid="snapshot-banner"]').textContent()).resolves.toContain(
      'This is a snapshot, not live data',
    );
  });

  it('exports the bookings chart and table to SVG, PNG, CSV and XLSX that parse back', async () => {
    const page = await open(`${siteUrl}#view=dashboard&period=all`);
    const download = async (kind: string): Promise<Buffer> => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
      return readFileSync(await file.path());
    };
    const csv = Papa.parse<Record<string, string>>(String(await download('csv')), { header: true, skipEmptyLines: true }).data;
    const bars = await page.locator('[data-testid="bookings-chart"] rect.bar').count();
    expect(csv.length).toBeGreaterThan(4);
    const sum = csv.reduce((s, r) => s + Number(r['won_amount']), 0);
    expect(sum).toBeCloseTo((await tileValue(page, 'won_amount')) ?? Number.NaN, 2);

    const book = XLSX.read(await download('xlsx'), { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    if (!sheet) throw new Error('no sheet');
    const rows = XLSX.utils.sheet_to_json<Record<string, number | string>>(sheet);
    expect(rows.map((r) => r['won_amount'])).toEqual(csv.map((r) => Number(r['won_amount'])));

    const svg = String(await download('svg'));
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg.match(/<rect[^>]*class="[^"]*\bbar\b/g)?.length).toBe(bars);
    const png = await download('png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = await page
      .locator('svg[data-testid="bookings-chart"]')
      .evaluate((el) => Math.round(el.getBoundingClientRect().width));
    expect(png.readUInt32BE(16)).toBe(width * 2);
  });

  it('renders script-injection strings in account names and column headers as text', async () => {
    const page = await open(siteUrl);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const evil = '<img src=x onerror=alert(1)>';
    const accounts = readFileSync(maven('accounts.csv'), 'utf8').split('\n');
    const injected = [
      `${accounts[0]?.trimEnd()},"${evil}"`,
      ...accounts.slice(1).map((l, i) => (l.trim() ? `${i === 0 ? l.replace(/^[^,]+/, `"${evil}"`) : l.trimEnd()},x` : l)),
    ];
    await page.setInputFiles('[data-testid="file-input"]', [
      ...['sales_pipeline.csv', 'sales_teams.csv', 'products.csv'].map((name) => ({
        name,
        mimeType: 'text/csv',
        buffer: readFileSync(maven(name)),
      })),
      { name: `${evil}.csv`, mimeType: 'text/csv', buffer: Buffer.from(injected.join('\n')) },
    ]);
    await page.waitForSelector('[data-state="ready"], [data-testid="apply-mapping"]', { timeout: 60_000 });
    if (await page.locator('[data-testid="apply-mapping"]').count()) await page.click('[data-testid="apply-mapping"]');
    await waitForReady(page);
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.waitForFunction((text) => document.body.textContent?.includes(text), evil);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

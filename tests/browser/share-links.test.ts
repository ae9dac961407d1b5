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
  '#view=dashboard&period=2025-Q2&fy=7&f.region=West&k.win_rate=by_value&cmp=yoy&ref=2025-06-30&gm=60&churn=10&cur=EUR&by=team' +
  '&fc.target=2500000&fc.p.Negotiation=70' +
  '&t.by=owner&t.pot=openPipeline&t.work=employees&t.mode=accounts&t.n=12&t.bal=bookings%2Caccounts&t.tol=2.5&t.seed=42&t.from=1';

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
    const { forecast, territory } = readViewState(FULL).state;
    expect(forecast?.target).toBe(2_500_000);
    expect(territory?.territories).toBe(12);

    // The forecast and territory screens open on the link's parameters and leave the link as it was.
    const sameKeys = (view: string) => canonical.replace('view=dashboard', `view=${view}`);
    await page.getByRole('button', { name: 'Forecast', exact: true }).click();
    await page.waitForSelector('[data-testid="forecast-screen"][data-forecast-state="ready"]', { timeout: 120_000 });
    expect(await page.inputValue('[data-testid="forecast-target"]')).toBe('2500000');
    expect(await page.inputValue('[aria-label="Probability of Negotiation in percent"]')).toBe('70');
    expect(await page.locator('[data-testid="target-probability"]').count()).toBe(1);
    expect(await hash(page)).toBe(sameKeys('forecast'));

    await page.getByRole('button', { name: 'Territories', exact: true }).click();
    await page.waitForSelector('[data-testid="design-form"]', { timeout: 60_000 });
    expect(await page.inputValue('[data-testid="grouping"]')).toBe('owner');
    expect(await page.inputValue('[data-testid="potential"]')).toBe('openPipeline');
    expect(await page.inputValue('[data-testid="design-mode"]')).toBe('accounts');
    expect(await page.inputValue('[data-testid="design-count"]')).toBe('12');
    expect(await page.isChecked('[data-testid="design-from-current"]')).toBe(true);
    expect(await hash(page)).toBe(sameKeys('territories'));
    // An edit rewrites the link in place (replaceState: no new history entry).
    const entries = await page.evaluate(() => history.length);
    await page.selectOption('[data-testid="grouping"]', 'region');
    await page.waitForFunction(() => location.hash.includes('t.by=region'));
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.reload();
    await waitForReady(page);
    await page.waitForSelector('[data-testid="design-form"]', { timeout: 60_000 });
    expect(await page.inputValue('[data-testid="grouping"]')).toBe('region');
    expect(await page.inputValue('[data-testid="design-count"]')).toBe('12');

    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.waitForFunction(() => location.hash.includes('view=data'));
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('view=territories'));
    await page.waitForSelector('[data-testid="design-form"]');
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

  it('exports charts and tables on every screen to SVG, PNG, CSV and XLSX that parse back', async () => {
    const page = await open(`${siteUrl}#view=dashboard&period=all`);
    /** Clicks one export button inside `scope` and returns the downloaded file's bytes. */
    const download = async (scope: string, kind: string): Promise<Buffer> => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.click(`${scope} [data-export="${kind}"]`)]);
      return readFileSync(await file.path());
    };
    const csvOf = async (scope: string) =>
      Papa.parse<Record<string, string>>(String(await download(scope, 'csv')), { header: true, skipEmptyLines: true }).data;
    const xlsxOf = async (scope: string) => {
      const book = XLSX.read(await download(scope, 'xlsx'), { type: 'buffer' });
      const sheet = book.Sheets[book.SheetNames[0] ?? ''];
      if (!sheet) throw new Error('no sheet');
      return XLSX.utils.sheet_to_json<Record<string, number | string>>(sheet);
    };
    // The browser's own XML parser, on a blank page: a DOMParser document inherits the site's CSP, which
    // (rightly) refuses the inline styles an exported SVG carries for viewers elsewhere.
    const blank = await page.context().newPage();
    /** The SVG file parsed by DOMParser: its element count of `selector`, or -1 on a parse error. */
    const svgCount = async (scope: string, selector: string) => {
      const text = String(await download(scope, 'svg'));
      expect(text.startsWith('<?xml')).toBe(true);
      return blank.evaluate(
        ([xml, sel]) => {
          const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
          return doc.querySelector('parsererror') ? -1 : doc.querySelectorAll(sel).length;
        },
        [text, selector] as const,
      );
    };
    const isPng = (bytes: Buffer) => [...bytes.subarray(0, 8)].join() === '137,80,78,71,13,10,26,10';

    // Dashboard: the bookings chart (its own table of raw numbers).
    const bookings = '[aria-label^="Export Bookings"]';
    const csv = await csvOf(bookings);
    const bars = await page.locator('[data-testid="bookings-chart"] rect.bar').count();
    expect(csv.length).toBeGreaterThan(4);
    // Money columns name the data's currency (the demo's deals are in USD): no bare amount leaves the page.
    expect(Object.keys(csv[0] ?? {})).toEqual(['bucket_start', 'label', 'won_amount (USD)', 'won_count', 'quota (USD)']);
    const sum = csv.reduce((s, r) => s + Number(r['won_amount (USD)']), 0);
    expect(sum).toBeCloseTo((await tileValue(page, 'won_amount')) ?? Number.NaN, 2);
    const rows = await xlsxOf(bookings);
    expect(rows.map((r) => r['won_amount (USD)'])).toEqual(csv.map((r) => Number(r['won_amount (USD)'])));
    expect(await svgCount(bookings, 'rect.bar')).toBe(bars);
    const png = await download(bookings, 'png');
    expect(isPng(png)).toBe(true);
    const width = await page
      .locator('svg[data-testid="bookings-chart"]')
      .evaluate((el) => Math.round(el.getBoundingClientRect().width));
    expect(png.readUInt32BE(16)).toBe(width * 2);

    // Dashboard: a bar chart's data table exports raw numbers (win rate = won ÷ (won + lost)).
    const winRate = '[data-testid="chart-win-rate"]';
    const segments = await csvOf(winRate);
    expect(segments.length).toBe(await page.locator(`${winRate} rect.bar`).count());
    for (const r of segments)
      expect(Number(r['Win rate'])).toBeCloseTo(Number(r['Won']) / (Number(r['Won']) + Number(r['Lost'])), 10);
    expect(await svgCount(winRate, 'rect.bar')).toBe(segments.length);
    expect(isPng(await download(winRate, 'png'))).toBe(true);
    // The leaderboard as a workbook: every owner's won amount adds up to the tile.
    const leaders = await xlsxOf('[data-export-panel="leaderboard"]');
    expect(leaders.length).toBe(await page.locator('[data-testid="leaderboard"] tbody tr').count());
    // Amount columns carry the currency; counts and rates do not.
    const leaderHeader = Object.keys(leaders[0] ?? {});
    expect(leaderHeader).toEqual(expect.arrayContaining(['Owner', 'Won amount (USD)', 'Won', 'Win rate', 'Open pipeline (USD)']));
    const wonByOwner = leaders.reduce((s, r) => s + Number(r['Won amount (USD)']), 0);
    expect(wonByOwner).toBeCloseTo((await tileValue(page, 'won_amount')) ?? Number.NaN, 2);

    // Territories: the table and the map.
    await page.getByRole('button', { name: 'Territories', exact: true }).click();
    await page.waitForSelector('[data-testid="territory-table"] tbody tr', { timeout: 60_000 });
    const territories = await csvOf('[data-export-panel="territory-table"]');
    expect(territories.length).toBe(await page.locator('[data-testid="territory-table"] tbody tr').count());
    // Numbers go out unformatted (the screen shows $1.2M; the file has the amount).
    const potentials = await page
      .locator('[data-testid="territory-table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-potential'))));
    // Potential is money on the demo (its accounts carry revenue): the header names the currency.
    expect(territories.map((r) => Number(r['Potential (USD)']))).toEqual(potentials);
    const marks = await page.locator('[data-testid="territory-map"] svg circle, [data-testid="territory-map"] svg path').count();
    expect(await svgCount('[data-export-panel="territory-map"]', 'circle, path')).toBe(marks);
    expect(isPng(await download('[data-export-panel="territory-map"]', 'png'))).toBe(true);

    // Compensation: the results table as a workbook and the attainment histogram.
    await page.getByRole('button', { name: 'Compensation', exact: true }).click();
    await page.waitForSelector('[data-testid="comp-screen"][data-comp-state="ready"] [data-testid="comp-results"]', {
      timeout: 60_000,
    });
    // The results panel exports every rep's statement lines (the payroll file): each rep on screen is in it.
    const results = await xlsxOf('[data-export-panel="comp-results"]');
    const reps = await page
      .locator('[data-testid="comp-results"] tbody tr[data-rep]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rep')));
    expect(reps.length).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r['rep']))).toEqual(new Set(reps));
    const histogramBars = await page.locator('[data-testid="comp-histogram"] rect.bar').count();
    expect(await svgCount('[data-export-panel="comp-histogram"]', 'rect.bar')).toBe(histogramBars);
    expect(isPng(await download('[data-export-panel="comp-histogram"]', 'png'))).toBe(true);
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

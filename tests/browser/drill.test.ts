// Drill-through in real Chromium: for every tile and every chart of the dashboard, the deals
// the table opens add up to the number clicked (demo and Maven); the drill in the link
// survives a file drop and applies to the new data; sort, text filter and exports.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const maven = (file: string) => path.resolve(import.meta.dirname, '../fixtures/maven-crm', file);
const MAVEN_FILES = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map(maven);
const TABLE = '[data-testid="drill"]';

type Totals = Record<string, number | null>;

const near = (a: number | null | undefined, b: number | null | undefined) =>
  a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) <= Math.max(0.005, 1e-9 * Math.abs(b));

/** Waits until the table shows `target`, read after the dashboard's latest refresh, and returns its totals. */
async function drilled(page: Page, target: string): Promise<Totals> {
  await page.waitForFunction(
    (t) => {
      const table = document.querySelector('[data-testid="drill"]');
      const root = document.querySelector('[data-refreshed]');
      return (
        table?.getAttribute('data-target') === t &&
        table.getAttribute('data-busy') === 'false' &&
        table.getAttribute('data-refreshed') === root?.getAttribute('data-refreshed')
      );
    },
    target,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="drill"]');
    const out: Record<string, number | null> = {};
    for (const a of table?.attributes ?? []) {
      if (!a.name.startsWith('data-') || ['data-testid', 'data-target', 'data-shown', 'data-busy'].includes(a.name)) continue;
      out[a.name.slice(5)] = a.value === '' ? null : Number(a.value);
    }
    return out;
  });
}

async function openHash(page: Page, hash: string): Promise<void> {
  await page.goto(`${siteUrl}#${hash}`);
  await waitForReady(page);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
}

/** Every tile: drill via the link, then the relation of the drilled totals to the tile. */
async function checkTiles(page: Page, base: string): Promise<string[]> {
  const bad: string[] = [];
  const tiles: Record<string, number | null> = {};
  for (const id of [
    'won_amount',
    'won_count',
    'win_rate',
    'avg_deal_size',
    'avg_sales_cycle_days',
    'open_pipeline',
    'sales_velocity',
    'clv',
  ])
    tiles[id] = await tileValue(page, id);
  const drill = async (id: string) => {
    await page.evaluate((h) => (location.hash = h), `${base}&drill=kpi:${id}`);
    return drilled(page, `kpi:${id}`);
  };
  const check = (what: string, got: number | null | undefined, want: number | null | undefined) => {
    if (want !== null && want !== undefined && !near(got, want)) bad.push(`${what}: drilled ${got}, tile ${want}`);
  };
  const won = await drill('won_amount');
  check('won_amount', won['amount'], tiles['won_amount']);
  check('won_count', (await drill('won_count'))['count'], tiles['won_count']);
  const rate = await drill('win_rate');
  check('win_rate', (rate['won-count'] ?? 0) / (rate['count'] ?? 1), tiles['win_rate']);
  const size = await drill('avg_deal_size');
  check('avg_deal_size', (size['amount'] ?? 0) / (size['amount-count'] ?? 1), tiles['avg_deal_size']);
  check('cycle', (await drill('avg_sales_cycle_days'))['won-cycle'], tiles['avg_sales_cycle_days']);
  const open = await drill('open_pipeline');
  check('open_pipeline', open['amount'], tiles['open_pipeline']);
  check('coverage numerator', (await drill('pipeline_coverage'))['amount'], open['amount']);
  check('attainment numerator', (await drill('quota_attainment'))['amount'], won['amount']);
  const parts = ((tiles['avg_deal_size'] ?? 0) * (tiles['win_rate'] ?? 0)) / (tiles['avg_sales_cycle_days'] ?? 1);
  if (tiles['sales_velocity'] !== null)
    check('velocity', ((await drill('sales_velocity'))['count'] ?? 0) * parts, tiles['sales_velocity']);
  const clv = await drill('clv');
  check('clv', (clv['amount'] ?? 0) / (clv['accounts'] ?? 1), tiles['clv']);
  for (const id of ['lead_to_opportunity_ratio', 'cac', 'ltv_to_cac']) {
    const t = await drill(id);
    if (!((t['count'] ?? -1) >= 0)) bad.push(`${id}: no drill table`);
  }
  return bad;
}

/** Clicks every mark of every chart (at most `max` per chart) and compares the drilled totals with the mark. */
async function checkMarks(page: Page, max: number): Promise<{ bad: string[]; clicked: Record<string, number> }> {
  const bad: string[] = [];
  const clicked: Record<string, number> = {};
  const check = (what: string, got: number | null | undefined, want: number | null | undefined) => {
    if (!near(got, want ?? 0)) bad.push(`${what}: drilled ${got}, mark ${want}`);
  };
  const num = async (loc: ReturnType<Page['locator']>) => Number(await loc.getAttribute('data-value'));
  const charts: [string, string, (t: Totals) => number | null | undefined][] = [
    ['chart-pipeline-stage', 'stage', (t) => t['amount']],
    ['chart-pipeline-month', 'month', (t) => t['amount']],
    ['chart-aging', 'aging', (t) => t['count']],
    ['chart-funnel', 'funnel', (t) => t['count']],
    ['chart-win-rate', 'segment', (t) => (t['won-count'] ?? 0) / (t['count'] ?? 1)],
    ['chart-cycle', 'segment', (t) => t['won-cycle']],
  ];
  for (const [testid, kind, of] of charts) {
    const marks = page.locator(`[data-testid="${testid}"] [data-drill-key]`);
    const n = Math.min(max, await marks.count());
    clicked[testid] = n;
    for (let i = 0; i < n; i++) {
      const mark = marks.nth(i);
      // The funnel's label also shows the step's conversion: the stage is in data-funnel-step.
      const label = testid === 'chart-funnel' ? await mark.getAttribute('data-funnel-step') : null;
      const key = (await mark.getAttribute('data-drill-key')) ?? '';
      const target = kind === 'funnel' ? `funnel:${key === '0' ? '' : (label ?? '')}` : `${kind}:${key}`;
      const bar = page.locator(`[data-testid="${testid}"] g.hbar`).nth(i).locator('rect.bar').first();
      const want = await num(bar);
      await mark.click();
      check(`${testid} ${key}`, of(await drilled(page, target)), want);
    }
  }
  const bars = page.locator('[data-testid="bookings-chart"] [data-drill]');
  clicked['bookings'] = Math.min(max, await bars.count());
  for (let i = 0; i < clicked['bookings']; i++) {
    const bar = bars.nth(i);
    const target = (await bar.getAttribute('data-drill')) ?? '';
    const want = await num(bar.locator('rect.bar'));
    await bar.click();
    check(`bookings ${target}`, (await drilled(page, target))['amount'], want);
  }
  const rows = page.locator('[data-testid="leaderboard"] tbody tr');
  clicked['leaderboard'] = Math.min(max, await rows.count());
  for (let i = 0; i < clicked['leaderboard']; i++) {
    const row = rows.nth(i);
    const button = row.locator('button[data-drill]');
    const target = (await button.getAttribute('data-drill')) ?? '';
    const cells = row.locator('td');
    await button.click();
    const t = await drilled(page, target);
    check(`${target} won amount`, t['won-amount'], await num(cells.nth(2)));
    check(`${target} won deals`, t['won-count'], await num(cells.nth(3)));
    check(`${target} open amount`, t['open-amount'], await num(cells.nth(5)));
  }
  return { bad, clicked };
}

describe('drill-through in the browser', () => {
  const sessions = useBrowserSessions();

  it('opens the deals behind every tile and every chart mark of the demo, adding up to each', async () => {
    const { page } = await sessions.open(siteUrl);
    await openHash(page, 'view=dashboard&period=all&drill=kpi:won_amount');
    const won = await drilled(page, 'kpi:won_amount');
    expect(won['count']).toBe(await tileValue(page, 'won_count'));
    expect(won['amount']).toBe(await tileValue(page, 'won_amount'));
    expect(await page.locator(`${TABLE} tbody tr`).count()).toBe(50);
    expect(await checkTiles(page, 'view=dashboard&period=all')).toEqual([]);
    const { bad, clicked } = await checkMarks(page, 4);
    expect(bad).toEqual([]);
    for (const chart of ['chart-pipeline-stage', 'chart-aging', 'chart-funnel', 'chart-win-rate', 'bookings', 'leaderboard'])
      expect(clicked[chart], chart).toBeGreaterThan(0);
  }, 300_000);

  it('keeps the drill of the link when files are dropped and applies it to them (Maven, every mark)', async () => {
    const { page } = await sessions.open(siteUrl);
    await openHash(page, 'view=dashboard&period=2017-Q3&drill=kpi:won_amount');
    await drilled(page, 'kpi:won_amount');
    await page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES);
    await page.waitForFunction(
      () => document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value') === '2982255',
      null,
      {
        timeout: 90_000,
      },
    );
    const q3 = await drilled(page, 'kpi:won_amount');
    expect(q3['amount']).toBe(2_982_255);
    expect(q3['count']).toBe(1257);
    expect(decodeURIComponent(page.url())).toContain('drill=kpi:won_amount');
    expect(await checkTiles(page, 'view=dashboard&period=2017-Q3')).toEqual([]);
    const { bad } = await checkMarks(page, 100);
    expect(bad).toEqual([]);
  }, 300_000);

  it('sorts and filters in the link, pages, and exports every matching row', async () => {
    const { page } = await sessions.open(siteUrl);
    await openHash(page, 'view=dashboard&period=all');
    await page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES);
    await waitForReady(page);
    await page.click('[data-kpi="won_amount"] [data-drill]');
    await drilled(page, 'kpi:won_amount');
    await page.click(`${TABLE} button[data-sort="owner"]`);
    await page.waitForFunction(() => location.hash.includes('drill.sort=owner.asc'));
    await page.fill('[data-testid="drill-search"]', 'darcel');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="drill"]')?.getAttribute('data-matched') === '349',
      null,
      {
        timeout: 30_000,
      },
    );
    expect(page.url()).toContain('drill.q=darcel');
    const owners = await page.locator(`${TABLE} tbody tr td:nth-child(3)`).allTextContents();
    expect(new Set(owners)).toEqual(new Set(['Darcel Schlecht']));
    await page.click('.drill-tools button:has-text("Next")');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="drill"]')?.getAttribute('data-shown')?.endsWith('@50'),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export-panel="drill"] [data-export="csv"]'),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe(
      'name,account_name,owner,stage,status,amount,currency,created_date,close_date,age_days,lead_source,source_file,source_line',
    );
    expect(csv).toHaveLength(1 + 349);
    const amounts = csv.slice(1).map((line) => Number(line.split(',')[5]));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(1_153_214);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export-panel="drill"] [data-export="xlsx"]'),
    ]);
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(readFileSync((await xlsx.path()) ?? ''));
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    expect(sheet ? XLSX.utils.sheet_to_json(sheet) : []).toHaveLength(349);
    // The workbook's second sheet says what the rows are: title, period, filters, data, as of.
    const about = book.Sheets[book.SheetNames[1] ?? ''];
    const lines = about ? XLSX.utils.sheet_to_json<string[]>(about, { header: 1 }).map((r) => r[0]) : [];
    expect(lines.some((l) => l?.startsWith('Data: ') && l.includes('sales_pipeline.csv'))).toBe(true);
    expect(lines.some((l) => l?.startsWith('Period: '))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.hash.includes('drill='));
    expect(await page.locator(TABLE).count()).toBe(0);
  }, 300_000);
  it('draws the quota target and the cumulative pace, paces the attainment tile and sorts the leaderboard in the link', async () => {
    const { page } = await sessions.open(siteUrl);
    await openHash(page, 'view=dashboard&period=2025-Q3');
    await page.waitForSelector('[data-testid="pacing-chart"]');
    const quotas = await page
      .locator('[data-testid="bookings-chart"] line.target')
      .evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('data-quota'))));
    expect(quotas).toHaveLength(3);
    const quota = quotas.reduce((a, b) => a + b, 0);
    const won = (await tileValue(page, 'won_amount')) ?? 0;
    expect(await tileValue(page, 'quota_attainment')).toBeCloseTo(won / quota, 9);
    expect(Number(await page.getAttribute('[data-testid="pacing"]', 'data-gap'))).toBeCloseTo(quota - won, 6);
    expect(Number(await page.getAttribute('[data-testid="pacing-chart"]', 'data-won'))).toBeCloseTo(won, 6);
    expect(Number(await page.getAttribute('[data-testid="pacing-chart"]', 'data-quota'))).toBeCloseTo(quota, 6);
    await page.click('[data-testid="leaderboard"] button[data-sort="gap"]');
    await page.waitForFunction(() => location.hash.includes('lb.sort=gap.desc'));
    const gaps = await page.locator('[data-testid="leaderboard"] tbody tr td:nth-child(9)').evaluateAll((cells) =>
      cells
        .map((c) => c.getAttribute('data-value'))
        .filter((v) => v !== '')
        .map(Number),
    );
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
  }, 120_000);
});

// The forecast screen in real Chromium: #view=forecast on the demo and on the Maven drop,
// with the test contract (data-forecast-method, data-p10/p50/p90; data-method, data-wape).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const maven = (file: string) => path.resolve(import.meta.dirname, '../fixtures/maven-crm', file);
const MAVEN_FILES = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map(maven);
const METHODS = [
  'stage_weighted',
  'conversion',
  'monte_carlo',
  'seasonal_naive',
  'ets',
  'theta',
  'category',
  'selection',
  'combination',
];

async function waitForForecast(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="forecast-screen"][data-forecast-state="ready"] [data-testid="forecast-current"]', {
    timeout: 120_000,
  });
}

async function current(page: Page) {
  const el = page.locator('[data-testid="forecast-current"]');
  const num = async (name: string) => Number(await el.getAttribute(name));
  return {
    method: await el.getAttribute('data-forecast-method'),
    p10: await num('data-p10'),
    p50: await num('data-p50'),
    p90: await num('data-p90'),
  };
}

async function backtestRows(page: Page) {
  return page.$$eval('[data-testid="backtest-table"] tr[data-method]', (rows) =>
    rows.map((r) => ({
      method: r.getAttribute('data-method'),
      wape: Number(r.getAttribute('data-wape')),
      coverage: r.getAttribute('data-coverage'),
      scored: Number(r.getAttribute('data-scored')),
    })),
  );
}

describe('forecast screen', () => {
  const sessions = useBrowserSessions();

  it('opens on #view=forecast with the demo forecast, its range, the charts and the leaderboard', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=forecast&period=all`);
    await waitForReady(page);
    await waitForForecast(page);
    const c = await current(page);
    expect(c.method).toBe('selection');
    expect(c.p10).toBeGreaterThan(0);
    expect(c.p10).toBeLessThanOrEqual(c.p50);
    expect(c.p50).toBeLessThanOrEqual(c.p90);
    const rows = await backtestRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const r of rows) {
      expect(METHODS).toContain(r.method);
      expect(Number.isFinite(r.wape)).toBe(true);
      expect(Number.isInteger(r.scored)).toBe(true);
    }
    // The headline's procedure is a row of its own, with its coverage over ≥ 30 forecasts.
    const selection = rows.find((r) => r.method === 'selection');
    expect(selection?.scored).toBeGreaterThanOrEqual(30);
    const coverage = Number(selection?.coverage);
    expect(coverage).toBeGreaterThan(0);
    expect(coverage).toBeLessThanOrEqual(1);
    expect(rows.map((r) => r.method)).toContain('combination');
    // One forecast per page: the breakdowns say which method they show.
    expect(await page.locator('[data-testid="breakdown-note"]').textContent()).toContain('empirical conversion');
    const chosen = await page.locator('[data-testid="forecast-current"]').getAttribute('data-forecast-chosen');
    expect(METHODS).toContain(chosen);
    expect(await page.locator('[data-testid="fan-band"]').getAttribute('d')).toMatch(/^M/);
    expect(await page.locator('[data-testid="forecast-waterfall"] rect').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-testid="forecast-reps"] tr[data-group]').count()).toBeGreaterThan(10);
    // A target gives the chance of reaching it.
    const target = page.locator('[data-testid="forecast-target"]');
    await target.fill(String(Math.round(c.p50)));
    await target.evaluate((el) => el.blur());
    const chance = await page.waitForSelector('[data-testid="target-probability"]', { timeout: 120_000 });
    expect(await chance.textContent()).toMatch(/\d+(\.\d)?%/);
  });

  it('forecasts the Maven data after a drop and says that only age-based methods are honest', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=forecast&period=all`);
    await waitForReady(page);
    await waitForForecast(page);
    await page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES);
    await waitForReady(page);
    // Too few complete quarters to backtest one: the month after the data, backtested on months.
    await page.waitForFunction(() => document.querySelector('.forecast h1')?.textContent?.includes('2018'), null, {
      timeout: 120_000,
    });
    await waitForForecast(page);
    const text = (await page.locator('[data-testid="forecast-screen"]').textContent()) ?? '';
    expect(text).toContain('No stage history');
    const rows = await backtestRows(page);
    expect(rows.map((r) => r.method)).toContain('stage_weighted');
    const c = await current(page);
    expect(c.method).toBe('selection');
    expect(text).toContain('too few complete quarters');
    expect(c.p10).toBeLessThanOrEqual(c.p90);
  });

  it('opens the demo on its quarter in progress as of the reference date, with the backtest table as its contract says', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    // The page's default period is the fiscal quarter of the reference date (2026-09-30): named here.
    await page.goto(`${siteUrl}#view=forecast&period=2026-Q3`);
    await waitForReady(page);
    await waitForForecast(page);
    expect(await page.locator('.forecast h1').textContent()).toContain('2026 Q3');
    const el = page.locator('[data-testid="forecast-current"]');
    expect(await el.getAttribute('data-asof')).toBe('2026-09-30');
    expect(await page.locator('[data-testid="forecast-in-progress"]').textContent()).toContain('in progress');
    expect(await page.locator('[data-testid="forecast-actual"]').count()).toBe(0);
    expect(await page.inputValue('[data-testid="forecast-asof"]')).toBe('2026-09-30');
    expect(await page.getAttribute('[data-testid="forecast-asof"]', 'max')).toBe('2026-09-30');
    // The track runs through the quarter to the as-of day, its range never widening.
    const track = await page.$$eval('[data-testid="track-chart"] circle[data-track-offset]', (cs) =>
      cs.map((c) => ({
        offset: Number(c.getAttribute('data-track-offset')),
        width: Number(c.getAttribute('data-p90')) - Number(c.getAttribute('data-p10')),
      })),
    );
    expect(track.map((t) => t.offset)).toEqual([0, 7, 28, 56, 84, 91]);
    track.forEach((t, i) => {
      expect(t.width).toBeGreaterThan(0);
      if (i > 0) expect(t.width).toBeLessThanOrEqual((track[i - 1]?.width ?? NaN) * (1 + 1e-12));
    });
    // Page contract: every row has a method, a WAPE and a coverage as fractions, and the count
    // pooled; coverage is a count of those forecasts (an integer when multiplied back).
    const rows = await page.$$eval('[data-testid="backtest-table"] tr', (trs) =>
      trs.slice(1).map((r) => ({
        method: r.getAttribute('data-method'),
        wape: r.getAttribute('data-wape'),
        coverage: r.getAttribute('data-coverage'),
        scored: r.getAttribute('data-scored'),
        text: r.querySelector('td')?.textContent ?? '',
      })),
    );
    expect(rows.map((r) => r.method).sort()).toEqual([...METHODS].sort());
    for (const r of rows) {
      const wape = Number(r.wape);
      expect(r.wape).not.toBe('');
      expect(wape).toBeGreaterThanOrEqual(0);
      // The WAPE cell shows the same fraction as a percentage.
      expect(r.text.replace(/[^\d.]/g, '')).toBe((100 * wape).toFixed(1));
      const scored = Number(r.scored);
      expect(Number.isInteger(scored) && scored > 0).toBe(true);
      const coverage = Number(r.coverage);
      expect(coverage).toBeGreaterThanOrEqual(0);
      expect(coverage).toBeLessThanOrEqual(1);
      expect(Math.abs(coverage * scored - Math.round(coverage * scored))).toBeLessThan(1e-9);
    }
    // ETS is scored only where the series had 7 points, and the row says so.
    expect(await page.locator('[data-testid="ets-caveat"]').textContent()).toMatch(/scored on 5 of 8\s+quarters/);
    // Five scored quarters × five days before 2026 Q3 (the 30 of the target set are measured on 2026 Q4).
    expect(Number(rows.find((r) => r.method === 'selection')?.scored)).toBe(25);
  });

  it('follows the header period: a quarter that is over is replayed as of the day in the link, with its track', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=forecast&period=2026-Q2&fc.asof=2026-05-27`);
    await waitForReady(page);
    await waitForForecast(page);
    expect(await page.locator('.forecast h1').textContent()).toContain('2026 Q2');
    const el = page.locator('[data-testid="forecast-current"]');
    expect(await el.getAttribute('data-asof')).toBe('2026-05-27');
    const actual = Number(await page.locator('[data-testid="forecast-actual"]').getAttribute('data-actual'));
    expect(actual).toBeGreaterThan(0);
    // Day 1, weeks 1 and 4, then the as-of day (day 56 = week 8); booked to date never falls.
    const track = await page.$$eval('[data-testid="track-chart"] circle[data-track-offset]', (cs) =>
      cs.map((c) => ({
        offset: Number(c.getAttribute('data-track-offset')),
        p10: Number(c.getAttribute('data-p10')),
        p50: Number(c.getAttribute('data-p50')),
        p90: Number(c.getAttribute('data-p90')),
        closed: Number(c.getAttribute('data-closed')),
      })),
    );
    expect(track.map((t) => t.offset)).toEqual([0, 7, 28, 56]);
    track.forEach((t, i) => {
      expect(t.closed <= t.p10 && t.p10 <= t.p50 && t.p50 <= t.p90).toBe(true);
      if (i > 0) expect(t.closed).toBeGreaterThanOrEqual(track[i - 1]?.closed ?? Infinity);
    });
    expect(await page.locator('[data-testid="track-band"]').getAttribute('d')).toMatch(/^M/);
    // The as-of date is kept in the link.
    expect(await page.evaluate(() => location.hash)).toContain('fc.asof=2026-05-27');
  });
});

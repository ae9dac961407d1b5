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
  'ets_additive',
  'ets_damped',
  'theta',
  'category',
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

async function backtestRows(page: Page): Promise<{ method: string | null; wape: number }[]> {
  return page.$$eval('[data-testid="backtest-table"] tr[data-method]', (rows) =>
    rows.map((r) => ({ method: r.getAttribute('data-method'), wape: Number(r.getAttribute('data-wape')) })),
  );
}

describe('forecast screen', () => {
  const sessions = useBrowserSessions();

  it('opens on #view=forecast with the demo forecast, its range, the charts and the leaderboard', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=forecast`);
    await waitForReady(page);
    await waitForForecast(page);
    const c = await current(page);
    expect(METHODS).toContain(c.method);
    expect(c.p10).toBeGreaterThan(0);
    expect(c.p10).toBeLessThanOrEqual(c.p50);
    expect(c.p50).toBeLessThanOrEqual(c.p90);
    const rows = await backtestRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const r of rows) {
      expect(METHODS).toContain(r.method);
      expect(Number.isFinite(r.wape)).toBe(true);
    }
    // The leaderboard is sorted by WAPE and its first row is the method the forecast uses.
    expect(rows[0]?.method).toBe(c.method);
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
    await page.goto(`${siteUrl}#view=forecast`);
    await waitForReady(page);
    await waitForForecast(page);
    await page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES);
    await waitForReady(page);
    await page.waitForFunction(() => document.querySelector('.forecast h1')?.textContent?.includes('2018 Q1'), null, {
      timeout: 120_000,
    });
    await waitForForecast(page);
    const text = (await page.locator('[data-testid="forecast-screen"]').textContent()) ?? '';
    expect(text).toContain('No stage history');
    const rows = await backtestRows(page);
    expect(rows.map((r) => r.method)).toContain('stage_weighted');
    const c = await current(page);
    expect(c.method).not.toBe('stage_weighted');
    expect(c.p10).toBeLessThanOrEqual(c.p90);
  });
});

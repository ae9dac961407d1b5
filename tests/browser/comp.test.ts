// The compensation screen in real Chromium: the test contract's attributes, summary figures
// recomputed here from the rows, a plan edit checked against hand arithmetic, the what-if
// baseline, a statement CSV, a bad plan file, and Maven (no quotas table).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const maven = (file: string) => path.resolve(import.meta.dirname, '../fixtures/maven-crm', file);

interface Row {
  rep: string;
  attainment: number | null;
  payout: number;
  bookings: number;
  quota: number | null;
}

async function waitForComp(page: Page): Promise<void> {
  await waitForReady(page);
  await page.waitForSelector('[data-comp-state="ready"] [data-rep]', { timeout: 60_000 });
}

async function readRows(page: Page): Promise<Row[]> {
  return page.$$eval('[data-rep]', (els) =>
    els.map((el) => {
      const num = (name: string) => {
        const v = el.getAttribute(name) ?? '';
        return v === '' ? null : Number(v);
      };
      return {
        rep: el.getAttribute('data-rep') ?? '',
        attainment: num('data-attainment'),
        payout: num('data-payout') ?? NaN,
        bookings: num('data-bookings') ?? NaN,
        quota: num('data-quota'),
      };
    }),
  );
}

/** Gini by its definition, the mean absolute difference over all ordered pairs ÷ (2 × mean). */
function giniByPairs(xs: number[]): number {
  let diff = 0;
  for (const a of xs) for (const b of xs) diff += Math.abs(a - b);
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return diff / (2 * xs.length * xs.length * mean);
}

const summaryNumber = async (page: Page, attr: string) => Number(await page.getAttribute('[data-testid="comp-summary"]', attr));

describe('compensation screen', () => {
  const sessions = useBrowserSessions();

  it('shows each rep with attainment and payout, and a summary that agrees with the rows', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=comp`);
    await waitForComp(page);
    const rows = await readRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const attainments = rows.flatMap((r) => (r.attainment === null ? [] : [r.attainment]));
    expect(attainments.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) expect(Number.isFinite(r.payout), r.rep).toBe(true);
    expect(await summaryNumber(page, 'data-gini')).toBeCloseTo(giniByPairs(attainments), 9);
    const cost = rows.reduce((s, r) => s + r.payout, 0) / rows.reduce((s, r) => s + r.bookings, 0);
    expect(await summaryNumber(page, 'data-cost-of-sales')).toBeCloseTo(cost, 9);
    expect(await page.locator('[data-testid="comp-histogram"] rect.bar').count()).toBe(21);
    // The demo's data ends on a quarter's last day, so the forecast is of the next quarter: the
    // simulation switches from each rep's history to the forecast's per-rep draws and says so.
    await page.waitForSelector('[data-testid="comp-simulation"][data-source="forecast"]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid="comp-simulation-source"]')).toContain(
      'from the forecast (Monte Carlo, 2,000 draws per rep',
    );
  });

  it('pays a flat plan exactly as computed by hand, and compares it with the baseline', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=comp`);
    await waitForComp(page);
    const baselinePayout = await summaryNumber(page, 'data-payout');
    // OTE $100,000 at 50/50 → base $12,500 and target incentive $12,500 a quarter; every tier at rate 1, no gate, cap or clawback.
    await page.fill('[data-testid="comp-ote-0"]', '100000');
    await page.fill('[data-testid="comp-base-share-0"]', '50');
    await page.fill('[data-testid="comp-threshold"]', '0');
    for (const i of [1, 2]) await page.fill(`[data-testid="comp-tier-rate-${i}"]`, '1');
    await page.uncheck('[data-testid="comp-cap-on"]');
    await page.uncheck('[data-testid="comp-clawback"]');
    await page.waitForFunction(
      (before) => Number(document.querySelector('[data-testid="comp-summary"]')?.getAttribute('data-payout')) !== before,
      baselinePayout,
    );
    const rows = await readRows(page);
    let checked = 0;
    for (const r of rows) {
      if (r.quota === null || r.bookings < 0) continue;
      // commission = bookings × $12,500 ÷ quota, rounded to the cent
      const commissionCents = Math.round((Math.round(r.bookings * 100) * 1_250_000) / Math.round(r.quota * 100));
      expect(Math.round(r.payout * 100), r.rep).toBe(1_250_000 + commissionCents);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    expect(await summaryNumber(page, 'data-baseline-payout')).toBe(baselinePayout);
    await page.click('[data-testid="comp-keep-baseline"]');
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="comp-summary"]');
      return s?.getAttribute('data-payout') === s?.getAttribute('data-baseline-payout');
    });
  });

  it("downloads a rep's payout statement whose total matches the row", async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=comp`);
    await waitForComp(page);
    const [first] = await readRows(page);
    if (!first) throw new Error('no rows');
    await page.click(`[data-rep="${first.rep}"] button`);
    await page.waitForSelector('[data-testid="comp-statement"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export-panel="comp-statement"] [data-export="csv"]'),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^rep,team,role,quarter,.*total_paid/);
    const quarter = await page.$eval(
      '[data-testid="comp-quarter"]',
      (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '',
    );
    const line = lines.find((l) => l.includes(`,${quarter.replace(' ', '-')},`));
    expect(line, `a line for ${quarter}`).toBeDefined();
    expect(Number(line?.split(',')[15])).toBeCloseTo(first.payout, 2);
  });

  it('refuses a broken plan file with a clear message and keeps the plan', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=comp`);
    await waitForComp(page);
    const name = await page.inputValue('[data-testid="comp-plan-name"]');
    await page.setInputFiles('[data-testid="comp-load-plan"]', {
      name: 'plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 1,'),
    });
    await expect(page.textContent('[data-testid="comp-load-errors"]')).resolves.toMatch(/not valid JSON/);
    expect(await page.inputValue('[data-testid="comp-plan-name"]')).toBe(name);
  });

  it('on Maven (no quotas table) says so and sets quotas top-down', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#view=comp&period=2017-Q3`);
    await waitForComp(page);
    await page.setInputFiles(
      '[data-testid="file-input"]',
      ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map(maven),
    );
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="comp-note"]')].some((n) => /no quotas table/.test(n.textContent ?? '')),
      undefined,
      { timeout: 60_000 },
    );
    await waitForComp(page);
    expect(await page.inputValue('[data-testid="comp-quota-source"]')).toBe('top_down');
    expect(
      await page.$eval('[data-testid="comp-quarter"]', (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).toBe('2017 Q3');
    const rows = await readRows(page);
    expect(rows.length).toBeGreaterThanOrEqual(20);
    // Maven 2017 Q3 won $2,982,255 (its README); every rep here is paid on that quarter's bookings.
    expect(rows.reduce((s, r) => s + r.bookings, 0)).toBeCloseTo(2_982_255, 2);
    expect(rows.every((r) => r.attainment !== null)).toBe(true);
    // Teams come through the reps file: sales_teams.csv has no team column, so each agent's team is their manager's.
    const managers = new Map(
      readFileSync(maven('sales_teams.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line): [string, string] => {
          const [agent = '', manager = ''] = line.split(',');
          return [agent, manager];
        }),
    );
    const teams = await page.$$eval('[data-rep]', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-rep') ?? '', tr.querySelector('td')?.textContent?.trim() ?? ''] as const),
    );
    const listed = teams.filter(([rep]) => managers.has(rep));
    expect(listed.length).toBeGreaterThanOrEqual(20);
    for (const [rep, team] of listed) expect(team, rep).toBe(managers.get(rep));
    expect(await page.textContent('body')).toContain("each manager's reps are one team");
  }, 180_000);

  for (const width of [1280, 1024]) {
    it(`fits a ${width} px page: results and statement tables with Payout in view`, async () => {
      const { page } = await sessions.open(siteUrl);
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${siteUrl}#view=comp&period=2026-Q3`);
      await waitForComp(page);
      const [first] = await readRows(page);
      if (!first) throw new Error('no rows');
      await page.click(`[data-rep="${first.rep}"] button`);
      await page.waitForSelector('[data-testid="comp-statement"] tbody tr');
      const fit = await page.evaluate(() => {
        const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect() ?? null;
        const header = (table: string, text: string) =>
          [...document.querySelectorAll(`${table} thead th`)]
            .find((th) => th.textContent?.trim() === text)
            ?.getBoundingClientRect().right ?? null;
        const results = document.querySelector('.results');
        return {
          page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
          results: { scroll: results?.scrollWidth ?? -1, client: results?.clientWidth ?? -1 },
          resultsTable: box('[data-testid="comp-results"]')?.right ?? null,
          payout: header('[data-testid="comp-results"]', 'Payout'),
          totalPaid: header('section[data-testid="comp-statement"] table', 'Total paid'),
        };
      });
      expect(fit.page.scroll).toBeLessThanOrEqual(fit.page.client);
      expect(fit.results.scroll).toBeLessThanOrEqual(fit.results.client);
      expect(fit.payout).not.toBeNull();
      expect(fit.payout ?? Infinity).toBeLessThanOrEqual(width);
      expect(fit.totalPaid).not.toBeNull();
      expect(fit.totalPaid ?? Infinity).toBeLessThanOrEqual(width);
    });
  }

  it('keeps plan edits in the link: a reload opens on the edited plan', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=comp&period=2026-Q3`);
    await waitForComp(page);
    expect(page.url()).not.toContain('c.plan=');
    await page.fill('[data-testid="comp-ote-0"]', '123456');
    await page.fill('[data-testid="comp-threshold"]', '40');
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('c.plan')?.includes('"threshold":0.4'));
    const edited = await readRows(page);
    await page.reload();
    await waitForComp(page);
    expect(await page.inputValue('[data-testid="comp-ote-0"]')).toBe('123456');
    expect(await page.inputValue('[data-testid="comp-threshold"]')).toBe('40');
    const want = edited[0];
    if (!want) throw new Error('no rows');
    await page.waitForFunction(
      (want) => document.querySelector(`[data-rep="${want.rep}"]`)?.getAttribute('data-payout') === String(want.payout),
      want,
    );
    expect(await readRows(page)).toEqual(edited);
    // "Back to baseline" (the fitted plan) takes the plan out of the link again.
    await page.click('text=Back to baseline');
    await page.waitForFunction(() => !location.hash.includes('c.plan='));
  });

  it('opens on the fitted plan with a notice when the link carries a broken plan', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=comp&period=2026-Q3&c.plan=${encodeURIComponent('{"version":1,"name":3}')}`);
    await waitForComp(page);
    expect(await page.textContent('body')).toMatch(/compensation plan could not be read/);
    expect(await page.inputValue('[data-testid="comp-plan-name"]')).not.toBe('');
  });
});

// Pipeline movement on the built page (docs/movement.md): the demo's waterfall reconciles to
// the cent, a clicked step opens the deals behind it with totals equal to the step, and the
// dates in the link (mv) re-read both the waterfall and the open drill.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');

interface Movement {
  from: string;
  to: string;
  start: number;
  end: number;
  steps: { step: string; count: number; amount: number }[];
}

/** The movement table once it answers the dashboard's latest refresh and the expected dates. */
async function movement(page: Page, from: string, to: string): Promise<Movement> {
  await page.waitForFunction(
    ({ f, t }) => {
      const table = document.querySelector('[data-testid="movement"]');
      const root = document.querySelector('[data-refreshed]');
      return (
        table?.getAttribute('data-from') === f &&
        table.getAttribute('data-to') === t &&
        table.getAttribute('data-refreshed') === root?.getAttribute('data-refreshed')
      );
    },
    { f: from, t: to },
    { timeout: 90_000 },
  );
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="movement"]');
    const n = (el: Element | null | undefined, name: string) => Number(el?.getAttribute(name));
    return {
      from: table?.getAttribute('data-from') ?? '',
      to: table?.getAttribute('data-to') ?? '',
      start: n(table, 'data-start-amount'),
      end: n(table, 'data-end-amount'),
      steps: [...(table?.querySelectorAll('tr[data-step]') ?? [])].map((tr) => ({
        step: tr.getAttribute('data-step') ?? '',
        count: n(tr, 'data-count'),
        amount: n(tr, 'data-amount'),
      })),
    };
  });
}

async function drilled(page: Page, target: string): Promise<{ count: number; amount: number }> {
  await page.waitForFunction(
    (t) => {
      const table = document.querySelector('[data-testid="drill"]');
      return table?.getAttribute('data-target') === t && table.getAttribute('data-busy') === 'false';
    },
    target,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const table = document.querySelector('[data-testid="drill"]');
    return { count: Number(table?.getAttribute('data-count')), amount: Number(table?.getAttribute('data-amount')) };
  });
}

const cents = (v: number) => Math.round(v * 100);
const reconciles = (m: Movement) => cents(m.start) + m.steps.reduce((s, x) => s + cents(x.amount), 0) === cents(m.end);

describe('pipeline movement in the browser', () => {
  const sessions = useBrowserSessions();

  it('draws the demo’s last week as a waterfall that reconciles, and each step opens its deals', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=2026-Q3`);
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    // The demo's reference date is 2026-09-30: the default window is the 7 days up to it.
    const week = await movement(page, '2026-09-23', '2026-09-30');
    expect(reconciles(week)).toBe(true);
    expect(week.steps.map((s) => s.step)).toEqual([
      'created',
      'pulled_in',
      'increased',
      'decreased',
      'pushed_out',
      'won',
      'lost',
    ]);
    const moved = week.steps.filter((s) => s.count > 0);
    expect(moved.length).toBeGreaterThan(1);
    for (const s of moved) {
      await page.click(`[data-testid="movement-chart"] rect[data-step="${s.step}"]`);
      const d = await drilled(page, `movement:${s.step}`);
      expect(d, s.step).toEqual({ count: s.count, amount: s.amount });
    }
    expect(decodeURIComponent(page.url())).toContain(`drill=movement:${moved.at(-1)?.step}`);

    // Other dates through the link: the waterfall and the open drill follow them.
    await page.evaluate(() => (location.hash = `${location.hash}&mv=2026-07-01..2026-09-30`));
    const quarter = await movement(page, '2026-07-01', '2026-09-30');
    expect(reconciles(quarter)).toBe(true);
    const won = quarter.steps.find((s) => s.step === 'won');
    expect(won?.count).toBeGreaterThan(0);
    await page.click('[data-testid="movement"] button[data-movement-step="won"]');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="drill"]')?.getAttribute('data-count') === String(n),
      won?.count,
      { timeout: 60_000 },
    );
    expect(await drilled(page, 'movement:won')).toEqual({ count: won?.count, amount: won?.amount });
  }, 300_000);

  it('says what it needs when the data has no history', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=2017-Q3`);
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    const maven = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map(
      (f) => `${import.meta.dirname}/../fixtures/maven-crm/${f}`,
    );
    await page.setInputFiles('[data-testid="file-input"]', maven);
    const na = page.locator('[data-testid="movement-na"]');
    await na.waitFor({ timeout: 90_000 });
    expect(await na.textContent()).toMatch(/not available.*stage history/s);
  }, 300_000);
});

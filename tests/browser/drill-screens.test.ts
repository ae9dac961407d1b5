// Drill-through from screens other than the dashboard, on the built page with the demo: each
// row of the Leads screen's lead-quality table opens the won deals behind its customers and
// revenue, their Σ equal to the row's won revenue (docs/drill.md, docs/leads.md); each step of
// the forecast waterfall opens the deals behind it, their Σ equal to the step.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');

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

describe('drill-through from the other screens', () => {
  const sessions = useBrowserSessions();

  it('opens the won deals of each lead-quality row, adding up to its won revenue', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=leads&period=2026`);
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid="leads-screen"][data-leads-state="ready"]', { timeout: 90_000 });
    const rows = await page.$$eval('[data-lead-group]', (trs) =>
      trs.map((tr) => ({
        value: tr.getAttribute('data-lead-group') ?? '',
        customers: Number(tr.getAttribute('data-customers')),
        won: Number(tr.getAttribute('data-won-amount')),
      })),
    );
    const withCustomers = rows.filter((r) => r.customers > 0);
    expect(withCustomers.length).toBeGreaterThan(1);
    for (const row of withCustomers) {
      await page.click(`[data-drill-leads="${row.value}"]`);
      const d = await drilled(page, `leads-source:${row.value}`);
      // A customer has one won deal or more: at least as many deals as customers, and Σ = the row's revenue.
      expect(d.count, row.value).toBeGreaterThanOrEqual(row.customers);
      expect(Math.abs(d.amount - row.won), row.value).toBeLessThan(0.005);
    }
    expect(decodeURIComponent(page.url())).toContain('drill=leads-source:');
  }, 300_000);

  it('opens the deals behind each forecast waterfall step, adding up to the step', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=forecast&period=2026-Q3`);
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    await page.waitForSelector('[data-forecast-state="ready"] [data-testid="forecast-waterfall"] [data-drill]', {
      timeout: 120_000,
    });
    const steps = await page.$$eval('[data-testid="forecast-waterfall"] [data-drill]', (gs) =>
      gs.map((g) => ({ drill: g.getAttribute('data-drill') ?? '', value: Number(g.getAttribute('data-value')) })),
    );
    // Booked, at least two stages, new business and the total.
    expect(steps.length).toBeGreaterThan(4);
    expect(steps.map((s) => s.drill)).toContain('forecast:booked');
    expect(steps.map((s) => s.drill)).toContain('forecast:total');
    for (const step of steps) {
      await page.click(`[data-testid="forecast-waterfall"] [data-drill="${step.drill}"]`);
      const d = await drilled(page, step.drill);
      expect(Math.abs(d.amount - step.value), step.drill).toBeLessThan(0.005);
      if (step.drill !== 'forecast:new') expect(d.count, step.drill).toBeGreaterThan(0);
    }
    expect(decodeURIComponent(page.url())).toContain('drill=forecast:total');
  }, 300_000);

  it("opens the deals of a territory row's accounts, today's and designed, adding up to its bookings and win rate", async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=territories&period=2026-Q3&t.mode=states&t.design=1&t.seed=3`);
    await waitForReady(page);
    await page.waitForSelector('[data-testid="balance-summary"][data-design="done"]', { timeout: 180_000 });
    for (const table of ['territory-table', 'territory-table-today']) {
      const rows = await page.$$eval(`[data-testid="${table}"] tr[data-territory]`, (trs) =>
        trs.map((tr) => {
          const cells = tr.querySelectorAll('td');
          return {
            name: tr.getAttribute('data-territory') ?? '',
            bookings: Number(cells[4]?.getAttribute('data-value')),
            winRate: cells[5]?.hasAttribute('data-value') ? Number(cells[5]?.getAttribute('data-value')) : null,
          };
        }),
      );
      expect(rows.length, table).toBeGreaterThan(2);
      const design = table === 'territory-table' ? 'proposed' : 'today';
      for (const row of rows.slice(0, 6)) {
        await page.click(`[data-testid="${table}"] [data-drill-territory="${row.name}"]`);
        const target = `territory:${design}/${row.name}`;
        await drilled(page, target);
        const t = await page.evaluate(() => {
          const el = document.querySelector('[data-testid="drill"]');
          const n = (a: string) => Number(el?.getAttribute(a));
          return { won: n('data-won-amount'), wonN: n('data-won-count'), lostN: n('data-lost-count') };
        });
        expect(Math.abs(t.won - row.bookings), target).toBeLessThan(0.005);
        if (row.winRate === null) expect(t.wonN + t.lostN, target).toBe(0);
        else expect(t.wonN / (t.wonN + t.lostN), target).toBeCloseTo(row.winRate, 9);
      }
    }
    expect(decodeURIComponent(page.url())).toContain('drill=territory:today/');
  }, 400_000);

  it('opens the won deals behind a payout statement line, adding up to its bookings', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=comp&period=2026-Q3`);
    await waitForReady(page);
    await page.waitForSelector('[data-comp-state="ready"] [data-rep]', { timeout: 90_000 });
    const rep = await page.locator('[data-rep]').first().getAttribute('data-rep');
    await page.click(`[data-rep="${rep}"] button`);
    await page.waitForSelector('[data-testid="comp-statement"] [data-bookings-cents] button');
    const cell = page.locator('[data-testid="comp-statement"] [data-bookings-cents]:has(button)').first();
    const cents = Number(await cell.getAttribute('data-bookings-cents'));
    expect(cents).toBeGreaterThan(0);
    await cell.locator('button').click();
    await page.waitForSelector('[data-testid="drill"]', { timeout: 60_000 });
    const target = (await page.locator('[data-testid="drill"]').getAttribute('data-target')) ?? '';
    expect(target).toMatch(new RegExp(`^rep-won:\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}/`));
    const d = await drilled(page, target);
    expect(Math.round(d.amount * 100)).toBe(cents);
    expect(d.count).toBeGreaterThan(0);
  }, 300_000);
});

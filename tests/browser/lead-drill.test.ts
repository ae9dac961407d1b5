// The leads behind the Leads screen's rows on the built page with the demo (docs/leads.md, "The
// leads of a row"): each source row, a cohort and a cost-per-lead cell open their leads, whose
// count is the row's "leads" and whose converted count is its "% to opportunity" numerator; the
// list sorts, filters, exports with its context and opens again from the link.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const TABLE = '[data-testid="lead-drill"]';
const maven = (file: string) => path.resolve(import.meta.dirname, '../fixtures/maven-crm', file);
const MAVEN_FILES = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map(maven);

interface Totals {
  count: number;
  converted: number;
  customers: number;
  won: number;
  matched: number;
  spend: string;
}

/** Waits until the lead table shows `target` (and, when given, the request `shown`), then reads its totals. */
async function listed(page: Page, target: string, shown?: string): Promise<Totals> {
  await page.waitForFunction(
    ([t, s]) => {
      const table = document.querySelector('[data-testid="lead-drill"]');
      return (
        table?.getAttribute('data-target') === t &&
        table.getAttribute('data-busy') === 'false' &&
        (s === '' || (table.getAttribute('data-shown') ?? '').includes(s))
      );
    },
    [target, shown ?? ''] as const,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const t = document.querySelector('[data-testid="lead-drill"]');
    const n = (name: string) => Number(t?.getAttribute(name));
    return {
      count: n('data-count'),
      converted: n('data-converted'),
      customers: n('data-customers'),
      won: n('data-won-amount'),
      matched: n('data-matched'),
      spend: t?.getAttribute('data-spend') ?? '',
    };
  });
}

async function openLeads(page: Page, hash: string): Promise<void> {
  await page.goto(`${siteUrl}#${hash}`);
  await waitForReady(page);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
  await page.waitForSelector('[data-testid="leads-screen"][data-leads-state="ready"]', { timeout: 90_000 });
}

const rowsOf = (page: Page, selector: string) =>
  page.$$eval(selector, (trs) =>
    trs.map((tr) => ({
      value: tr.getAttribute('data-lead-group') ?? tr.getAttribute('data-cohort') ?? '',
      leads: Number(tr.getAttribute('data-leads')),
      opp: Number(tr.getAttribute('data-opportunities')),
      customers: Number(tr.getAttribute('data-customers')),
      won: Number(tr.getAttribute('data-won-amount')),
    })),
  );

describe('the leads of a lead-quality row', () => {
  const sessions = useBrowserSessions();

  it('opens every source row and two cohorts: leads and converted leads equal the row', async () => {
    const { page } = await sessions.open(siteUrl);
    await openLeads(page, 'view=leads&period=2026');
    const rows = await rowsOf(page, '[data-lead-group]');
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      await page.click(`[data-lead-list="${row.value}"]`);
      const t = await listed(page, `leads:source:${row.value}`);
      expect([t.count, t.converted, t.customers], row.value).toEqual([row.leads, row.opp, row.customers]);
      expect(Math.abs(t.won - row.won), row.value).toBeLessThan(0.005);
    }
    expect(decodeURIComponent(page.url())).toContain('drill=leads:source:');
    const cohorts = await rowsOf(page, '[data-cohort]');
    const mature = cohorts.find((c) => c.customers > 0);
    const young = cohorts.at(-1);
    for (const c of [mature, young]) {
      if (!c) throw new Error('the demo has no cohort with customers in 2026');
      await page.click(`[data-cohort-leads="${c.value}"]`);
      const t = await listed(page, `leads:month:${c.value}`);
      expect([t.count, t.converted, t.customers], c.value).toEqual([c.leads, c.opp, c.customers]);
    }
  }, 300_000);

  it('opens a cost-per-lead cell, sorts, filters, exports with context and reopens from the link', async () => {
    const { page } = await sessions.open(siteUrl);
    await openLeads(page, 'view=leads&period=2026');
    const cost = page.locator('[data-lead-cost]').first();
    const source = (await cost.getAttribute('data-lead-cost')) ?? '';
    const row = (await rowsOf(page, `[data-lead-group="${source}"]`))[0];
    await cost.click();
    const t = await listed(page, `leads:source:${source}`);
    expect(t.count).toBe(row?.leads);
    expect(Number(t.spend)).toBeGreaterThan(0);
    // The cell's cost per lead is the list's spend ÷ its leads.
    await expect(page.locator('[data-testid="lead-drill-cost"]').textContent()).resolves.toContain(
      `÷ ${t.count.toLocaleString('en-US')} leads`,
    );

    await page.click(`${TABLE} [data-sort="won_amount"]`);
    await listed(page, `leads:source:${source}`, 'won_amount');
    const won = await page.$$eval(`${TABLE} tbody tr`, (trs) =>
      trs.map((tr) => Number(tr.querySelectorAll('td')[14]?.getAttribute('data-value'))),
    );
    expect(won.length).toBe(Math.min(50, t.count));
    expect(won).toEqual([...won].sort((a, b) => b - a));
    expect(won[0]).toBeGreaterThan(0);
    expect(page.url()).toContain('drill.sort=won_amount.desc');

    await page.fill('[data-testid="lead-drill-search"]', 'converted');
    const filtered = await listed(page, `leads:source:${source}`, '"converted"');
    expect(filtered.count).toBe(t.count);
    expect(filtered.matched).toBeGreaterThan(0);
    expect(filtered.matched).toBeLessThan(t.count);

    // The page's one export control (docs/exports.md): every matching lead, the CSV the table alone,
    // the workbook's Context sheet what the rows are, for which period, filters and day, and the totals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.lead-drill [data-export="csv"]')]);
    const lines = readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^lead_id,company,source,/);
    expect(lines.slice(1).filter((l) => l !== '')).toHaveLength(filtered.matched);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('.lead-drill [data-export="xlsx"]')]);
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(readFileSync((await xlsx.path()) ?? ''));
    expect(book.SheetNames).toHaveLength(2);
    expect(book.SheetNames[1]).toBe('Context');
    const sheet = book.Sheets[book.SheetNames[0] ?? ''];
    expect(sheet ? XLSX.utils.sheet_to_json(sheet) : []).toHaveLength(filtered.matched);
    const contextSheet = book.Sheets.Context;
    const about = (contextSheet ? XLSX.utils.sheet_to_json<string[]>(contextSheet, { header: 1 }) : [])
      .map((r) => r[0])
      .join('\n');
    expect(about).toContain(`Leads with source ${source} created in 2026`);
    expect(about).toMatch(/Period: .*\n/);
    expect(about).toMatch(/Text filter: "converted"/);

    // The link alone opens the same list (a fresh page, sort and filter kept).
    const link = page.url();
    const again = await sessions.open(siteUrl);
    await openLeads(again.page, link.slice(link.indexOf('#') + 1));
    const reopened = await listed(again.page, `leads:source:${source}`);
    expect([reopened.count, reopened.converted, reopened.matched]).toEqual([t.count, t.converted, filtered.matched]);
    await again.page.keyboard.press('Escape');
    await again.page.waitForFunction(() => !location.hash.includes('drill='));
  }, 300_000);

  it('reads the Leads screen and its lead list as of the link’s reference date', async () => {
    const { page } = await sessions.open(siteUrl);
    await openLeads(page, 'view=leads&period=2026&ref=2026-06-30&drill=leads:source:Web');
    await expect(page.locator('[data-testid="leads-screen"] .lede').textContent()).resolves.toContain('as of Jun 30, 2026');
    const t = await listed(page, 'leads:source:Web');
    const web = (await rowsOf(page, '[data-lead-group="Web"]'))[0];
    expect([t.count, t.converted, t.customers]).toEqual([web?.leads, web?.opp, web?.customers]);
    // Groups and cohorts hold the same leads also when the reference date lies inside the period.
    const groups = await rowsOf(page, '[data-lead-group]');
    const cohorts = await rowsOf(page, '[data-cohort]');
    const sum = (rows: { leads: number }[]) => rows.reduce((n, r) => n + r.leads, 0);
    expect(sum(cohorts)).toBe(sum(groups));
    await expect(page.locator('.lead-drill').textContent()).resolves.toContain('won by 2026-06-30');
    // As of the data's last day (2026-09-30) more of the same leads have become opportunities and customers.
    const again = await sessions.open(siteUrl);
    await openLeads(again.page, 'view=leads&period=2026&drill=leads:source:Web');
    const later = await listed(again.page, 'leads:source:Web');
    expect(later.count).toBe(t.count);
    expect(later.converted).toBeGreaterThan(t.converted);
    expect(later.customers).toBeGreaterThan(t.customers);
    // Leaving the Leads screen closes the list, so the dashboard's link does not carry it.
    await again.page.click('nav.views button:has-text("Dashboard")');
    await again.page.waitForFunction(() => location.hash.includes('view=dashboard'));
    expect(decodeURIComponent(again.page.url())).not.toContain('drill=');
  }, 300_000);

  it('says no leads are loaded on Maven (deals only), and the article’s variants are not available with the reason', async () => {
    const { page } = await sessions.open(siteUrl);
    await openLeads(page, 'view=leads&period=all');
    await page.setInputFiles('[data-testid="file-input"]', MAVEN_FILES);
    await page.waitForFunction(() => document.querySelector('[data-testid="leads-unavailable"]') !== null, null, {
      timeout: 90_000,
    });
    await expect(page.locator('[data-testid="leads-unavailable"]').textContent()).resolves.toMatch(/No leads are loaded/);
    expect(await page.locator('[data-lead-list]').count()).toBe(0);
    await page.evaluate(() => {
      location.hash = 'view=dashboard&period=all&k.win_rate=won_over_leads&k.avg_sales_cycle_days=lead_to_customer';
    });
    for (const kpi of ['win_rate', 'avg_sales_cycle_days']) {
      const tile = page.locator(`[data-kpi="${kpi}"]`);
      await page.waitForFunction((k) => document.querySelector(`[data-kpi="${k}"]`)?.getAttribute('data-value') === '', kpi, {
        timeout: 60_000,
      });
      await expect(tile.textContent()).resolves.toMatch(/lead/i);
    }
  }, 300_000);
});

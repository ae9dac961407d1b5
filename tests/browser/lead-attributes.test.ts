// Lead quality by any lead attribute on the built page (docs/leads.md, "By attribute"): the demo by
// campaign and landing page, checked against the demo's own files counted in plain JS (leads,
// customers, the All row's mean and median days lead → customer); every campaign row's leads and
// won deals open equal to the row; the grouping lives in the link; a dropped file's own column with
// 60 values shows the 50 largest groups plus "Other", said on screen, whose leads open as one list.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEMO } from '../../src/demo/firstPaint';
import { loadDemo, table } from '../unit/demo/demoData';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const OPP_HEAD =
  'opportunity_id,name,account_id,account_name,owner,stage,status,amount,currency,created_date,close_date,probability,forecast_category,lead_source,deal_type,product,lead_id';
const OPP = 'D52,d52,A1,Acme,A,Closed Won,won,250,USD,2024-01-20,2024-01-29,1,closed,Web,New,P1,L52';
const REF = '2026-09-30';

/** The demo's 2026 leads with their first won close (plain JS over the generator's files, not our SQL). */
function expectedDemo(): { byCampaign: Map<string, { leads: number; customers: number }>; days: number[] } {
  const demo = loadDemo(DEMO);
  const deals = new Map<string, { status: string; close: string }[]>();
  for (const o of table(demo, 'opportunities')) {
    const list = deals.get(o.opportunity_id ?? '') ?? [];
    list.push({ status: o.status ?? '', close: o.close_date ?? '' });
    deals.set(o.opportunity_id ?? '', list);
  }
  const byLead = new Map<string, string[]>();
  for (const o of table(demo, 'opportunities'))
    if (o.lead_id) byLead.set(o.lead_id, [...(byLead.get(o.lead_id) ?? []), o.opportunity_id ?? '']);
  const byCampaign = new Map<string, { leads: number; customers: number }>();
  const days: number[] = [];
  for (const l of table(demo, 'leads')) {
    const created = l.created_date ?? '';
    if (!created.startsWith('2026-')) continue;
    const ids = new Set([
      ...(byLead.get(l.lead_id ?? '') ?? []),
      ...(l.converted_opportunity_id ? [l.converted_opportunity_id] : []),
    ]);
    const wins = [...ids]
      .flatMap((id) => deals.get(id) ?? [])
      .filter((d) => d.status === 'won' && d.close <= REF && d.close >= created)
      .map((d) => d.close)
      .sort();
    const c = byCampaign.get(l.campaign ?? '') ?? { leads: 0, customers: 0 };
    c.leads += 1;
    if (wins[0]) {
      c.customers += 1;
      days.push((Date.parse(wins[0]) - Date.parse(created)) / 86_400_000);
    }
    byCampaign.set(l.campaign ?? '', c);
  }
  return { byCampaign, days };
}

async function openLeads(page: Page, hash: string): Promise<void> {
  await page.goto(`${siteUrl}#${hash}`);
  await waitForReady(page);
  await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
  await page.waitForSelector('[data-testid="leads-screen"][data-leads-state="ready"]', { timeout: 90_000 });
}

const groups = (page: Page) =>
  page.$$eval('tbody [data-leads]', (trs) =>
    trs
      .filter((tr) => tr.closest('[data-testid="lead-groups"]'))
      .map((tr) => ({
        value: tr.getAttribute('data-lead-group'),
        other: tr.getAttribute('data-other-values'),
        leads: Number(tr.getAttribute('data-leads')),
        opp: Number(tr.getAttribute('data-opportunities')),
        customers: Number(tr.getAttribute('data-customers')),
        won: Number(tr.getAttribute('data-won-amount')),
      })),
  );

async function waitTable(page: Page, selector: string, target: string): Promise<Record<string, string>> {
  await page.waitForFunction(
    ([s, t]) => {
      const el = document.querySelector(s);
      return el?.getAttribute('data-target') === t && el.getAttribute('data-busy') === 'false';
    },
    [selector, target] as const,
    { timeout: 60_000 },
  );
  return page.$eval(selector, (el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));
}

describe('lead quality by any attribute', () => {
  const sessions = useBrowserSessions();

  it('groups the demo by campaign and landing page, equal to its files counted by hand, every row drillable', async () => {
    const want = expectedDemo();
    const { page } = await sessions.open(siteUrl);
    await openLeads(page, 'view=leads&period=2026&lq.by=campaign');
    await expect(page.locator('[data-testid="leads-by"]').inputValue()).resolves.toBe('campaign');
    const options = await page.$$eval('[data-testid="leads-by"] option', (os) => os.map((o) => o.getAttribute('value')));
    expect(options).toEqual(expect.arrayContaining(['source', 'campaign', 'landing_page', 'owner', 'state']));
    await expect(page.locator('[data-testid="lead-groups"] thead th').first().textContent()).resolves.toBe('Campaign');

    const rows = await groups(page);
    expect(rows.map((r) => [r.value, r.leads, r.customers]).sort()).toEqual(
      [...want.byCampaign].map(([c, n]) => [c, n.leads, n.customers]).sort(),
    );
    // The All row: every 2026 lead, and the mean and median days of its customers.
    const all = await page.$eval('[data-lead-all]', (tr) => ({
      leads: Number(tr.getAttribute('data-leads')),
      mean: Number(tr.getAttribute('data-days-mean')),
      median: Number(tr.getAttribute('data-days-median')),
    }));
    const days = [...want.days].sort((a, b) => a - b);
    const mid = Math.floor(days.length / 2);
    const median = days.length % 2 ? (days[mid] ?? 0) : ((days[mid - 1] ?? 0) + (days[mid] ?? 0)) / 2;
    expect(days.length).toBeGreaterThan(10);
    expect(all.leads).toBe(rows.reduce((n, r) => n + r.leads, 0));
    expect(all.mean).toBeCloseTo(days.reduce((a, b) => a + b, 0) / days.length, 9);
    expect(all.median).toBe(median);
    await expect(page.locator('[data-lead-all]').textContent()).resolves.toContain('(median');

    for (const row of rows) {
      await page.click(`[data-lead-list="${row.value}"]`);
      const list = await waitTable(page, '[data-testid="lead-drill"]', `leads:campaign:${row.value}`);
      expect(
        [Number(list['data-count']), Number(list['data-converted']), Number(list['data-customers'])],
        row.value ?? '',
      ).toEqual([row.leads, row.opp, row.customers]);
      if (row.customers === 0) continue;
      await page.click(`[data-drill-leads="${row.value}"]`);
      const deals = await waitTable(page, '[data-testid="drill"]', `leads-campaign:${row.value}`);
      expect(Math.abs(Number(deals['data-amount']) - row.won), row.value ?? '').toBeLessThan(0.005);
    }
    // The list names the campaign in a column of its own.
    await page.click(`[data-lead-list="${rows[0]?.value}"]`);
    await waitTable(page, '[data-testid="lead-drill"]', `leads:campaign:${rows[0]?.value}`);
    await expect(page.locator('[data-testid="lead-drill"] [data-sort="attribute"]').textContent()).resolves.toContain('Campaign');

    // Another grouping goes into the link; offline channels have no landing page (the blank group).
    await page.selectOption('[data-testid="leads-by"]', 'landing_page');
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('lq.by=landing_page'));
    await page.waitForFunction(
      () => document.querySelector('[data-testid="lead-groups"] thead th')?.textContent === 'Landing page',
    );
    const pages = await groups(page);
    expect(pages.map((r) => r.value)).toEqual(expect.arrayContaining(['/pricing', '/demo', '']));
    expect(pages.reduce((n, r) => n + r.leads, 0)).toBe(all.leads);
  }, 300_000);

  it('keeps a dropped file’s own columns as attributes, capped at the 50 largest groups plus "Other"', async () => {
    const n = (i: number) => String(i).padStart(2, '0');
    const lines = [
      'lead_id,created_date,source,status,is_converted,converted_date,converted_opportunity_id,owner,company,country,state,Visitor ID,Lead Form',
      ...Array.from(
        { length: 60 },
        (_, k) =>
          `L${n(k + 1)},2024-01-${n(1 + (k % 28))},Web,Open,false,,,A,C${n(k + 1)},,,${k < 57 ? `V${n(k + 1)}` : ''},${k % 2 ? 'Demo' : 'Trial'}`,
      ),
    ];
    const { page } = await sessions.open(siteUrl);
    await openLeads(page, 'view=leads&period=all');
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') },
      // A load needs deals: one, won from L52 (in the "Other" row).
      { name: 'opportunities.csv', mimeType: 'text/csv', buffer: Buffer.from(`${OPP_HEAD}\n${OPP}\n`) },
    ]);
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="leads-by"] option')].some(
          (o) => o.getAttribute('value') === 'attr.Visitor ID',
        ),
      null,
      {
        timeout: 90_000,
      },
    );
    await page.selectOption('[data-testid="leads-by"]', 'attr.Visitor ID');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="lead-groups"] thead th')?.textContent === 'Visitor ID',
    );
    const rows = await groups(page);
    expect(rows).toHaveLength(51);
    const other = rows[50];
    expect([other?.other, other?.leads, other?.customers, other?.won]).toEqual(['8', 8, 1, 250]);
    await expect(page.locator('[data-testid="lead-groups-capped"]').textContent()).resolves.toMatch(
      /58 values among these leads: the 50 with the most\s+leads are shown, the other 8/,
    );
    await page.locator('[data-other-values] button.link').first().click();
    const list = await waitTable(page, '[data-testid="lead-drill"]', 'leads:attr.Visitor ID');
    expect([Number(list['data-count']), Number(list['data-customers'])]).toEqual([8, 1]);
    // And its won deals: L52's D52.
    await page.click('[data-other-values] button:has-text("won deals")');
    const won = await waitTable(page, '[data-testid="drill"]', 'leads-attr.Visitor ID');
    expect([Number(won['data-count']), Number(won['data-amount'])]).toEqual([1, 250]);
    // The "Other" row's won deals are written without a value: drill=leads-<attribute>.
    const hash = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect([hash.get('drill'), hash.get('lq.by')]).toEqual(['leads-attr.Visitor ID', 'attr.Visitor ID']);
  }, 300_000);
});

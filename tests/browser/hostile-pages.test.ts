// Issue 14's broken or misleading pages, each reproduced in the built site: a link repeating a
// bad key, periods past year 9999, a malformed snapshot, two files with the same name, an empty
// file, and an embedded panel showing the demo after refusing its link.
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { compressJson } from '../../src/share/codec';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const ZOHO = path.resolve(import.meta.dirname, '../fixtures/crm/zoho/Potentials_2024_04_01.csv');
const notices = '[role="status"].notice';

describe('hostile links and files', () => {
  const sessions = useBrowserSessions();

  it('renders a link repeating a bad key, with its notices', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all&f.bogus=1&f.bogus=2`);
    await waitForReady(page);
    expect(await tileValue(page, 'won_amount')).toBeGreaterThan(0);
    expect(await page.locator(notices).count()).toBeGreaterThanOrEqual(2);
  });

  it('refuses periods reaching year 9999 from the link and from the custom-range inputs', async () => {
    const { page } = await sessions.open(siteUrl);
    // A refused period falls back to the default one (the fiscal quarter of the reference date).
    await page.goto(`${siteUrl}#view=dashboard`);
    await waitForReady(page);
    const allWon = await tileValue(page, 'won_amount');

    await page.goto(`${siteUrl}#view=dashboard&period=2017-01-01..9999-12-31`);
    await page.reload();
    await waitForReady(page);
    await page.waitForSelector(`${notices}:has-text("reaches the year 9999")`);
    expect(await tileValue(page, 'won_amount')).toBe(allWon);

    await page.click('summary:has-text("Settings and custom period")');
    await page.fill('[data-testid="range-from"]', '2017-01-01');
    await page.fill('[data-testid="range-to"]', '9999-12-30');
    await page.click('[data-testid="apply-range"]');
    await page.waitForSelector(`${notices}:has-text("9999-12-30")`);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await tileValue(page, 'won_amount')).toBe(allWon);
  });

  it('shows the page with a notice for a malformed snapshot instead of a blank page', async () => {
    const { page } = await sessions.open(siteUrl);
    for (const result of [
      {
        period: 'all',
        periodLabel: 'All',
        grain: 'month',
        kpis: [null],
        bookings: [],
        extent: { opportunities: 1, firstClose: null, lastClose: null, referenceDate: null },
      },
      {
        period: 'all',
        periodLabel: 'All',
        grain: 'month',
        kpis: [],
        bookings: [{}],
        extent: { opportunities: 1, firstClose: null, lastClose: null, referenceDate: null },
      },
    ]) {
      const snap = await compressJson({
        v: 1,
        takenAt: '2026-01-01T00:00:00Z',
        source: 'x',
        view: '#view=dashboard&period=all',
        result,
      });
      await page.goto(`${siteUrl}#view=dashboard&period=all&snap=${snap}`);
      await page.reload();
      await waitForReady(page);
      await page.waitForSelector(`${notices}:has-text("snapshot in this link is incomplete")`);
      expect(await tileValue(page, 'won_amount')).toBeGreaterThan(0);
    }
  });

  it('opens the Data screen for two files with the same name, each reconciled', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=data&period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'Potentials.csv', mimeType: 'text/csv', buffer: await import('node:fs').then((fs) => fs.readFileSync(ZOHO)) },
      { name: 'Potentials.csv', mimeType: 'text/csv', buffer: await import('node:fs').then((fs) => fs.readFileSync(ZOHO)) },
    ]);
    const rows = page.locator('tr[data-file="Potentials.csv"]');
    await rows.nth(1).waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(2);
    for (const i of [0, 1]) {
      const read = Number(await rows.nth(i).getAttribute('data-rows-read'));
      const parts = ['loaded', 'rejected', 'skipped'].map((k) => rows.nth(i).getAttribute(`data-rows-${k}`));
      expect((await Promise.all(parts)).reduce((s, v) => s + Number(v), 0)).toBe(read);
    }
  });

  it('says a dropped empty file is empty', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
    ]);
    await page.waitForSelector('[role="alert"]:has-text("export.csv: the file is empty")');
    expect(await page.locator('[data-testid="apply-mapping"]').count()).toBe(0);
  });

  it('labels the embedded panel as demo data and shows why the link was refused', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#embed=1&panel=kpis&period=2017-13&data=https://elsewhere.example/deals.csv`);
    await page.waitForSelector('[data-state="ready"]', { timeout: 60_000 });
    await page.waitForSelector('[data-testid="embed-demo-label"]');
    const said = (await page.locator('[data-testid="embed-notice"]').allTextContents()).join(' ');
    expect(said).toContain('2017-13');
    expect(said).toMatch(/elsewhere\.example/);
  });

  it('does not follow a data= address that redirects to another origin: no request leaves', async () => {
    const { page, context, problems } = await sessions.open(siteUrl);
    // A same-origin address that answers with a redirect to another server (the route stands in for the host).
    await context.route(`${siteUrl}moved/deals.csv`, (route) =>
      route.fulfill({ status: 302, headers: { location: 'http://127.0.0.2:9/deals.csv' } }),
    );
    await page.goto(`${siteUrl}#view=dashboard&period=all&data=moved/deals.csv`);
    await page.waitForSelector('[role="alert"]:has-text("answered with a redirect")', { timeout: 60_000 });
    // useBrowserSessions fails the test on any request to another origin; say it here too.
    expect(problems).toEqual([]);
  });

  it('keeps one owner when a file mixes UTF-8 and Windows-1252 lines, and says so', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    const header = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n';
    const row = (i: number, agent: string) => `D${i},${agent},GTX Basic,Acme,Won,2017-01-02,2017-02-0${i},100\n`;
    // "José Muñoz" saved once as UTF-8 and once as Windows-1252 (é = E9, ñ = F1), written out by hand.
    const latin1 = Buffer.from(row(2, 'Jos\u00e9 Mu\u00f1oz'), 'latin1');
    const buffer = Buffer.concat([
      Buffer.from(header + row(1, 'José Muñoz'), 'utf8'),
      latin1,
      Buffer.from(row(3, 'Ann Lee'), 'utf8'),
    ]);
    await page.setInputFiles('[data-testid="file-input"]', [{ name: 'sales_pipeline.csv', mimeType: 'text/csv', buffer }]);
    await page.waitForSelector('[data-testid="apply-mapping"], .data-label:has-text("sales_pipeline.csv")', { timeout: 60_000 });
    if ((await page.locator('[data-testid="apply-mapping"]').count()) > 0) {
      await page.waitForSelector('[data-testid="reading-note"]:has-text("mixes encodings")');
      await page.click('[data-testid="apply-mapping"]');
    }
    await page.waitForSelector('.data-label:has-text("sales_pipeline.csv")', { timeout: 60_000 });
    await waitForReady(page);
    const labels = await page.locator('[data-testid="leaderboard"] tbody tr td:nth-child(2)').allTextContents();
    expect(labels.sort()).toEqual(['Ann Lee', 'José Muñoz']);
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.waitForSelector('.note:has-text("mixes encodings: 1 line(s) (the first is line 3)")');
  });
});

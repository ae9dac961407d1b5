// The lead-quality screen on the demo in real Chromium, and the article's KPI variants by link.
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');

describe('lead quality', () => {
  const sessions = useBrowserSessions();

  it('shows leads by source adding up to the lead pool, maturing cohorts, and a judged score', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=leads&period=all`);
    await waitForReady(page);
    await page.waitForSelector('[data-testid="leads-screen"][data-leads-state="ready"]', { timeout: 60_000 });
    const groups = await page.$$eval('[data-lead-group]', (rows) => rows.map((r) => Number(r.getAttribute('data-leads'))));
    expect(groups.length).toBeGreaterThan(2);
    const cohortLeads = await page.$$eval('[data-cohort]', (rows) =>
      rows.map((r) => Number(r.querySelector('td')?.textContent?.replaceAll(',', ''))),
    );
    // Every lead of the period is in exactly one source group and one creation month.
    expect(cohortLeads.reduce((a, b) => a + b, 0)).toBe(groups.reduce((a, b) => a + b, 0));
    // The latest months cannot have converted yet: they are labelled maturing, not failing.
    const maturing = await page.$$eval('[data-cohort][data-maturing="true"]', (rows) => rows.length);
    expect(maturing).toBeGreaterThan(0);
    // A score is shown with its out-of-sample AUC, and either ranks leads or says why not.
    const score = page.locator('[data-testid="lead-score"]');
    const auc = Number(await score.getAttribute('data-auc'));
    expect(auc).toBeGreaterThan(0);
    const ranked = Number(await score.getAttribute('data-ranked'));
    if (ranked === 0) await expect(page.locator('[data-testid="lead-score-reason"]').count()).resolves.toBe(1);
    else await expect(page.locator('[data-testid="lead-ranked"] tbody tr').count()).resolves.toBeGreaterThan(0);

    await page.selectOption('[data-testid="leads-screen"] header select', 'owner');
    await page.waitForSelector('[data-testid="leads-screen"][data-leads-state="ready"]');
    const byOwner = await page.$$eval('[data-lead-group]', (rows) => rows.map((r) => Number(r.getAttribute('data-leads'))));
    expect(byOwner.reduce((a, b) => a + b, 0)).toBe(groups.reduce((a, b) => a + b, 0));
  });

  it("opens the article's variants from the link", async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#period=all&k.win_rate=won_over_leads&k.avg_sales_cycle_days=lead_to_customer`);
    await waitForReady(page);
    await page.waitForFunction(() => document.querySelector('[data-kpi="win_rate"]')?.getAttribute('data-value') !== null);
    const winRate = await tileValue(page, 'win_rate');
    const cycle = await tileValue(page, 'avg_sales_cycle_days');
    expect(winRate).not.toBeNull();
    expect(winRate!).toBeGreaterThan(0);
    expect(winRate!).toBeLessThan(0.5); // customers from the lead pool: far below the deals' win rate
    expect(cycle!).toBeGreaterThan(0);
    expect(page.url()).toContain('k.win_rate=won_over_leads');
  });
});

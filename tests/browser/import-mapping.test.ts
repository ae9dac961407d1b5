// The mapping screen in real Chromium: what was recognized (confidence, sample values),
// changing a column and the meaning of a stage, and the choice remembered for the next
// file with the same headers.
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const GENERIC = path.resolve(import.meta.dirname, '../fixtures/crm/generic/my deals (Q1).csv');
const ZOHO = path.resolve(import.meta.dirname, '../fixtures/crm/zoho/Potentials_2024_04_01.csv');

describe('mapping screen', () => {
  const sessions = useBrowserSessions();

  it('shows the guess with its confidence and samples, takes the user’s changes, and remembers them', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', GENERIC);
    await page.waitForSelector('[data-testid="apply-mapping"]');

    const article = page.locator('article.mapping-file[data-file="my deals (Q1).csv"]');
    expect(await article.getAttribute('data-preset')).toBe('generic');
    expect(Number(await article.getAttribute('data-confidence'))).toBeLessThan(1);
    await expect(article.locator('.recognized').textContent()).resolves.toMatch(/guessed from the headers, confidence \d+ %/);
    await expect(article.locator('tr[data-target="amount"] .samples').textContent()).resolves.toBe('1000 · 2500 · 800');
    // The stage values were read from the file and Won/Lost recognized by name.
    expect(await page.inputValue('select[aria-label="Meaning of Won"]')).toBe('won');
    expect(await page.inputValue('select[aria-label="Meaning of Lost"]')).toBe('lost');

    // "Deal" is not a header we know as an id: the user picks it. Then counts Negotiation as lost.
    await page.selectOption('select[aria-label="Column for opportunity_id"]', 'Deal');
    await page.selectOption('select[aria-label="Meaning of Negotiation"]', 'lost');
    await page.click('[data-testid="apply-mapping"]');
    await waitForReady(page);
    // Won 1,000 + 2,500 + 500; lost C and D (Negotiation) → 3 of 5; only E (1,500) is open.
    expect(await tileValue(page, 'won_amount')).toBe(4000);
    expect(await tileValue(page, 'win_rate')).toBe(0.6);
    expect(await tileValue(page, 'open_pipeline')).toBe(1500);

    // Another file with the same headers: loaded as mapped last time, without the mapping screen
    // (Negotiation still counts as lost): won 700 of D-7, lost D-8, open D-9 at 200.
    const next = [
      'Deal,Customer,Salesperson,Stage,Value,Created,Expected close',
      'D-7,Acme GmbH,Maria Lopez,Won,700,2024-04-01,2024-04-20',
      'D-8,Beta Corp,Tom Becker,Negotiation,300,2024-04-02,2024-04-25',
      'D-9,Gamma Ltd,Maria Lopez,Qualified,200,2024-04-03,2024-06-30',
    ].join('\n');
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'my deals (Q2).csv', mimeType: 'text/csv', buffer: Buffer.from(next) },
    ]);
    await page.waitForFunction(() => document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value') === '700');
    await waitForReady(page);
    expect(await page.locator('[data-testid="apply-mapping"]').count()).toBe(0);
    expect(await tileValue(page, 'win_rate')).toBe(0.5);
    expect(await tileValue(page, 'open_pipeline')).toBe(200);
  });

  it('loads a recognized CRM export straight away', async () => {
    const session = await sessions.open(siteUrl);
    const { page } = session;
    await page.goto(`${siteUrl}#period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', ZOHO);
    await page.waitForFunction(() => document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value') === '4000');
    expect(await page.locator('[data-testid="apply-mapping"]').count()).toBe(0);
    expect(await tileValue(page, 'win_rate')).toBe(0.75);
  });
});

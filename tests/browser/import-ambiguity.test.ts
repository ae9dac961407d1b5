// The question on the mapping screen in real Chromium (docs/import.md): a column whose values
// read two ways shows both readings with their effect, Load waits for the answer, the answer
// loads the numbers it said, and it is remembered for the next file with the same headers.
// DOCS_SCREENSHOTS=1 also writes docs/import-question.png from this page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/messy/money-thousands-ambiguous.csv');
const DATES = path.resolve(import.meta.dirname, '../fixtures/messy/dates-ambiguous.csv');
const HAND_MAPPED = path.resolve(import.meta.dirname, '../fixtures/hand-mapped/deals-second-amount.csv');
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/import-question.png');

describe('ambiguous values are asked', () => {
  const sessions = useBrowserSessions();

  it('asks thousands or decimal with each effect, waits, loads the answer and remembers it', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', FIXTURE);
    const question = page.locator('[data-testid="ambiguity"][data-column="close_value"]');
    await question.waitFor();
    expect(await page.locator('[data-testid="apply-mapping"]').isDisabled()).toBe(true);
    // 4,800 + 500 + 23,000 as thousands; 4.8 + 500 + 23 as decimals (summed by hand).
    const thousands = question.locator('label', { has: page.locator('[data-reading="thousands"]') });
    const decimal = question.locator('label', { has: page.locator('[data-reading="decimal"]') });
    expect(await thousands.textContent()).toMatch(/all 3 values read · total 28,?300/);
    expect(await decimal.textContent()).toMatch(/all 3 values read · total 527\.8/);
    if (process.env['DOCS_SCREENSHOTS']) await question.screenshot({ path: SCREENSHOT });

    await page.check('[data-testid="ambiguity"][data-column="close_value"] [data-reading="thousands"]');
    expect(await page.locator('[data-testid="apply-mapping"]').isDisabled()).toBe(false);
    await page.click('[data-testid="apply-mapping"]');
    await page.waitForFunction(() => document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value') === '27800');
    await waitForReady(page);
    expect(await tileValue(page, 'won_amount')).toBe(27800);

    // The same headers again, with other amounts: read as thousands without asking (4,000 won).
    const again = readFileSync(FIXTURE, 'utf8').replace('"4,800"', '"4,000"');
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(again) },
    ]);
    await page.waitForFunction(() => document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value') === '27000');
    expect(await page.locator('[data-testid="ambiguity"]').count()).toBe(0);
  });

  it('asks day-first or month-first with each date range', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', DATES);
    const question = page.locator('[data-testid="ambiguity"][data-column="close_date"]');
    await question.waitFor();
    // Close dates 4/5, 5/5, 6/5 of 2021: April–June month-first, May 4 – May 6 day-first.
    const monthFirst = question.locator('label', { has: page.locator('[data-reading="month-first"]') });
    const dayFirst = question.locator('label', { has: page.locator('[data-reading="day-first"]') });
    expect(await monthFirst.textContent()).toMatch(/2021-04-05 to 2021-06-05/);
    expect(await dayFirst.textContent()).toMatch(/2021-05-04 to 2021-05-06/);
    for (const column of ['engage_date', 'close_date'])
      await page.check(`[data-testid="ambiguity"][data-column="${column}"] [data-reading="month-first"]`);
    await page.click('[data-testid="apply-mapping"]');
    await page.waitForFunction(() => document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value') === '3234.56');
    await page.goto(`${siteUrl}#view=dashboard&period=2021-04`);
    await page.waitForFunction(() => document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value') === '1234.56');
  });

  it('asks when the user chooses, by hand, a column whose values read two ways', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', HAND_MAPPED);
    const amount = page.locator('select[aria-label="Column for amount"]');
    await amount.waitFor();
    expect(await page.locator('[data-testid="ambiguity"]').count()).toBe(0);
    await amount.selectOption('net_value');
    const question = page.locator('[data-testid="ambiguity"][data-column="net_value"]');
    await question.waitFor();
    expect(await page.locator('[data-testid="apply-mapping"]').isDisabled()).toBe(true);
    // 1,500 + 2,250 + 900 + 12,000 as thousands; 1.5 + 2.25 + 900 + 12 as decimals (by hand).
    const thousands = question.locator('label', { has: page.locator('[data-reading="thousands"]') });
    const decimal = question.locator('label', { has: page.locator('[data-reading="decimal"]') });
    expect(await thousands.textContent()).toMatch(/all 4 values read · total 16,?650/);
    expect(await decimal.textContent()).toMatch(/all 4 values read · total 915\.75/);
    // Back to the recognized column: the question goes; chosen again, it comes back.
    await amount.selectOption('close_value');
    await question.waitFor({ state: 'detached' });
    await amount.selectOption('net_value');
    await question.waitFor();
    await page.check('[data-testid="ambiguity"][data-column="net_value"] [data-reading="thousands"]');
    await page.locator('[data-testid="apply-mapping"]:enabled').waitFor();
    await page.click('[data-testid="apply-mapping"]');
    // Won H1, H2 and H4: 1,500 + 2,250 + 12,000.
    await page.waitForFunction(() => document.querySelector('[data-kpi="won_amount"]')?.getAttribute('data-value') === '15750');
  });
});

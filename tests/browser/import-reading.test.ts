// How a file is read, chosen on the mapping screen in real Chromium: the detected delimiter
// and encoding shown and changeable, a workbook's sheet chooser (sheet names are user data,
// shown as text only), each change reading that file again and proposing its mapping again;
// then the engine worker ends silently and the page notices, restarts it and reloads the files.
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const EVIL = '<img src=x onerror=alert(1)>';

/** The corpus workbook (Cover empty, Deals, Notes) with one more sheet whose name is markup. */
function workbookWithEvilSheet(): Buffer {
  const file = path.resolve(import.meta.dirname, '../fixtures/messy/several-sheets.xlsx');
  const book = XLSX.read(readFileSync(file), { type: 'buffer' });
  XLSX.utils.book_append_sheet(
    book,
    XLSX.utils.aoa_to_sheet([
      ['not', 'deals'],
      ['1', '2'],
    ]),
    EVIL,
  );
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

const SEMICOLON = [
  'Deal;Customer;Salesperson;Stage;Value;Created;Expected close',
  'D-1;Acme GmbH;Maria Lopez;Won;1000;2024-01-10;2024-02-09',
  'D-2;Beta Corp;Tom Becker;Won;2500;2024-02-01;2024-03-02',
  'D-3;Gamma Ltd;Maria Lopez;Lost;800;2024-01-15;2024-03-15',
].join('\n');

describe('reading choices on the mapping screen', () => {
  const sessions = useBrowserSessions();

  it('changes delimiter and sheet, reads the file again, and runs nothing from a sheet name', async () => {
    const { page } = await sessions.open(siteUrl);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${siteUrl}#period=all`);
    await waitForReady(page);
    await page.setInputFiles('[data-testid="file-input"]', [
      { name: 'deals semi.csv', mimeType: 'text/csv', buffer: Buffer.from(SEMICOLON) },
      { name: 'book.xlsx', mimeType: 'application/octet-stream', buffer: workbookWithEvilSheet() },
    ]);
    await page.waitForSelector('[data-testid="apply-mapping"]');

    const csv = page.locator('article.mapping-file[data-file="deals semi.csv"]');
    const idColumn = csv.locator('select[aria-label="Column for opportunity_id"] option');
    expect(await csv.locator('.reading').getAttribute('data-delimiter')).toBe(';');
    expect(await csv.locator('.reading').getAttribute('data-encoding')).toBe('utf-8');
    expect(await idColumn.count()).toBe(8); // "— none —" and the seven columns

    expect(await csv.getAttribute('data-table')).toBe('opportunities');
    // Comma is the wrong choice here: the file is read again as one column.
    await page.selectOption('select[aria-label="Delimiter of deals semi.csv"]', ',');
    await page.waitForFunction(() => {
      const el = document.querySelector('article[data-file="deals semi.csv"] .reading');
      return el?.getAttribute('data-delimiter') === ',' && el.getAttribute('aria-busy') === 'false';
    });
    // One column named "Deal;Customer;…" is no table we know: the mapping proposed again says so.
    expect(await csv.getAttribute('data-table')).toBe('ignore');
    expect(await csv.getAttribute('data-confidence')).toBe('0');
    await page.selectOption('select[aria-label="Delimiter of deals semi.csv"]', ';');
    await page.waitForFunction(
      () => document.querySelector('article[data-file="deals semi.csv"] .reading')?.getAttribute('data-delimiter') === ';',
    );
    await page.waitForFunction(
      () =>
        document.querySelectorAll('article[data-file="deals semi.csv"] select[aria-label="Column for opportunity_id"] option')
          .length === 8,
    );

    // The CSV's mapping was proposed again after each reading; the user picks its id column.
    await csv.locator('select[aria-label="Column for opportunity_id"]').selectOption('Deal');

    // The workbook: every sheet offered by name, as text; the sheet with data read first.
    const sheet = page.locator('select[aria-label="Sheet of book.xlsx"]');
    expect(await sheet.inputValue()).toBe('Deals');
    expect(await sheet.locator('option').allTextContents()).toEqual(['Cover', 'Deals', 'Notes', EVIL]);
    await sheet.selectOption(EVIL);
    await page.waitForFunction(
      (name) => document.querySelector('article[data-file="book.xlsx"] .reading')?.getAttribute('data-sheet') === name,
      EVIL,
    );
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await sheet.selectOption('Deals');
    await page.waitForFunction(
      () => document.querySelector('article[data-file="book.xlsx"] .reading')?.getAttribute('data-sheet') === 'Deals',
    );

    // Reading the workbook again kept the user's choice on the other file.
    expect(await csv.locator('select[aria-label="Column for opportunity_id"]').inputValue()).toBe('Deal');
    await page.click('[data-testid="apply-mapping"]');
    await waitForReady(page);
    // Won: D-1 1,000 + D-2 2,500 from the CSV, D1 1,234.56 + D3 2,000 from the workbook's Deals sheet.
    expect(await tileValue(page, 'won_amount')).toBeCloseTo(6734.56, 2);
    expect(dialogs).toEqual([]);

    // The engine worker ends without a word, as when the browser stops it for memory: the next
    // call says so instead of waiting forever, and a new engine has the same two files loaded.
    const worker = page.workers().find((w) => w.url().includes('analytics.worker'));
    expect(worker).toBeDefined();
    await worker?.evaluate(() => self.close());
    await page.evaluate(() => (location.hash = '#view=dashboard&period=2024'));
    const alert = page.locator('section.error[role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/ended without an error.*restarted and the data loaded before was loaded again/s);
    await page.evaluate(() => (location.hash = '#view=dashboard&period=all'));
    await waitForReady(page);
    expect(await tileValue(page, 'won_amount')).toBeCloseTo(6734.56, 2);
  });
});

// "Remember my data on this device": with the option on, dropped files come back after a
// reload without dropping them again; "Clear all data" removes them and the page opens on
// the demo again with nothing of the user's left in the browser's storage.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';
import { maven, MAVEN_FILES } from './share-site';

const siteUrl = inject('siteUrl');
// Maven CRM reference values (tests/fixtures/maven-crm/README.md).
const MAVEN_WON_AMOUNT = 10_005_534;
const MAVEN_WON_COUNT = 4238;
/** A file whose headers need the mapping screen. */
const GENERIC = path.resolve(import.meta.dirname, '../fixtures/crm/generic/my deals (Q1).csv');

/** What the origin holds: IndexedDB databases, private-file-system entries, localStorage keys, caches. */
function storageOf(page: Page) {
  return page.evaluate(async () => {
    const dbs = (await indexedDB.databases()).map((d) => d.name ?? '');
    const root = await navigator.storage.getDirectory();
    const files: string[] = [];
    for await (const name of root.keys()) files.push(name);
    return { dbs, files, local: Object.keys(localStorage), caches: await caches.keys() };
  });
}

describe('remember my data on this device', () => {
  const sessions = useBrowserSessions();

  it('reloads remembered files instead of the demo, and "Clear all data" really clears them', async () => {
    const { page } = await sessions.open(siteUrl);
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    const demoWon = await tileValue(page, 'won_amount');
    expect(demoWon).not.toBe(MAVEN_WON_AMOUNT);
    expect((await storageOf(page)).dbs).toEqual([]);

    await page.check('[data-testid="remember-data"]');
    await page.setInputFiles(
      '[data-testid="file-input"]',
      MAVEN_FILES.map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(maven(name)) })),
    );
    await page.waitForSelector(`[data-kpi="won_amount"][data-value="${MAVEN_WON_AMOUNT}"]`, { timeout: 60_000 });
    await page.waitForSelector('[data-testid="remember-status"]:has-text("Remembered 4 file(s)")');
    expect((await storageOf(page)).dbs).toEqual(['pipelens-remembered']);

    await page.reload();
    await waitForReady(page);
    await page.waitForSelector(`[data-kpi="won_amount"][data-value="${MAVEN_WON_AMOUNT}"]`, { timeout: 60_000 });
    expect(await tileValue(page, 'won_count')).toBe(MAVEN_WON_COUNT);
    expect(await page.textContent('[data-testid="remembered-banner"]')).toContain('Loaded 4 files remembered on this device');
    expect(await page.isChecked('[data-testid="remember-data"]')).toBe(true);

    await page.click('[data-testid="clear-data"]');
    await page.waitForSelector('.privacy [role="status"]:has-text("Cleared:")');
    const after = await storageOf(page);
    expect(after.dbs).toEqual([]);
    expect(after.files).toEqual([]);
    expect(after.local).toEqual([]);
    // Only the service worker's copy of the built site may stay (it holds no data).
    expect(after.caches.filter((c) => !/^pipelens-[\w.-]+$/.test(c))).toEqual([]);

    await page.reload();
    await waitForReady(page);
    expect(await tileValue(page, 'won_amount')).toBe(demoWon);
    expect(await page.locator('[data-testid="remembered-banner"]').count()).toBe(0);
    expect(await page.isChecked('[data-testid="remember-data"]')).toBe(false);
    expect((await storageOf(page)).dbs).toEqual([]);
  });

  it('keeps the confirmed load when a second drop made while it applies is cancelled (issue 14)', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await waitForReady(page);
    const demoWon = await tileValue(page, 'won_amount');
    await page.check('[data-testid="remember-data"]');
    await page.setInputFiles(
      '[data-testid="file-input"]',
      MAVEN_FILES.map((name) => ({ name, mimeType: 'text/csv', buffer: readFileSync(maven(name)) })),
    );
    // The Maven files are recognized and load at once; while they load, a file that needs mapping is dropped.
    await page.waitForSelector('.loading[data-phase="loading"]');
    await page.setInputFiles('[data-testid="file-input"]', GENERIC);
    // The race is real only if the first load had not finished when the second drop came.
    expect(await tileValue(page, 'won_amount')).toBe(demoWon);
    await page.waitForSelector('[data-testid="apply-mapping"]', { timeout: 60_000 });
    await page.click('button:has-text("Cancel")');
    await page.waitForSelector(`[data-kpi="won_amount"][data-value="${MAVEN_WON_AMOUNT}"]`, { timeout: 60_000 });
    await page.waitForSelector('[data-testid="remember-status"]:has-text("Remembered 4 file(s)")');

    await page.reload();
    await waitForReady(page);
    await page.waitForSelector(`[data-kpi="won_amount"][data-value="${MAVEN_WON_AMOUNT}"]`, { timeout: 60_000 });
    expect(await tileValue(page, 'won_count')).toBe(MAVEN_WON_COUNT);
    expect(await page.locator('[data-testid="apply-mapping"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="remembered-banner"]')).toContain('Loaded 4 files remembered on this device');
  });
});

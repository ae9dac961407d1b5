// Real headless Chromium (Debian's package) driven by playwright-core. Every page
// fails its test on a page error or on any request to another origin.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium';

/**
 * The tests check results, not speed: DuckDB's wasm runs on V8's baseline compiler only. Optimizing
 * its hot functions again in every fresh page cost about 1.3 s of CPU per page load (a fifth of it),
 * and the results are the same (WebAssembly's semantics do not depend on the compiler). The
 * benchmark and the screenshots run Chromium's defaults.
 */
const TEST_ONLY_ARGS = ['--js-flags=--liftoff-only'];

/** Playwright gives every launch a fresh, empty profile directory of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...TEST_ONLY_ARGS] });
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and requests that left the origin; a test asserts this stays empty. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** A fresh context (no shared storage) and page on a running browser. */
export async function openPage(browser: Browser, siteUrl: string): Promise<Session> {
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US' });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(siteUrl).origin;
  // Context-level request events include the engine worker's requests.
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  await context.route(
    (url) => url.origin !== origin && url.protocol.startsWith('http'),
    (route) => route.abort(),
  );
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  return { context, page, problems, close: () => context.close() };
}

export async function waitForReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-state="ready"]', { timeout: 60_000 });
}

export async function tileValue(page: Page, kpi: string): Promise<number | null> {
  const raw = await page.getAttribute(`[data-kpi="${kpi}"]`, 'data-value');
  if (raw === null) throw new Error(`No tile for KPI ${kpi}`);
  return raw === '' ? null : Number(raw);
}

/**
 * One browser per test file and a fresh context per test. After each test the page's
 * problems (page errors, requests to another origin) must be empty, so every browser
 * test also proves that nothing left the origin.
 */
export function useBrowserSessions(): { open(url: string): Promise<Session> } {
  let browser: Browser | undefined;
  let sessions: Session[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const problems = sessions.flatMap((s) => s.problems);
    await Promise.all(sessions.map((s) => s.close()));
    sessions = [];
    expect(problems).toEqual([]);
  });
  return {
    async open(url) {
      if (!browser) throw new Error('useBrowserSessions().open() was called outside a test');
      const session = await openPage(browser, url);
      sessions.push(session);
      return session;
    },
  };
}

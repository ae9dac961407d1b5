// The product as a user meets it: the built site served on 127.0.0.1 in headless Chromium.
// One session = a fresh browser context: cold start on the demo, the bench file handed to the
// file input, optionally a series of period changes, then the memory the tab used.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { PROBE_SCRIPT } from './pageProbe';

const ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];
const LONG = 15 * 60_000;

export interface BrowserSession {
  /** Navigation start → demo dashboard drawn (tiles and chart on screen, next frame). */
  readonly coldStartMs: number;
  /** Navigation start → the engine has loaded the demo and answers (the first paint may come from the build). */
  readonly engineReadyMs: number;
  /** File input change → every tile and the chart drawn for the new data. */
  readonly loadMs: number;
  readonly changeMs: readonly number[];
  /** Owner filters, each a filter set the session had not seen (nothing cached for it). */
  readonly filterMs: readonly number[];
  readonly wonCount: number | null;
  readonly memory: SessionMemory;
  readonly problems: readonly string[];
}

export interface SessionMemory {
  /** Peak resident memory (VmHWM) of the tab's renderer process: page, engine worker and wasm heap together. */
  readonly rendererPeakMB: number | null;
  /** The page's main-thread JS heap at the end (CDP Performance.getMetrics), without the worker. */
  readonly pageJsHeapMB: number | null;
  /** True when the renderer process could not be told apart from others of this browser. */
  readonly rendererShared: boolean;
}

export async function launch(): Promise<{ browser: Browser; cdp: CDPSession }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
  return { browser, cdp: await browser.newBrowserCDPSession() };
}

export async function browserSession(
  b: { browser: Browser; cdp: CDPSession },
  siteUrl: string,
  files: readonly string[],
  periods: readonly string[],
  filterChanges = 0,
): Promise<BrowserSession> {
  const before = await rendererPids(b.cdp);
  const context = await b.browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  try {
    await context.addInitScript({ content: PROBE_SCRIPT });
    const origin = new URL(siteUrl).origin;
    await context.route(
      (url) => url.origin !== origin && url.protocol.startsWith('http'),
      (route) => route.abort(),
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(siteUrl);
    await page.waitForFunction('window.__pipelensBench.coldDrawnAt !== null || window.__pipelensBench.coldError', null, {
      timeout: LONG,
    });
    const cold = await page.evaluate<number | string>('window.__pipelensBench.coldError ?? window.__pipelensBench.coldDrawnAt');
    if (typeof cold === 'string') throw new Error(`cold start failed: ${cold}`);
    // Loads are measured from an idle engine: the demo behind a first paint finishes first.
    await page.waitForSelector('[data-engine="ready"]', { timeout: LONG });
    const engineReadyMs = await page.evaluate<number>('performance.now()');
    // The page opens on the reference date's quarter; the load is measured on all time, the
    // view every other contender computes (untimed switch, before the file is handed over).
    await page.evaluate(
      `document.querySelector('[data-testid="period-select"]')?.value === 'all' || window.__pipelensBench.changePeriod('all')`,
    );
    const refreshed = await page.evaluate<number>('window.__pipelensBench.refreshed()');
    await page.setInputFiles('[data-testid="file-input"]', [...files], { timeout: LONG });
    const drawnAt = await page.evaluate<number>(`window.__pipelensBench.drawnAfter(${refreshed + 1})`);
    const filesAt = await page.evaluate<number>('window.__pipelensBench.filesAt');
    const won = await page.getAttribute('[data-kpi="won_count"]', 'data-value');
    const changeMs: number[] = [];
    for (const p of periods)
      changeMs.push(await page.evaluate<number>(`window.__pipelensBench.changePeriod(${JSON.stringify(p)})`));
    const filterMs: number[] = [];
    for (let i = 0; i < filterChanges; i++)
      filterMs.push(await page.evaluate<number>(`window.__pipelensBench.changeFilter('owner', ${i})`));
    const memory = await sessionMemory(b.cdp, before, await context.newCDPSession(page));
    return {
      coldStartMs: cold,
      engineReadyMs,
      loadMs: drawnAt - filesAt,
      changeMs,
      filterMs,
      wonCount: won ? Number(won) : null,
      memory,
      problems,
    };
  } finally {
    await context.close();
  }
}

async function rendererPids(cdp: CDPSession): Promise<Set<number>> {
  const info = await cdp.send('SystemInfo.getProcessInfo');
  return new Set(info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id));
}

async function sessionMemory(cdp: CDPSession, before: ReadonlySet<number>, page: CDPSession): Promise<SessionMemory> {
  const all = [...(await rendererPids(cdp))];
  const fresh = all.filter((pid) => !before.has(pid));
  const pids = fresh.length > 0 ? fresh : all;
  const peaks = pids.map((pid) => procStatusKB(pid, 'VmHWM')).filter((v): v is number => v !== null);
  await page.send('Performance.enable');
  const { metrics } = await page.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  return {
    rendererPeakMB: peaks.length ? Math.max(...peaks) / 1024 : null,
    pageJsHeapMB: heap === undefined ? null : heap / 2 ** 20,
    rendererShared: fresh.length === 0,
  };
}

/** A field of /proc/<pid>/status in kB (Linux); null where it cannot be read. */
function procStatusKB(pid: number, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

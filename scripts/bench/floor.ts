// The "engine floor" contender: DuckDB-WASM in the same Chromium, with none of the product's
// code — a page and a worker (floorWorker.ts, bundled here by Vite as a library) that read the bench
// file with read_csv's own type detection into a table and answer the same KPI questions.
// It is the fastest the product could be on this engine and machine: product ÷ floor says how
// much the import's guarantees (and the dashboard's cubes) cost on top.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { serve, type Served } from '../serve';

const DUCKDB_DIST = 'node_modules/@duckdb/duckdb-wasm/dist';
const LONG = 15 * 60_000;

export interface FloorRun {
  /** File input change → the KPI answers back in the page. */
  readonly loadMs: number;
  readonly wonCount: number;
}

/** The floor page: starts the engine, then on a file times the worker's answer. Plain JS text. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>engine floor</title>
<input type="file" data-testid="file-input">
<script type="module">
  const worker = new Worker('./floor-worker.js', { type: 'module' });
  const floor = { ready: false, result: null, error: null, startedAt: 0 };
  window.__floor = floor;
  worker.onmessage = (e) => {
    if (e.data.error) floor.error = e.data.error;
    else if (e.data.ready) floor.ready = true;
    else floor.result = { ...e.data, loadMs: performance.now() - floor.startedAt };
  };
  worker.postMessage({ wasm: new URL('./duckdb-eh.wasm', location.href).href });
  document.querySelector('input').addEventListener('change', (e) => {
    floor.startedAt = performance.now();
    worker.postMessage({ file: e.target.files[0] });
  });
</script>`;

/** Writes the floor site into a temporary folder and serves it on its own port; close() removes it. */
export async function serveFloor(root: string): Promise<Served> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pipelens-floor-'));
  await build({
    configFile: false,
    logLevel: 'error',
    resolve: { alias: { '@duckdb/duckdb-wasm/blocking-browser': path.join(root, DUCKDB_DIST, 'duckdb-browser-blocking.mjs') } },
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      lib: { entry: path.join(root, 'scripts/bench/floorWorker.ts'), formats: ['es'], fileName: () => 'floor-worker.js' },
    },
  });
  copyFileSync(path.join(root, DUCKDB_DIST, 'duckdb-eh.wasm'), path.join(dir, 'duckdb-eh.wasm'));
  writeFileSync(path.join(dir, 'index.html'), PAGE);
  const served = await serve({ root: dir, base: '/floor/', port: 0 });
  return { ...served, close: () => served.close().finally(() => rmSync(dir, { recursive: true, force: true })) };
}

export async function floorRun(browser: Browser, floorUrl: string, csv: string): Promise<FloorRun> {
  const context = await browser.newContext({ timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    await page.goto(floorUrl);
    await page.waitForFunction('window.__floor.ready || window.__floor.error', null, { timeout: LONG });
    await page.setInputFiles('[data-testid="file-input"]', csv, { timeout: LONG });
    await page.waitForFunction('window.__floor.result || window.__floor.error', null, { timeout: LONG, polling: 50 });
    const out = await page.evaluate<{ error: string | null; result: FloorRun | null }>('window.__floor');
    if (!out.result) throw new Error(`engine floor failed: ${out.error ?? 'no answer'}`);
    return { loadMs: out.result.loadMs, wonCount: out.result.wonCount };
  } finally {
    await context.close();
  }
}

// Sizes of the built site, raw and gzipped, split the way the targets are set: the app's
// JavaScript (what index.html loads and imports, plus workers that are not the DuckDB engine),
// the engine worker's JavaScript (the worker that carries DuckDB-WASM's JS), and the wasm files.
// JS reachable from nothing, and other assets (map data, …), are listed apart.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface BundleSizes {
  /** Page JavaScript and the non-engine workers' JavaScript. */
  readonly app: readonly AssetSize[];
  /** Of `app`, the files that run in a worker other than the engine's. */
  readonly appWorkers: readonly string[];
  readonly worker: readonly AssetSize[];
  readonly wasm: readonly AssetSize[];
  readonly css: readonly AssetSize[];
  readonly other: readonly AssetSize[];
  readonly unreferenced: readonly AssetSize[];
}

const IMPORT = /(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.js)["'`]/g;
const WORKER_URL = /new URL\(\s*(?:new URL\(\s*)?["'`](?:\.\/)?(?:assets\/)?([^"'`]*worker[^"'`]*\.js)["'`]/g;
const HTML_ASSET = /(?:src|href)="\.?\/?assets\/([^"]+)"/g;
/** A marker of DuckDB-WASM's JS bindings: the worker that contains it is the engine. */
const ENGINE_MARK = /duckdb_web|DuckDBBindings|duckdb-eh|DUCKDB_/;

export function bundleSizes(dist: string): BundleSizes {
  const assets = path.join(dist, 'assets');
  const files = readdirSync(assets);
  const read = (f: string) => readFileSync(path.join(assets, f), 'utf8');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(HTML_ASSET)].map((m) => m[1] ?? '').filter((f) => f.endsWith('.js'));
  const page = closure(entries, read);
  const workerEntries = [...page].flatMap((f) => [...read(f).matchAll(WORKER_URL)].map((m) => path.basename(m[1] ?? '')));
  const engine = new Set<string>();
  const appWorkers = new Set<string>();
  for (const entry of new Set(workerEntries)) {
    const reach = closure([entry], read);
    const isEngine = [...reach].some((f) => ENGINE_MARK.test(read(f)));
    for (const f of reach) if (!page.has(f)) (isEngine ? engine : appWorkers).add(f);
  }
  for (const f of appWorkers) engine.delete(f);
  const app = new Set([...page, ...appWorkers]);
  const size = (f: string): AssetSize => {
    const bytes = readFileSync(path.join(assets, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const known = (f: string) => f.endsWith('.js') || f.endsWith('.wasm') || f.endsWith('.css');
  return {
    app: [...app].map(size),
    appWorkers: [...appWorkers],
    worker: [...engine].map(size),
    wasm: files.filter((f) => f.endsWith('.wasm')).map(size),
    css: files.filter((f) => f.endsWith('.css')).map(size),
    other: files.filter((f) => !known(f)).map(size),
    unreferenced: files.filter((f) => f.endsWith('.js') && !app.has(f) && !engine.has(f)).map(size),
  };
}

/** Every JS file reachable from the entries through static and dynamic imports. */
function closure(entries: readonly string[], read: (f: string) => string): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const f = queue.pop() ?? '';
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of read(f).matchAll(IMPORT)) queue.push(path.basename(m[1] ?? ''));
  }
  return seen;
}

export function total(list: readonly AssetSize[]): { raw: number; gzip: number } {
  return list.reduce((t, a) => ({ raw: t.raw + a.raw, gzip: t.gzip + a.gzip }), { raw: 0, gzip: 0 });
}

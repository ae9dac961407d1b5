// Sizes of the built site, raw and gzipped, split the way the targets are set: the app's
// JavaScript (what index.html loads and imports, plus workers that are not the DuckDB engine),
// the engine worker's JavaScript (the worker that carries DuckDB-WASM's JS), and the wasm files.
// Each side counts what loads up front (static imports); chunks reached only through a dynamic
// import() (SheetJS, the Parquet reader and its decompressors, the screens other than the dashboard)
// are listed apart as on demand; so is a worker that only such a chunk starts (the territory planner).
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
  /** Chunks the page or a non-engine worker loads only through a dynamic import(). */
  readonly appOnDemand: readonly AssetSize[];
  /** Chunks the engine worker loads only through a dynamic import(). */
  readonly workerOnDemand: readonly AssetSize[];
  readonly wasm: readonly AssetSize[];
  readonly css: readonly AssetSize[];
  readonly other: readonly AssetSize[];
  readonly unreferenced: readonly AssetSize[];
}

const STATIC_IMPORT = /(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g;
const ANY_IMPORT = /(?:from|import)\s*\(?\s*["'`]\.\/([^"'`]+\.js)["'`]/g;
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
  const pageAll = closure(entries, read, ANY_IMPORT);
  const page = closure(entries, read, STATIC_IMPORT);
  const workersOf = (from: Iterable<string>) =>
    new Set([...from].flatMap((f) => [...read(f).matchAll(WORKER_URL)].map((m) => path.basename(m[1] ?? ''))));
  const workerEntries = workersOf(pageAll);
  const workersUpFront = workersOf(page);
  const engine = new Set<string>();
  const engineAll = new Set<string>();
  const appWorkers = new Set<string>();
  const appWorkersOnDemand = new Set<string>();
  for (const entry of workerEntries) {
    const reach = closure([entry], read, ANY_IMPORT);
    const upFront = closure([entry], read, STATIC_IMPORT);
    const isEngine = [...reach].some((f) => ENGINE_MARK.test(read(f)));
    const appSide = workersUpFront.has(entry) ? appWorkers : appWorkersOnDemand;
    for (const f of reach) if (!pageAll.has(f)) (isEngine ? engineAll : appSide).add(f);
    if (isEngine) for (const f of upFront) if (!pageAll.has(f)) engine.add(f);
  }
  for (const f of [...appWorkers, ...appWorkersOnDemand]) {
    engine.delete(f);
    engineAll.delete(f);
  }
  const app = new Set([...page, ...appWorkers]);
  const appOnDemand = [...new Set([...pageAll, ...appWorkersOnDemand])].filter((f) => !app.has(f));
  const workerOnDemand = [...engineAll].filter((f) => !engine.has(f));
  const size = (f: string): AssetSize => {
    const bytes = readFileSync(path.join(assets, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes).length };
  };
  const known = (f: string) => /\.(js|wasm|css)$/.test(f) || PRECOMPRESSED.test(f);
  return {
    app: [...app].map(size),
    appWorkers: [...appWorkers],
    worker: [...engine].map(size),
    appOnDemand: appOnDemand.map(size),
    workerOnDemand: workerOnDemand.map(size),
    wasm: files.filter((f) => f.endsWith('.wasm')).map(size),
    css: files.filter((f) => f.endsWith('.css')).map(size),
    other: files.filter((f) => !known(f)).map(size),
    unreferenced: files
      .filter((f) => f.endsWith('.js') && !app.has(f) && !engineAll.has(f) && !appOnDemand.includes(f))
      .map(size),
  };
}

/** The build's .br/.gz copies of its files (served in their place, not files of their own). */
const PRECOMPRESSED = /\.(br|gz)$/;

/** Every JS file reachable from the entries through the imports `pattern` matches. */
function closure(entries: readonly string[], read: (f: string) => string, pattern: RegExp): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const f = queue.pop() ?? '';
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of read(f).matchAll(pattern)) queue.push(path.basename(m[1] ?? ''));
  }
  return seen;
}

export function total(list: readonly AssetSize[]): { raw: number; gzip: number } {
  return list.reduce((t, a) => ({ raw: t.raw + a.raw, gzip: t.gzip + a.gzip }), { raw: 0, gzip: 0 });
}

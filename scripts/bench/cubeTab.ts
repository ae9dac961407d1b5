// The cube road at scale, both halves (docs/warehouse.md, "Scale"): N generated opportunities
// as canonical tables in embedded ClickHouse (chdb), the cube job's own queries over them
// (scripts/cubes/live.ts, the SQL it sends a server), then the built site in Chromium opening
// `#cube=`: time to the first dashboard, bytes of cube files fetched (counted by a proxy in
// front of the server: the worker's range requests included), and period changes.
// `npx tsx scripts/bench/cubeTab.ts 1000000 [--dist dist] [--keep DIR]`; `npm run bench -- --cubes 1m`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Session } from 'chdb';
import { CANONICAL_NAMES, canonicalDdl } from '../cubes/canonical';
import { ChdbSource } from '../cubes/chdbSource';
import { runLiveJob } from '../cubes/live';
import { serve } from '../serve';
import { launch } from './browser';
import { PROBE_SCRIPT } from './pageProbe';

export interface CubeTabResult {
  readonly deals: number;
  readonly jobSeconds: number;
  readonly jobPeakRssMB: number;
  readonly files: number;
  readonly parquetBytes: number;
  readonly cubeRows: { closed: number; created: number; won: number };
  /** Navigation start → the dashboard from cube files drawn. */
  readonly firstDashboardMs: number;
  readonly bytesFetched: number;
  readonly requests: number;
  readonly periodChangeMs: readonly number[];
  readonly bytesFetchedByChanges: number;
}

const DB = 'bench';

/** Canonical tables of a sales org with n deals (every value a pure function of the row number). */
function generate(s: Session, n: number): void {
  s.query(`CREATE DATABASE ${DB}`);
  for (const t of CANONICAL_NAMES) s.query(canonicalDdl(t, DB));
  const accounts = Math.max(1000, Math.floor(n / 10));
  s.query(`INSERT INTO ${DB}.opportunities SELECT
    concat('O-', toString(number)), concat('A-', toString(cityHash64(number, 8) % ${accounts})), NULL,
    concat('Rep ', toString(cityHash64(number, 4) % 400)),
    concat('Stage ', toString(number % 7)), ['open', 'won', 'lost', 'won', 'lost'][1 + number % 5],
    round(1000 + (cityHash64(number, 1) % 200000) / 100 * 7.31, 2), number % 50 = 0, 'USD',
    toDate32('2021-01-01') + toInt32(cityHash64(number, 2) % 2000),
    toDate32('2021-01-01') + toInt32(cityHash64(number, 2) % 2000) + toInt32(cityHash64(number, 3) % 300),
    (number % 11) / 10, concat('Source ', toString(cityHash64(number, 6) % 8)),
    ['New', 'Expansion', 'Renewal'][1 + number % 3], concat('Product ', toString(cityHash64(number, 5) % 12)), NULL
    FROM numbers(${n})`);
  s.query(`INSERT INTO ${DB}.reps SELECT concat('Rep ', toString(number)), concat('Team ', toString(number % 40)),
    concat('Manager ', toString(number % 40)), ['North', 'South', 'East', 'West', 'Central', 'Intl'][1 + number % 6] FROM numbers(400)`);
  s.query(`INSERT INTO ${DB}.accounts SELECT concat('A-', toString(number)), concat('Account ', toString(number)),
    concat('Industry ', toString(number % 15)) FROM numbers(${accounts})`);
  s.query(`INSERT INTO ${DB}.quotas SELECT concat('Rep ', toString(number % 400)), addMonths(toDate32('2021-01-01'), 3 * intDiv(number, 400)),
    addDays(addMonths(toDate32('2021-01-01'), 3 * intDiv(number, 400) + 3), -1), 250000 FROM numbers(400 * 24)`);
  s.query(`INSERT INTO ${DB}.spend SELECT addMonths(toDate32('2021-01-01'), intDiv(number, 4)), addDays(addMonths(toDate32('2021-01-01'), intDiv(number, 4) + 1), -1),
    ['Events', 'Paid', 'Content', 'Partners'][1 + number % 4], 50000 FROM numbers(4 * 72)`);
}

/** A proxy in front of the site counting the bytes it sends for cube files. */
async function countingProxy(
  target: string,
): Promise<{ url: string; bytes: () => number; requests: () => number; close: () => Promise<void> }> {
  const to = new URL(target);
  let bytes = 0;
  let requests = 0;
  const server = createServer((req, res) => {
    const cube = (req.url ?? '').startsWith('/cubes/');
    if (cube) requests += 1;
    const up = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.on('data', (c: Buffer) => {
        if (cube) bytes += c.length;
        res.write(c);
      });
      r.on('end', () => res.end());
    });
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    bytes: () => bytes,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Generates the data in chdb and runs the cube job's queries there, writing into `dir`. */
async function runJob(n: number, dir: string): Promise<{ job: Awaited<ReturnType<typeof runLiveJob>>; jobSeconds: number }> {
  const s = new Session();
  try {
    const t0 = performance.now();
    generate(s, n);
    s.query(`USE ${DB}`);
    const started = performance.now();
    console.log(`generated ${n.toLocaleString('en-US')} deals in ${((started - t0) / 1000).toFixed(1)} s`);
    const job = await runLiveJob({ out: dir, fiscalStartMonth: 1, server: new ChdbSource(s, `chdb, database ${DB}`), local: s });
    return { job, jobSeconds: (performance.now() - started) / 1000 };
  } finally {
    s.cleanup();
  }
}

export async function benchCubeTab(n: number, dist: string, keep?: string): Promise<CubeTabResult> {
  const dir = keep ?? mkdtempSync(path.join(tmpdir(), 'pipelens-cube-tab-'));
  const { job, jobSeconds } = await runJob(n, dir);
  const { manifest } = job;
  const rowsOf = (t: 'closed' | 'created' | 'won') => manifest.tables[t].partitions.reduce((k, p) => k + p.rows, 0);
  const parts = Object.values(manifest.tables).flatMap((t) => t.partitions);
  const site = await serve({ root: dist, port: 0, mounts: { cubes: dir } });
  const proxy = await countingProxy(site.url);
  const b = await launch();
  try {
    const context = await b.browser.newContext({ timezoneId: 'UTC', locale: 'en-US', viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: PROBE_SCRIPT });
    const page = await context.newPage();
    await page.goto(`${proxy.url}#cube=cubes/manifest.json&period=all`);
    await page.waitForFunction('window.__pipelensBench.coldDrawnAt !== null || window.__pipelensBench.coldError', null, {
      timeout: 30 * 60_000,
    });
    const cold = await page.evaluate<number | string>('window.__pipelensBench.coldError ?? window.__pipelensBench.coldDrawnAt');
    if (typeof cold === 'string') throw new Error(`the cube dashboard did not open: ${cold}`);
    const source = await page.getAttribute('[data-state]', 'data-source');
    if (source !== 'cube') throw new Error(`the page shows data-source="${source}", not cube files`);
    const fetched = proxy.bytes();
    const requests = proxy.requests();
    const periodChangeMs: number[] = [];
    for (const p of ['2025', '2025-Q2', '2025-05', '2024-Q4', 'all', '2023'])
      periodChangeMs.push(await page.evaluate<number>(`window.__pipelensBench.changePeriod(${JSON.stringify(p)})`));
    await context.close();
    return {
      deals: n,
      jobSeconds,
      jobPeakRssMB: process.resourceUsage().maxRSS / 1024,
      files: parts.length,
      parquetBytes: parts.reduce((k, p) => k + p.bytes, 0),
      cubeRows: { closed: rowsOf('closed'), created: rowsOf('created'), won: rowsOf('won') },
      firstDashboardMs: cold,
      bytesFetched: fetched,
      requests,
      periodChangeMs,
      bytesFetchedByChanges: proxy.bytes() - fetched,
    };
  } finally {
    await b.browser.close();
    await proxy.close();
    await site.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? '1000000');
  const at = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] : undefined);
  const r = await benchCubeTab(n, path.resolve(at('--dist') ?? 'dist'), at('--keep'));
  console.log(JSON.stringify(r, null, 2));
}

/** `npm run bench -- --cubes`: the cube road at 1M deals (CUBE_BENCH_SIZES=1000000,10000000 for more). */
export async function runCubeBench(dist: string, resultsDir: string): Promise<void> {
  const sizes = (process.env['CUBE_BENCH_SIZES'] ?? '1000000').split(',').map(Number);
  const results: CubeTabResult[] = [];
  for (const n of sizes) {
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`CUBE_BENCH_SIZES: "${n}" is not a deal count`);
    const r = await benchCubeTab(n, dist);
    results.push(r);
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    const changes = [...r.periodChangeMs].sort((a, b) => a - b);
    console.log(
      `${n.toLocaleString('en-US')} deals: job ${r.jobSeconds.toFixed(1)} s (peak RSS ${r.jobPeakRssMB.toFixed(0)} MB), ` +
        `${r.files} files ${mb(r.parquetBytes)}; tab: first dashboard ${(r.firstDashboardMs / 1000).toFixed(1)} s, ` +
        `fetched ${mb(r.bytesFetched)} in ${r.requests} requests, period change median ${changes[Math.floor(changes.length / 2)]?.toFixed(0)} ms ` +
        `(max ${changes.at(-1)?.toFixed(0)} ms, ${r.bytesFetchedByChanges} bytes fetched)`,
    );
  }
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `cubes-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ loadAverage: loadavg(), results }, null, 2) + '\n');
  console.log(`→ ${file}`);
}

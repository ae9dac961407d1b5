// `npm run bench`: the product in headless Chromium against the built site, next to native
// DuckDB replaying the product's SQL and a plain-JS (papaparse + reduce) implementation, on the
// seeded demo generator's opportunities at 100k and 1M rows (5M with --5m). Prints one table,
// the bundle sizes and where the ingest time goes, and writes bench-results/<timestamp>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '../serve';
import { browserSession, launch, type BrowserSession } from './browser';
import { bundleSizes } from './bundle';
import { ensureData } from './data';
import { featureTimings, type FeatureTiming } from './features';
import { floorRun, serveFloor } from './floor';
import { nativeReplay } from './native';
import { plainJsRun } from './plainJs';
import { runCommdis } from './commdis';
import { runCubeBench } from './cubeTab';
import { recordProduct } from './record';
import { printBundle, printPhases, printTable, printTransfer, sizeLabel, TARGETS } from './report';
import { assemble, repeat, type SizeResult } from './results';
import { visitTransfer, type VisitTransfer } from './transfer';
import { LOAD_BUDGET_BYTES } from '../../workers/analytics/loadBudget';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Owner filters measured in the first browser session of each size (each a filter set not seen before). */
const FILTER_CHANGES = 10;
const USAGE = `usage: npm run bench -- [--sizes 100k,1m] [--5m] [--reps 3] [--changes 20] [--budget 180] [--dist dist]
       npm run bench -- --cubes   (the cube job and the tab on its files; CUBE_BENCH_SIZES=1000000,10000000)
  --sizes    opportunity counts (k/m suffixes) — default 100k,1m
  --5m       add 5M opportunities (about 1 GB of CSV; long)
  --reps     repetitions of load (and cold start) per contender — default 3
  --changes  period changes measured per size (at least 20 for the report) — default 20
  --budget   seconds per contender and size after which no further repetition starts — default 180
  --dist     the built site to serve — default dist/ (or $PIPELENS_DIST)`;

function options() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100k,1m' },
      '5m': { type: 'boolean', default: false },
      reps: { type: 'string', default: '3' },
      changes: { type: 'string', default: '20' },
      budget: { type: 'string', default: '180' },
      dist: { type: 'string', default: process.env['PIPELENS_DIST'] ?? path.join(ROOT, 'dist') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const sizes = values.sizes.split(',').map(parseSize);
  if (values['5m'] && !sizes.includes(5_000_000)) sizes.push(5_000_000);
  const positive = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, not "${v}"\n${USAGE}`);
    return n;
  };
  return {
    sizes,
    reps: positive('reps', values.reps),
    changes: positive('changes', values.changes),
    budgetMs: positive('budget', values.budget) * 1000,
    dist: path.resolve(values.dist),
  };
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`--sizes: "${text}" is not a size such as 100k or 1m\n${USAGE}`);
  const unit = m[2]?.toLowerCase() === 'm' ? 1_000_000 : m[2]?.toLowerCase() === 'k' ? 1000 : 1;
  return Math.round(Number(m[1]) * unit);
}

const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function benchSize(
  n: number,
  opts: ReturnType<typeof options>,
  siteUrl: string,
  floorUrl: string,
  b: Awaited<ReturnType<typeof launch>>,
): Promise<SizeResult | null> {
  const data = await ensureData(ROOT, n, log);
  if (data.bytes > LOAD_BUDGET_BYTES) {
    // The page refuses such a drop up front, with a message (docs/import.md): nothing to time.
    log(
      `${sizeLabel(n)}: ${(data.bytes / 2 ** 20).toFixed(0)} MB of CSV is over the page's load budget (${LOAD_BUDGET_BYTES / 2 ** 20} MB): refused with a message, not timed`,
    );
    return null;
  }
  log(`${sizeLabel(n)}: ${(data.bytes / 2 ** 20).toFixed(0)} MB of CSV — product core in Node (records the product's SQL)`);
  const record = await recordProduct(data.opportunitiesCsv, opts.changes);
  log(`${sizeLabel(n)}: native DuckDB replay`);
  const native = await repeat(opts.reps, opts.budgetMs, () => nativeReplay(record));
  log(`${sizeLabel(n)}: plain JS`);
  const js = await repeat(opts.reps, opts.budgetMs, () => plainJsRun(data.opportunitiesCsv, record.questions));
  log(`${sizeLabel(n)}: engine floor (DuckDB-WASM in Chromium, read_csv type detection, no product code)`);
  const floor = await repeat(opts.reps, opts.budgetMs, () => floorRun(b.browser, floorUrl, data.opportunitiesCsv));
  log(`${sizeLabel(n)}: browser (cold start, load; period and filter changes in the first session)`);
  const sessions: BrowserSession[] = await repeat(opts.reps, opts.budgetMs, (rep) =>
    browserSession(
      b,
      siteUrl,
      [data.opportunitiesCsv],
      rep === 0 ? record.questions.periods : [],
      rep === 0 ? FILTER_CHANGES : 0,
    ),
  );
  return assemble(n, data.bytes, record, native, js, floor, sessions);
}

async function main(): Promise<void> {
  // The commercial-districting benchmark is a run of its own (scripts/bench/commdis.ts).
  if (process.argv.includes('--commdis')) return runCommdis();
  // The cube road (docs/warehouse.md, "Scale"): the job's queries and the tab opening its files.
  if (process.argv.includes('--cubes'))
    return runCubeBench(process.env['PIPELENS_DIST'] ?? path.join(ROOT, 'dist'), path.join(ROOT, 'bench-results'));
  const opts = options();
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  const bundle = bundleSizes(opts.dist);
  const file = path.join(ROOT, 'bench-results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  let transfer: VisitTransfer | null = null;
  const save = (sizes: readonly SizeResult[], features: readonly FeatureTiming[] | null) => {
    const machine = {
      cpus: os.cpus().length,
      memoryGB: os.totalmem() / 2 ** 30,
      node: process.version,
      loadBefore,
      loadAfter: os.loadavg(),
    };
    mkdirSync(path.dirname(file), { recursive: true });
    const complete = features !== null;
    writeFileSync(
      file,
      JSON.stringify(
        { startedAt, complete, machine, options: opts, targets: TARGETS, bundle, transfer, sizes, features },
        null,
        2,
      ),
    );
  };
  const served = await serve({ root: opts.dist, base: '/portal/sales/', port: 0 });
  const floorSite = await serveFloor(ROOT);
  const b = await launch();
  const sizes: SizeResult[] = [];
  try {
    log('first and second visit: bytes on the wire');
    transfer = await visitTransfer(b.browser, served);
    for (const n of opts.sizes) {
      const size = await benchSize(n, opts, served.url, floorSite.url, b);
      if (!size) continue;
      sizes.push(size);
      // Each size is shown and saved as soon as it is done: a long run interrupted keeps what it measured.
      printSizes(sizes.slice(-1), startedAt, loadBefore);
      save(sizes, null);
    }
  } finally {
    await b.browser.close();
    await served.close();
    await floorSite.close();
  }
  log('feature timings (scripts/bench/territories.ts, forecast.ts when present)');
  const features = featureTimings(ROOT);
  console.log('\n═══ all sizes ═══');
  printSizes(sizes, startedAt, loadBefore);
  printBundle(bundle, console.log);
  if (transfer) printTransfer(transfer, console.log);
  for (const f of features) console.log(`\n${f.script}:\n${f.output}`);
  save(sizes, features);
  console.log(`\nresults written to ${path.relative(ROOT, file)}`);
}

function printSizes(sizes: readonly SizeResult[], startedAt: Date, loadBefore: readonly number[]): void {
  const out = (line: string) => console.log(line);
  const load = (l: readonly number[]) => l.map((x) => x.toFixed(1)).join(' ');
  out(
    `\npipelens benchmark — ${startedAt.toISOString()} — ${os.cpus().length} cores, load average ${load(loadBefore)} at start, ${load(os.loadavg())} now`,
  );
  out(
    "median (min–max, n). Product = built site in headless Chromium (DuckDB-WASM, one thread); native = @duckdb/node-api replaying the product's recorded SQL;",
  );
  out(
    'engine floor = DuckDB-WASM in the same Chromium: read_csv with its own type detection + the same KPI questions, no product code;',
  );
  out(
    "plain JS = papaparse + typed arrays + reduce; product core in Node = the same engine code on DuckDB-WASM's Node build (one run).",
  );
  printTable(sizes, out);
  out('');
  printPhases(sizes, out);
  for (const s of sizes) {
    const a = s.answers;
    out(
      `${sizeLabel(s.opportunities)} answers: won deals (all time) — browser tiles ${a.browserWonCount.join('/')}, engine floor ${a.floorWonCount ?? '—'}, product core ${a.nodeWonCount}, plain JS ${a.jsWonCount}; native replay returned the same rows for ${a.nativeStatementsAgreeing}/${a.nativeStatementsCompared} dashboard statements`,
    );
    const problems = s.product.sessions.flatMap((x) => x.problems);
    if (problems.length) out(`${sizeLabel(s.opportunities)} page problems: ${problems.join('; ')}`);
  }
  out('');
}

await main();

// Prints the bench results as one table (median, min–max, n per contender; ratios; targets)
// followed by the bundle sizes and the phase breakdown of the product's ingest.
import { total, type AssetSize, type BundleSizes } from './bundle';
import type { SizeResult } from './results';
import type { Summary } from './stats';
import type { VisitTransfer } from './transfer';

export const TARGETS = {
  loadMs1M: 2000,
  loadMs100k: 400,
  loadVsFloor: 1.4,
  interactionMedianMs1M: 50,
  filterMedianMs1M: 100,
  rendererPeakMB1M: 1024,
  coldStartMs: 1500,
  appJsGzipKB: 150,
  engineWorkerJsGzipKB: 350,
} as const;

const ms = (v: number) =>
  v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const cell = (s: Summary | null, pick: 'median' | 'p95' = 'median') =>
  s ? `${ms(s[pick])} (${ms(s.min)}–${ms(s.max)}, n=${s.n})` : '—';
const ratio = (a: Summary | null, b: Summary | null, pick: 'median' | 'p95' = 'median') =>
  a && b && b[pick] > 0 ? `${(a[pick] / b[pick]).toFixed(2)}×` : '—';
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? ' ✓' : ' ✗ MISSED');

export function sizeLabel(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
}

export function printTable(sizes: readonly SizeResult[], out: (line: string) => void): void {
  const header = [
    'rows',
    'measure',
    'product (browser)',
    'engine floor (browser)',
    'native DuckDB',
    'plain JS',
    'product/floor',
    'product/native',
    'product/JS',
    'product core in Node (wasm)',
    'target',
  ];
  const rows: string[][] = [];
  for (const s of sizes) {
    const label = sizeLabel(s.opportunities);
    const is1M = s.opportunities === 1_000_000;
    const p = s.product;
    const coldOk = p.coldStartMs ? p.coldStartMs.median <= TARGETS.coldStartMs : null;
    rows.push([
      label,
      'cold start: navigation → demo drawn',
      cell(p.coldStartMs),
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      `≤ 1.5 s${verdict(coldOk)}`,
    ]);
    rows.push([
      label,
      'cold start: navigation → engine has the demo',
      cell(p.engineReadyMs),
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '',
    ]);
    rows.push([
      label,
      'load: file → every tile and chart drawn',
      cell(p.loadMs),
      cell(s.floor.loadMs),
      cell(s.native.loadMs),
      cell(s.js.loadMs),
      ratio(p.loadMs, s.floor.loadMs),
      ratio(p.loadMs, s.native.loadMs),
      ratio(p.loadMs, s.js.loadMs),
      cell(s.node.loadMs),
      loadTarget(s),
    ]);
    const intOk = is1M && p.changeMs ? p.changeMs.median <= TARGETS.interactionMedianMs1M : null;
    rows.push([
      label,
      'period change → every view updated: median',
      cell(p.changeMs),
      '—',
      cell(s.native.changeMs),
      cell(s.js.changeMs),
      '',
      ratio(p.changeMs, s.native.changeMs),
      ratio(p.changeMs, s.js.changeMs),
      cell(s.node.changeMs),
      is1M ? `≤ 50 ms${verdict(intOk)}` : '(1M: ≤ 50 ms)',
    ]);
    rows.push([
      label,
      'period change: p95',
      cell(p.changeMs, 'p95').replace(/ \(.*/, ''),
      '—',
      cell(s.native.changeMs, 'p95').replace(/ \(.*/, ''),
      cell(s.js.changeMs, 'p95').replace(/ \(.*/, ''),
      '',
      ratio(p.changeMs, s.native.changeMs, 'p95'),
      ratio(p.changeMs, s.js.changeMs, 'p95'),
      cell(s.node.changeMs, 'p95').replace(/ \(.*/, ''),
      '',
    ]);
    const filterOk = is1M && p.filterMs ? p.filterMs.median <= TARGETS.filterMedianMs1M : null;
    rows.push([
      label,
      'filter change (a filter set not seen before): median / p95',
      p.filterMs ? `${cell(p.filterMs)} / ${cell(p.filterMs, 'p95').replace(/ \(.*/, '')}` : '—',
      '—',
      '—',
      '—',
      '',
      '',
      '',
      '—',
      is1M ? `≤ 100 ms${verdict(filterOk)}` : '(1M: ≤ 100 ms)',
    ]);
    const mem = p.rendererPeakMB;
    const memOk = is1M && mem ? mem.median <= TARGETS.rendererPeakMB1M : null;
    rows.push([
      label,
      'memory: renderer peak RSS (page+worker+wasm)',
      mem ? `${mem.median.toFixed(0)} MB (${mem.min.toFixed(0)}–${mem.max.toFixed(0)})` : '—',
      '—',
      '—',
      '—',
      '',
      '—',
      '—',
      '—',
      is1M ? `≤ 1 GB${verdict(memOk)}` : '',
    ]);
  }
  printAligned([header, ...rows], out);
}

/** 1M: ≤ 2 s, ≤ 1.4× the engine floor and faster than plain JS; 100k: ≤ 400 ms. */
function loadTarget(s: SizeResult): string {
  const p = s.product.loadMs;
  if (s.opportunities === 100_000) return `≤ 400 ms${verdict(p ? p.median <= TARGETS.loadMs100k : null)}`;
  if (s.opportunities !== 1_000_000) return '(1M: ≤ 2 s, ≤ 1.4× floor, < plain JS)';
  const f = s.floor.loadMs;
  const js = s.js.loadMs;
  const ok =
    p && f && js ? p.median <= TARGETS.loadMs1M && p.median <= TARGETS.loadVsFloor * f.median && p.median < js.median : null;
  return `≤ 2 s, ≤ 1.4× floor, < plain JS${verdict(ok)}`;
}

export function printBundle(b: BundleSizes, out: (line: string) => void): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  const app = total(b.app);
  const worker = total(b.worker);
  const rows = [
    ['bundle', 'raw', 'gzipped', 'files', 'target'],
    [
      'app JavaScript',
      kb(app.raw),
      kb(app.gzip),
      b.app.map((a) => a.file).join(' '),
      `≤ 150 KB gz${verdict(app.gzip / 1024 <= TARGETS.appJsGzipKB)}`,
    ],
    ...(b.appWorkers.length ? [['  of which non-engine workers', '', '', b.appWorkers.join(' '), '']] : []),
    ...onDemand('app JavaScript on demand (dynamic import)', b.appOnDemand),
    ['app CSS', kb(total(b.css).raw), kb(total(b.css).gzip), b.css.map((a) => a.file).join(' '), ''],
    [
      'DuckDB engine worker JavaScript',
      kb(worker.raw),
      kb(worker.gzip),
      b.worker.map((a) => a.file).join(' '),
      `≤ 350 KB gz${verdict(worker.gzip / 1024 <= TARGETS.engineWorkerJsGzipKB)}`,
    ],
    ...onDemand('engine worker JavaScript on demand (dynamic import)', b.workerOnDemand),
    ...b.wasm.map((w) => [
      `wasm ${w.file.startsWith('duckdb-eh') ? '(eh: the one Chromium loads)' : '(fallback)'}`,
      mb(w.raw),
      mb(w.gzip),
      w.file,
      '',
    ]),
    ...b.other.map((o) => ['other asset (fetched on demand)', kb(o.raw), kb(o.gzip), o.file, '']),
    ...b.unreferenced.map((u) => ['JS loaded by nothing', kb(u.raw), kb(u.gzip), u.file, '']),
  ];
  printAligned(rows, out);
}

export function printTransfer(t: VisitTransfer, out: (line: string) => void): void {
  const mb = (n: number) => (n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
  out(
    `transfer (bytes our server sent, compressed as served): first visit ${mb(t.firstVisitBytes)} (page, engine, demo, service worker cache) · second visit ${mb(t.secondVisitBytes)}`,
  );
}

function onDemand(label: string, list: readonly AssetSize[]): string[][] {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return list.length ? [[label, kb(total(list).raw), kb(total(list).gzip), list.map((a) => a.file).join(' '), '']] : [];
}

export function printPhases(sizes: readonly SizeResult[], out: (line: string) => void): void {
  for (const s of sizes) {
    const parts = (o: Partial<Record<string, number>>) =>
      Object.entries(o)
        .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
        .map(([k, v]) => `${k} ${ms(v ?? 0)}`)
        .join(' · ');
    out(`${sizeLabel(s.opportunities)} ingest SQL by phase — product core (wasm, Node): ${parts(s.node.ingestByPhase)}`);
    out('  slowest statements of the product core (import and first dashboard):');
    for (const r of s.node.slowest) out(`    ${ms(r.ms).padStart(8)}  ${r.phase.padEnd(16)} ${r.sql}`);
    out(
      `${sizeLabel(s.opportunities)} ingest SQL by phase — native replay (${s.native.threads} threads): ${parts(s.native.ingestByPhase)}`,
    );
  }
}

function printAligned(rows: readonly (readonly string[])[], out: (line: string) => void): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length))) ?? [];
  rows.forEach((r, k) => {
    out(r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ '));
    if (k === 0) out(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  });
}

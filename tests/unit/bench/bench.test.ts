// The benchmark's own arithmetic and bookkeeping, checked against values worked out by hand:
// summaries, the period sequence, the bundle split, and the plain-JS baseline's KPIs.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../../../scripts/bench/bundle';
import { sameRows } from '../../../scripts/bench/native';
import { plainJsRun } from '../../../scripts/bench/plainJs';
import { benchQuestions } from '../../../scripts/bench/questions';
import { summarize } from '../../../scripts/bench/stats';

describe('bench statistics', () => {
  it('gives median, p95, min and max of unsorted samples', () => {
    // Sorted: 1 2 3 4 10 → median 3; p95 at rank 3.8 → 4 + 0.8 × (10 − 4) = 8.8.
    const s = summarize([10, 2, 4, 1, 3]);
    expect(s).toEqual({ n: 5, median: 3, p95: expect.closeTo(8.8, 9) as number, min: 1, max: 10 });
    expect(summarize([])).toBeNull();
  });
});

describe('bench questions', () => {
  it('walks years and quarters newest first, then all, and repeats', () => {
    const q = benchQuestions('2024-11-03', '2025-02-20', 9);
    // 2025: Q1 only; 2024: Q4 only (data starts in November).
    expect(q.periods).toEqual(['2025', '2025-Q1', '2024', '2024-Q4', 'all', '2025', '2025-Q1', '2024', '2024-Q4']);
    expect(q.changeTo).toBe('2025');
  });
});

describe('bundle split', () => {
  it('counts the page and non-engine workers as app, the DuckDB worker as engine, the rest apart', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'bench-bundle-'));
    mkdirSync(path.join(dist, 'assets'));
    const write = (f: string, text: string) => writeFileSync(path.join(dist, f), text);
    write(
      'index.html',
      '<script type="module" src="./assets/index-a.js"></script><link rel="stylesheet" href="./assets/index-a.css">',
    );
    write(
      'assets/index-a.js',
      'import{x}from"./chunk-b.js";new Worker(new URL(`analytics.worker-c.js`,import.meta.url));new Worker(new URL(`map.worker-f.js`,import.meta.url));const s=()=>import(`./sheet-g.js`);',
    );
    write('assets/map.worker-f.js', 'export {}');
    write('assets/counties.json', '{}');
    write('assets/chunk-b.js', 'export const x=1;');
    write(
      'assets/analytics.worker-c.js',
      'import{y}from"./runtime-d.js";class DuckDBBindings{};const p=()=>import("./parquet-h.js");',
    );
    write('assets/sheet-g.js', 'export const sheet=1;');
    write('assets/parquet-h.js', 'import{z}from"./inflate-i.js";');
    write('assets/inflate-i.js', 'export const z=3;');
    write('assets/index-a.js.br', 'compressed copy');
    write('assets/engine.wasm.gz', 'compressed copy');
    write('assets/runtime-d.js', 'export const y=2;');
    write('assets/orphan-e.js', 'export {}');
    write('assets/index-a.css', 'body{}');
    write('assets/engine.wasm', 'wasm');
    const b = bundleSizes(dist);
    expect(b.app.map((a) => a.file).sort()).toEqual(['chunk-b.js', 'index-a.js', 'map.worker-f.js']);
    expect(b.appWorkers).toEqual(['map.worker-f.js']);
    expect(b.other.map((a) => a.file)).toEqual(['counties.json']);
    expect(b.worker.map((a) => a.file).sort()).toEqual(['analytics.worker-c.js', 'runtime-d.js']);
    // Reached only through import(): on demand, on the side that imports it (and what they import).
    expect(b.appOnDemand.map((a) => a.file)).toEqual(['sheet-g.js']);
    expect(b.workerOnDemand.map((a) => a.file).sort()).toEqual(['inflate-i.js', 'parquet-h.js']);
    expect(b.unreferenced.map((a) => a.file)).toEqual(['orphan-e.js']);
    expect(b.wasm.map((a) => a.file)).toEqual(['engine.wasm']);
    expect(b.app.find((a) => a.file === 'chunk-b.js')?.raw).toBe('export const x=1;'.length);
  });
});

describe('native agreement', () => {
  const rec = (sql: string, rows: unknown[]) => ({
    sql,
    params: [],
    ms: 0,
    phase: 'dashboard SQL' as const,
    rows: JSON.stringify(rows),
  });
  const a = { m: '2024-01', n: 1 };
  const b = { m: '2024-02', n: 2 };
  it('compares unordered statements as multisets, ordered ones row by row', () => {
    expect(sameRows(rec('SELECT m, n FROM t GROUP BY ALL', [a, b]), JSON.stringify([b, a]))).toBe(true);
    expect(sameRows(rec('SELECT m, n FROM t GROUP BY ALL', [a, b]), JSON.stringify([b, b]))).toBe(false);
    expect(sameRows(rec('SELECT m, n FROM t GROUP BY ALL', [a, b]), JSON.stringify([a]))).toBe(false);
    expect(sameRows(rec('SELECT m, n FROM t ORDER BY m', [a, b]), JSON.stringify([b, a]))).toBe(false);
    expect(sameRows(rec('SELECT m, n FROM t ORDER BY m', [a, b]), JSON.stringify([a, b]))).toBe(true);
  });
});

describe('plain-JS baseline', () => {
  it('computes the KPIs of docs/spec.md §3 over a hand-made file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-js-'));
    const csv = path.join(dir, 'o.csv');
    writeFileSync(
      csv,
      [
        'opportunity_id,status,amount,created_date,close_date',
        'A,won,100.00,2025-01-01,2025-01-11', // 10 days, Q1 2025
        'B,Won,300.00,2025-03-01,2025-04-10', // 40 days, Q2 2025
        'C,lost,50.00,2025-02-01,2025-02-05',
        'D,open,1000.00,2025-01-01,2025-05-01',
        'E,won,,2025-04-01,2025-04-02', // won without amount: counted, not in the average size
      ].join('\n'),
    );
    const run = await plainJsRun(csv, { changeTo: '2025-Q2', periods: ['2025-Q2'] });
    const a = run.answer;
    expect(a.wonCount).toBe(3);
    expect(a.wonAmount).toBe(400);
    expect(a.winRate).toBeCloseTo(3 / 4, 12);
    expect(a.avgDealSize).toBe(200);
    expect(a.avgCycleDays).toBeCloseTo((10 + 40 + 1) / 3, 12);
    expect(a.openPipeline).toBe(1000);
    // Quarter buckets as epoch days: 2025-01-01 = 20089, 2025-04-01 = 20179.
    expect([...a.bookings.entries()].sort()).toEqual([
      [20089, 100],
      [20179, 300],
    ]);
    expect(run.changeMs).toHaveLength(1);
  });
});

// Baseline 1, the physical limit on this machine: native DuckDB (@duckdb/node-api, every
// core) replaying exactly the statements the product ran (recorded by record.ts) — staging,
// profiling probes, conversion, reconciliation, dashboard queries — on the same file.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../src/platform/sql/sql';
import { canonicalRows, phaseTotals, type Phase, type ProductRecord, type Recorded } from './record';

export interface NativeRun {
  /** File → canonical tables: every statement of stageFiles + applyImport. */
  readonly ingestMs: number;
  readonly ingestByPhase: Partial<Record<Phase, number>>;
  /** The dashboard's statements for period `all`. */
  readonly firstDashboardMs: number;
  /** One entry per recorded period change. */
  readonly changeMs: readonly number[];
  /** Dashboard statements whose answer equals the product engine's (numbers to 9 digits). */
  readonly agreeing: number;
  readonly compared: number;
  readonly threads: number;
}

export async function nativeReplay(record: ProductRecord): Promise<NativeRun> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const threads = Number((await conn.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0]?.['t']);
    const ingestLog = await replay(conn, record, record.ingest);
    const ingestMs = ingestLog.reduce((s, r) => s + r.ms, 0);
    const first = await replay(conn, record, record.first);
    const changeMs: number[] = [];
    const answered = [...first];
    for (const change of record.changes) {
      const log = await replay(conn, record, change);
      changeMs.push(log.reduce((s, r) => s + r.ms, 0));
      answered.push(...log);
    }
    const expected = [...record.first, ...record.changes.flat()];
    const compared = expected.filter((r) => r.rows !== undefined).length;
    const agreeing = expected.filter((r, i) => r.rows !== undefined && sameRows(r, answered[i]?.rows)).length;
    return {
      ingestMs,
      ingestByPhase: phaseTotals(ingestLog),
      firstDashboardMs: first.reduce((s, r) => s + r.ms, 0),
      changeMs,
      agreeing,
      compared,
      threads,
    };
  } finally {
    conn.closeSync();
  }
}

async function replay(conn: DuckDBConnection, record: ProductRecord, statements: readonly Recorded[]): Promise<Recorded[]> {
  const out: Recorded[] = [];
  for (const stmt of statements) {
    const sql = withDiskPaths(stmt.sql, record.files);
    const started = performance.now();
    const reader = await conn.runAndReadAll(sql, stmt.params.length ? [...stmt.params] : undefined);
    const rows = stmt.rows === undefined ? undefined : reader.getRowObjectsJS();
    const ms = performance.now() - started;
    out.push({ ...stmt, ms, ...(rows ? { rows: canonicalRows(rows) } : {}) });
  }
  return out;
}

/**
 * The same answer: the same rows in the same order when the statement orders them; without an
 * ORDER BY, SQL promises no order (native DuckDB's threads return groups in any order), so the
 * rows are compared as a multiset.
 */
export function sameRows(expected: Recorded, actual: string | undefined): boolean {
  if (expected.rows === undefined || actual === undefined) return false;
  if (expected.rows === actual) return true;
  if (/\bORDER\s+BY\b/i.test(expected.sql)) return false;
  const sorted = (rows: string) => (JSON.parse(rows) as unknown[]).map((r) => JSON.stringify(r)).sort();
  const [a, b] = [sorted(expected.rows), sorted(actual)];
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

/** The product reads files registered under its own names; native DuckDB reads them from disk. */
function withDiskPaths(sql: string, files: ReadonlyMap<string, string>): string {
  let out = sql;
  for (const [name, file] of files) out = out.replaceAll(quoteLiteral(name), quoteLiteral(file));
  return out;
}

// `npm run cubes -- --clickhouse URL --database DB --out DIR` (docs/warehouse.md, "The job on a
// ClickHouse server"): every query is a query description over the canonical tables, rendered
// for ClickHouse and sent over its HTTP interface; the server only ever reads. What it learns
// once (the `prepared` block and the stage order) comes back as JSON; each cube and side table
// comes back as Parquet (`FORMAT Parquet`), and an embedded ClickHouse (chdb) splits it into the
// year partitions of the file contract, as the demo trial does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session } from 'chdb';
import { CUBE_TABLES, type CubeTableName } from '../../src/engine-api/cubeManifest';
import type { CubeQuery } from '../../src/platform/query/ast';
import { toClickhouse, type ClickhouseQuery } from '../../src/platform/query/clickhouse';
import { quoteIdent, quoteLiteral } from '../../src/platform/sql/sql';
import { cubeSpecs } from '../../src/features/dashboard/core/cubeQueries';
import type { AnswerFormat } from './clickhouseHttp';
import type { JobOptions, JobReport } from './job';
import { CH_TYPES, writeCubes } from './job';
import { learnPrepared } from './liveMeta';
import { factSource, SIDE_QUERIES } from './liveQueries';

/** Where the job's queries run: a server over HTTP (ClickhouseHttp), or chdb in process (the bench). */
export interface CubeSource {
  /** The source as messages and the manifest name it (no credentials). */
  readonly where: string;
  query(q: ClickhouseQuery, format: AnswerFormat): Promise<Uint8Array>;
  rows(q: ClickhouseQuery): Promise<Record<string, unknown>[]>;
}

export interface LiveOptions extends JobOptions {
  readonly server: CubeSource;
  /** The embedded ClickHouse that splits the answers into files (default: a fresh one, closed at the end). */
  readonly local?: Session;
}

/** Loads the server's Parquet answers into one local table, after checking they carry the contract's columns. */
function loadParquet(local: Session, dir: string, name: CubeTableName, parts: readonly Uint8Array[]): string {
  const table = `live_${name}`;
  const want = CUBE_TABLES[name].map(([c]) => c);
  // The contract's types, not the answer's: a month column is nullable even when one answer has no NULL.
  const cols = CUBE_TABLES[name].map(([c, t]) => `${quoteIdent(c)} ${CH_TYPES[t]}`);
  local.query(`CREATE TABLE ${quoteIdent(table)} (${cols.join(', ')}) ENGINE = Memory`);
  parts.forEach((bytes, i) => {
    const file = path.join(dir, `${name}-${i}.parquet`);
    writeFileSync(file, bytes);
    const got = local
      .query(`DESCRIBE file(${quoteLiteral(file)}, Parquet)`, 'JSONEachRow')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => String((JSON.parse(l) as { name: unknown }).name));
    // The contract's columns, in any order: the files are written by name (write.ts).
    if ([...got].sort().join() !== [...want].sort().join())
      throw new Error(`${name}: the server answered columns ${got.join(', ')}, not ${want.join(', ')}`);
    const read = `SELECT ${got.map(quoteIdent).join(', ')} FROM file(${quoteLiteral(file)}, Parquet)`;
    local.query(`INSERT INTO ${quoteIdent(table)} (${got.map(quoteIdent).join(', ')}) ${read}`);
  });
  return table;
}

export async function runLiveJob(opts: LiveOptions): Promise<JobReport> {
  const server = opts.server;
  const { prepared, stages } = await learnPrepared((q) => server.rows(toClickhouse(q)));
  const referenceDate = prepared.extent.referenceDate;
  if (!referenceDate)
    throw new Error(
      `ClickHouse at ${server.where}: the opportunities have no created or close date to take as the reference date.`,
    );
  const fact = factSource(stages);
  const queries: Record<CubeTableName, CubeQuery[]> = {
    closed: [],
    created: [],
    won: [],
    spend: SIDE_QUERIES.spend(),
    quota: SIDE_QUERIES.quota(),
    leads: SIDE_QUERIES.leads(),
    first_won: SIDE_QUERIES.first_won(),
  };
  for (const spec of cubeSpecs(referenceDate)) queries[spec.id] = [{ ...spec.query, source: fact }];
  const [version] = await server.rows({ sql: 'SELECT version() AS v', params: {} });
  const dir = mkdtempSync(path.join(tmpdir(), 'pipelens-live-'));
  const local = opts.local ?? new Session();
  try {
    const load = async (name: CubeTableName): Promise<string> => {
      const parts: Uint8Array[] = [];
      for (const q of queries[name]) parts.push(await server.query(toClickhouse(q), 'Parquet'));
      return loadParquet(local, dir, name, parts);
    };
    const tables: Record<CubeTableName, string> = {
      closed: await load('closed'),
      created: await load('created'),
      won: await load('won'),
      spend: await load('spend'),
      quota: await load('quota'),
      leads: await load('leads'),
      first_won: await load('first_won'),
    };
    const manifest = writeCubes(local, {
      out: opts.out,
      fiscalStartMonth: opts.fiscalStartMonth,
      source: `ClickHouse ${String(version?.v ?? '')} at ${server.where}`,
      referenceDate,
      prepared,
      tables,
    });
    return { manifest, factRows: prepared.extent.opportunities };
  } finally {
    if (!opts.local) local.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

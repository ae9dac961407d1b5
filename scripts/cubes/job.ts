// The cube job (docs/warehouse.md, "The cube job"): the dashboard's cube queries rendered
// for ClickHouse, run on ClickHouse, written as Parquet partitions plus the manifest the tab
// opens with `#cube=`. The demo trial loads the demo the page opens on into DuckDB exactly as
// the tab does (fact table, stage order, side tables, what the dashboard learns once), hands
// the fact and side rows to an embedded ClickHouse (chdb), and runs the cubes there.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Session } from 'chdb';
import {
  CUBE_FORMAT,
  CUBE_SCHEMA_VERSION,
  CUBE_TABLES,
  manifestProblems,
  type CubeManifest,
  type CubeTable,
  type CubeTableName,
} from '../../src/engine-api/cubeManifest';
import { toClickhouse } from '../../src/platform/query/clickhouse';
import { quoteIdent } from '../../src/platform/sql/sql';
import { cubeSpecs } from '../../src/features/dashboard/core/cubeQueries';
import { sideCubeSql } from '../../src/features/dashboard/core/cubeTables';
import { sideCountsQuery, type SideCountsRow } from '../../src/features/dashboard/core/cubeReads';
import { FACT_TABLE } from '../../src/queries/fact';
import { DEMO } from '../../src/demo/firstPaint';
import { prepare } from '../../workers/analytics/dashboard/prepare';
import { duckFactRows, openDuck, type Duck } from './duckSource';
import { clickhouseFactDdl, factCsv } from './factSchema';
import { writeCubeTable } from './write';

/** The side tables the tab builds (src/features/dashboard/core/cubeTables.ts sideCubeSql), by contract name. */
const SIDE: Record<'spend' | 'quota' | 'leads' | 'first_won', string> = {
  spend: 'dash_m_spend',
  quota: 'dash_m_quota',
  leads: 'dash_m_leads',
  first_won: 'dash_m_first_won',
};

/** The contract's column types as ClickHouse columns (write.ts turns them into the files' types). */
export const CH_TYPES = {
  text: 'Nullable(String)',
  month: 'Nullable(String)',
  count: 'Int64',
  measure: 'Nullable(Float64)',
  flag: 'UInt8',
};

/** Copies one of DuckDB's side tables into ClickHouse in the contract's columns (months as YYYY-MM-01 text). */
function copySide(duck: Duck, session: Session, name: keyof typeof SIDE): string {
  const cols = CUBE_TABLES[name];
  const select = cols.map(
    ([c, t]) => (t === 'month' ? `CAST(${quoteIdent(c)} AS VARCHAR)` : quoteIdent(c)) + ` AS ${quoteIdent(c)}`,
  );
  const rows = duck.ctx.sql.rows<Record<string, unknown>>({
    sql: `SELECT ${select.join(', ')} FROM ${quoteIdent(SIDE[name])}`,
    params: [],
  });
  const table = `side_${name}`;
  session.query(
    `CREATE TABLE ${quoteIdent(table)} (${cols.map(([c, t]) => `${quoteIdent(c)} ${CH_TYPES[t]}`).join(', ')}) ENGINE = Memory`,
  );
  if (rows.length > 0)
    session.query(`INSERT INTO ${quoteIdent(table)} FORMAT JSONEachRow\n${rows.map((r) => JSON.stringify(r)).join('\n')}`);
  return table;
}

export interface JobOptions {
  readonly out: string;
  readonly fiscalStartMonth: number;
}

export interface JobReport {
  readonly manifest: CubeManifest;
  /** Fact rows ClickHouse held: every deal of the source. */
  readonly factRows: number;
}

/** Runs the dashboard's cube queries on `session`, which holds the fact table: the three cube tables. */
export function buildCubes(session: Session, referenceDate: string): Record<'closed' | 'created' | 'won', string> {
  const out: Partial<Record<'closed' | 'created' | 'won', string>> = {};
  for (const spec of cubeSpecs(referenceDate)) {
    const q = toClickhouse(spec.query);
    const table = `cube_${spec.id}`;
    session.query(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
    session.queryBind(`CREATE TABLE ${quoteIdent(table)} ENGINE = Memory AS ${q.sql}`, q.params);
    out[spec.id] = table;
  }
  const { closed, created, won } = out;
  if (!closed || !created || !won) throw new Error('A cube query is missing.');
  return { closed, created, won };
}

/** Writes every table (`tables`: the session's table holding each, in the contract's columns) and the manifest. */
export function writeCubes(
  session: Session,
  opts: JobOptions & {
    source: string;
    referenceDate: string;
    prepared: CubeManifest['prepared'];
    tables: Record<CubeTableName, string>;
  },
): CubeManifest {
  mkdirSync(opts.out, { recursive: true });
  const tables: Partial<Record<CubeTableName, CubeTable>> = {};
  for (const name of Object.keys(CUBE_TABLES) as CubeTableName[]) {
    tables[name] = {
      columns: CUBE_TABLES[name].map(([n, type]) => ({ name: n, type })),
      partitions: writeCubeTable(session, opts.tables[name], name, opts.out),
    };
  }
  const manifest = {
    format: CUBE_FORMAT,
    schemaVersion: CUBE_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    source: opts.source,
    referenceDate: opts.referenceDate,
    fiscalStartMonth: opts.fiscalStartMonth,
    prepared: opts.prepared,
    tables,
  };
  // The job never writes a manifest the tab would refuse.
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`The cube job made a manifest the tab would refuse: ${problems.join(' ')}`);
  writeFileSync(path.join(opts.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest as CubeManifest;
}

/** `npm run cubes -- --demo`: the demo the page opens on, through embedded ClickHouse. */
export async function runDemoJob(opts: JobOptions): Promise<JobReport> {
  const duck = await openDuck();
  await duck.analytics.loadDemo(DEMO);
  const prepared = prepare(duck.ctx);
  for (const q of sideCubeSql()) duck.ctx.sql.run(q);
  const sideCounts = duck.ctx.sql.one<SideCountsRow>(sideCountsQuery());
  const referenceDate = prepared.extent.referenceDate;
  if (!referenceDate) throw new Error('The demo has no reference date.');
  const facts = duckFactRows(duck);
  const session = new Session();
  try {
    session.query(clickhouseFactDdl(FACT_TABLE));
    session.query(`INSERT INTO ${FACT_TABLE} FORMAT CSV\n${factCsv(facts)}`);
    const sideTables = {
      spend: copySide(duck, session, 'spend'),
      quota: copySide(duck, session, 'quota'),
      leads: copySide(duck, session, 'leads'),
      first_won: copySide(duck, session, 'first_won'),
    };
    const version = session.query('SELECT version()', 'TSV').trim();
    const manifest = writeCubes(session, {
      ...opts,
      source: `pipelens demo data (ClickHouse ${version}, embedded)`,
      referenceDate,
      prepared: { ...prepared, sideCounts },
      tables: { ...buildCubes(session, referenceDate), ...sideTables },
    });
    return { manifest, factRows: facts.length };
  } finally {
    session.cleanup();
  }
}

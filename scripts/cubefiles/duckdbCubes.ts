// A second producer of the cube-file contract (src/engine-api/cubeManifest.ts, docs/warehouse.md):
// the dashboard's own cube queries run on DuckDB's Node build over whatever the session holds,
// written as Parquet with hyparquet-writer, one file per year of the month column. Tests use it
// to check that the tab opened on cube files shows what it shows on the rows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import {
  CUBE_FORMAT,
  CUBE_SCHEMA_VERSION,
  CUBE_TABLES,
  type CubeColumnType,
  type CubeManifest,
  type CubePartition,
  type CubeTable,
  type CubeTableName,
} from '../../src/engine-api/cubeManifest';
import { closedCubeLoad, createdCubeLoad, sideCubeSql, wonCubeLoad } from '../../src/features/dashboard/core/cubeTables';
import { sideCountsQuery, type SideCountsRow } from '../../src/features/dashboard/core/cubeReads';
import type { SqlQuery } from '../../src/platform/sql/sql';
import type { AnalyticsContext } from '../../workers/analytics/context';
import { pickReference } from '../../workers/analytics/dashboard';
import { prepare } from '../../workers/analytics/dashboard/prepare';

type Row = Record<string, unknown>;

export interface WriteOptions {
  readonly source: string;
  readonly fiscalStartMonth?: number;
  /** Rows per Parquet row group (small in tests, to exercise range reads over several groups). */
  readonly rowGroupSize?: number;
}

const MONTH_OF: Partial<Record<CubeTableName, string>> = { closed: 'cm', created: 'km' };
const month = (col: string) => `strftime(${col}, '%Y-%m-%d') AS ${col}`;
const SIDE_QUERIES: Record<'spend' | 'quota' | 'leads' | 'first_won', string> = {
  spend: `SELECT ${month('month')}, channel, amount FROM dash_m_spend`,
  quota: `SELECT ${month('month')}, rep, team, manager, region, amount FROM dash_m_quota`,
  leads: `SELECT ${month('month')}, lead_source, owner, team, manager, region, leads, converted FROM dash_m_leads`,
  first_won: `SELECT ${month('month')}, n FROM dash_m_first_won`,
};

export function writeCubeFiles(ctx: AnalyticsContext, outDir: string, options: WriteOptions): CubeManifest {
  const prep = prepare(ctx);
  const referenceDate = pickReference(null, prep.extent.referenceDate);
  for (const q of sideCubeSql()) ctx.sql.run(q);
  const queries: Record<CubeTableName, SqlQuery> = {
    closed: closedCubeLoad(referenceDate).query,
    created: createdCubeLoad().query,
    won: wonCubeLoad(referenceDate).query,
    spend: { sql: SIDE_QUERIES.spend, params: [] },
    quota: { sql: SIDE_QUERIES.quota, params: [] },
    leads: { sql: SIDE_QUERIES.leads, params: [] },
    first_won: { sql: SIDE_QUERIES.first_won, params: [] },
  };
  const tables = {} as Record<CubeTableName, CubeTable>;
  for (const name of Object.keys(CUBE_TABLES) as CubeTableName[]) {
    const rows = ctx.sql.rows<Row>(queries[name]);
    tables[name] = writeTable(name, rows, outDir, options.rowGroupSize ?? 100_000);
  }
  const sideCounts = ctx.sql.one<SideCountsRow>(sideCountsQuery());
  const manifest: CubeManifest = {
    format: CUBE_FORMAT,
    schemaVersion: CUBE_SCHEMA_VERSION,
    generatedAt: new Date().toISOString(),
    source: options.source,
    referenceDate,
    fiscalStartMonth: options.fiscalStartMonth ?? 1,
    prepared: { ...prep, sideCounts },
    tables,
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  return manifest;
}

/** One file per year of the month column (plus `undated`), or one file for a table without months. */
function writeTable(name: CubeTableName, rows: readonly Row[], outDir: string, rowGroupSize: number): CubeTable {
  const monthCol = MONTH_OF[name];
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const m = monthCol ? row[monthCol] : null;
    const key = monthCol ? (typeof m === 'string' ? m.slice(0, 4) : 'undated') : 'all';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  if (groups.size === 0) groups.set(monthCol ? 'undated' : 'all', []);
  const partitions: CubePartition[] = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, part]) => {
      const path = ['closed', 'created', 'won'].includes(name) ? `${name}/${key}.parquet` : `${name}.parquet`;
      const bytes = new Uint8Array(parquetWriteBuffer({ columnData: columnsOf(name, part), rowGroupSize }));
      const file = join(outDir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
      const months = monthCol
        ? part
            .map((r) => r[monthCol])
            .filter((m): m is string => typeof m === 'string')
            .sort()
        : [];
      const first = months[0];
      const last = months[months.length - 1];
      return { path, rows: part.length, bytes: bytes.byteLength, months: first && last ? { first, last } : null };
    });
  return { columns: CUBE_TABLES[name].map(([n, type]) => ({ name: n, type })), partitions };
}

const PARQUET_TYPE: Record<CubeColumnType, 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN'> = {
  text: 'STRING',
  month: 'STRING',
  count: 'INT32',
  measure: 'DOUBLE',
  flag: 'BOOLEAN',
};

function columnsOf(name: CubeTableName, rows: readonly Row[]) {
  return CUBE_TABLES[name].map(([col, type]) => ({
    name: col,
    type: PARQUET_TYPE[type],
    // A flag the engine leaves NULL (a deal without a close date is in no trailing year) is false.
    data: rows.map((r) => (type === 'flag' ? r[col] === 1 || r[col] === true : (r[col] ?? null))),
  }));
}

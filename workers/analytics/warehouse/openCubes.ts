// `#cube=<manifest URL>`: the manifest fetched and checked, every partition read by range
// requests into the in-memory cubes the dashboard folds (closed, created, won) and the small
// side tables into the engine (the dashboard's side queries then read them as they read their
// own). The loaded tables are emptied first: from now on no view can read a deal row.
import { CUBE_TABLES, parseManifest, type CubeManifest, type CubeTableName } from '../../../src/engine-api/cubeManifest';
import type { CubesOpened } from '../../../src/engine-api/warehouse';
import { quoteIdent } from '../../../src/platform/sql/sql';
import type { SqlValue } from '../../../src/platform/sql/sql';
import { resetTables } from '../applyImport';
import type { AnalyticsContext } from '../context';
import { resetDashboard } from '../dashboard/prepare';
import { httpProblem, sameOriginFetch, type Fetcher, type FetchLog } from './rangeFile';
import { readTable, toColumnCube, type TableRows } from './readTable';
import { setWarehouse } from './state';
import { checkSums } from './sums';

/** The engine table each side cube becomes, with its SQL types (src/features/dashboard/core/cubeTables.ts builds the same). */
const SIDE_TABLES: Readonly<Record<'spend' | 'quota' | 'leads' | 'first_won', { table: string; types: readonly string[] }>> = {
  spend: { table: 'dash_m_spend', types: ['DATE', 'VARCHAR', 'DOUBLE'] },
  quota: { table: 'dash_m_quota', types: ['DATE', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'DOUBLE'] },
  leads: { table: 'dash_m_leads', types: ['DATE', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'VARCHAR', 'INTEGER', 'INTEGER'] },
  first_won: { table: 'dash_m_first_won', types: ['DATE', 'INTEGER'] },
};

export async function openCubes(ctx: AnalyticsContext, url: string, fetcher: Fetcher = sameOriginFetch): Promise<CubesOpened> {
  const started = Date.now();
  checkOrigin(url);
  const log: FetchLog = { bytes: 0, requests: 0 };
  const manifest = await fetchManifest(url, fetcher, log);
  const read = async (name: CubeTableName) => readTable(name, manifest.tables[name].partitions, url, fetcher, log);
  const closed = await read('closed');
  const created = await read('created');
  const won = await read('won');
  checkSums(closed, won);
  const side = [await read('spend'), await read('quota'), await read('leads'), await read('first_won')];
  // Only now, with every file read, is the data on screen replaced.
  setWarehouse(ctx, null);
  resetDashboard(ctx);
  resetTables(ctx);
  for (const t of side) loadSideTable(ctx, t);
  const counts = manifest.prepared.sideCounts;
  setWarehouse(ctx, { manifest, closed: toColumnCube(closed), created: toColumnCube(created), won: toColumnCube(won), counts });
  const files = Object.values(manifest.tables).reduce((k, t) => k + t.partitions.length, 0);
  return {
    source: manifest.source,
    generatedAt: manifest.generatedAt,
    referenceDate: manifest.referenceDate,
    fiscalStartMonth: manifest.fiscalStartMonth,
    opportunities: manifest.prepared.extent.opportunities,
    files,
    bytesFetched: log.bytes,
    bytesListed: Object.values(manifest.tables).reduce((k, t) => k + t.partitions.reduce((b, p) => b + p.bytes, 0), 0),
    requests: log.requests,
    milliseconds: Date.now() - started,
  };
}

/** The worker checks again what the page checked: a manifest from this origin only. */
function checkOrigin(url: string): void {
  const here = 'location' in globalThis ? globalThis.location.origin : null;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new Error(`"${url}" is not an absolute URL of a cube manifest.`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new Error(`Cube files are read over http(s) only, not ${target.protocol}`);
  if (here !== null && target.origin !== here) {
    throw new Error(`The cube manifest ${url} is on another origin; cube files are read only from this site (${here}).`);
  }
}

async function fetchManifest(url: string, fetcher: Fetcher, log: FetchLog): Promise<CubeManifest> {
  const response = await fetcher(url, {});
  log.requests += 1;
  if (!response.ok)
    throw new Error(httpProblem('manifest.json', response).replace('The cube file manifest.json', `The cube manifest ${url}`));
  const text = await response.text();
  log.bytes += text.length;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`The cube manifest ${url} is not JSON (is the address right?).`);
  }
  return parseManifest(json);
}

function loadSideTable(ctx: AnalyticsContext, t: TableRows): void {
  if (!(t.name in SIDE_TABLES)) return;
  const { table, types } = SIDE_TABLES[t.name as keyof typeof SIDE_TABLES];
  const columns = CUBE_TABLES[t.name];
  const defs = columns.map(([c], i) => `${quoteIdent(c)} ${types[i] ?? 'VARCHAR'}`).join(', ');
  ctx.sql.run({ sql: `CREATE OR REPLACE TABLE ${table} (${defs})`, params: [] });
  const cell = columns.map((_, i) => `CAST(? AS ${types[i] ?? 'VARCHAR'})`).join(', ');
  const BATCH = 200;
  for (let start = 0; start < t.rows.length; start += BATCH) {
    const batch = t.rows.slice(start, start + BATCH);
    const params: SqlValue[] = batch.flatMap((r) => columns.map(([c]) => r[c] ?? null));
    ctx.sql.run({ sql: `INSERT INTO ${table} VALUES ${batch.map(() => `(${cell})`).join(', ')}`, params });
  }
}

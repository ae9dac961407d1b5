// The cube job against a ClickHouse server (docs/warehouse.md, "The job on a ClickHouse server"):
// the demo's canonical tables sit in a ClickHouse database behind a stand-in of the server's HTTP
// interface (helpers/clickhouseShim.ts: real ClickHouse SQL on chdb, only the network is a
// stand-in), the job runs as a user would start it (`--clickhouse URL --database crm`, the
// password in the environment), and what it writes must equal what the `--demo` job writes
// from the tab's own tables: the manifest, every file's rows (counts exactly, money to 1e-9),
// and the dashboard the tab folds from them.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session } from 'chdb';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUBE_TABLES, type CubeManifest, type CubeTableName } from '../../src/engine-api/cubeManifest';
import type { DashboardRequest } from '../../src/engine-api/types';
import { DEMO } from '../../src/demo/firstPaint';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { toDuckdb } from '../../src/platform/query/duckdb';
import { sideCountsQuery, type SideCountsRow } from '../../src/features/dashboard/core/cubeReads';
import { sideCubeSql } from '../../src/features/dashboard/core/cubeTables';
import { Analytics } from '../../workers/analytics/Analytics';
import { prepare } from '../../workers/analytics/dashboard/prepare';
import { runDemoJob } from '../../scripts/cubes/job';
import { learnPrepared } from '../../scripts/cubes/liveMeta';
import { factRows, SIDE_QUERIES } from '../../scripts/cubes/liveQueries';
import { FACT_COLUMNS } from '../../src/features/dashboard/core/cubeQueries';
import { FACT_TABLE } from '../../src/queries/fact';
import { openDuck, type Duck } from '../../scripts/cubes/duckSource';
import { serve } from '../../scripts/serve';
import { expectSame } from '../engine/helpers/sameDashboard';
import { copyCanonical } from './helpers/canonicalLoad';
import { startShim, type Shim } from './helpers/clickhouseShim';

const ROOT = path.resolve(import.meta.dirname, '../..');
const USER = 'cubes_reader';
const PASSWORD = `pw-${Math.random().toString(36).slice(2)}-secret`;

let demoDir = '';
let liveDir = '';
let duck: Duck;
let session: Session | null = null;
let shim: Shim | null = null;
let job = { code: -1 as number | null, stdout: '', stderr: '' };

function runCli(args: string[], env: Record<string, string>): Promise<typeof job> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/cubes/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const manifestOf = (dir: string): CubeManifest =>
  JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as CubeManifest;

async function fileRows(dir: string, file: string): Promise<Record<string, unknown>[]> {
  return parquetReadObjects({ file: await asyncBufferFromFile(path.join(dir, file)) });
}

describe('the cube job on a ClickHouse server over HTTP', () => {
  beforeAll(async () => {
    demoDir = mkdtempSync(path.join(tmpdir(), 'pipelens-demo-'));
    liveDir = mkdtempSync(path.join(tmpdir(), 'pipelens-live-'));
    await runDemoJob({ out: demoDir, fiscalStartMonth: 1 });
    duck = await openDuck();
    await duck.analytics.loadDemo(DEMO);
    session = new Session();
    copyCanonical(duck, session, 'crm');
    shim = await startShim(session, { user: USER, password: PASSWORD });
    job = await runCli(['--clickhouse', shim.url, '--database', 'crm', '--user', USER, '--out', liveDir], {
      CLICKHOUSE_PASSWORD: PASSWORD,
    });
  }, 240_000);
  afterAll(async () => {
    await shim?.close();
    session?.cleanup();
    for (const d of [demoDir, liveDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('runs with the password from the environment, never printing it, and only reads', () => {
    expect(job.stderr).toBe('');
    expect(job.code).toBe(0);
    expect(`${job.stdout}${job.stderr}`).not.toContain(PASSWORD);
    expect(job.stdout).toMatch(/3001 deals from ClickHouse .* at 127\.0\.0\.1:\d+, database crm/);
    expect(shim?.queries.length).toBeGreaterThan(10);
    for (const q of shim?.queries ?? []) expect(q).toMatch(/^SELECT /);
    // Values travel as parameters: the reference date never enters the SQL text.
    expect((shim?.queries ?? []).some((q) => q.includes('2026-09-30'))).toBe(false);
  });

  it('a wrong password stops the job with the server’s answer and no file; a password on the command line is refused', async () => {
    const out = path.join(liveDir, 'refused');
    const wrong = `wrong-${PASSWORD}`;
    const r = await runCli(['--clickhouse', shim?.url ?? '', '--database', 'crm', '--user', USER, '--out', out], {
      CLICKHOUSE_PASSWORD: wrong,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ClickHouse at 127\.0\.0\.1:\d+, database crm answered 403: Code: 516/);
    expect(`${r.stdout}${r.stderr}`).not.toContain(wrong);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(false);
    const visible = await runCli(['--clickhouse', shim?.url ?? '', '--database', 'crm', '--password', wrong, '--out', out], {});
    expect(visible.code).toBe(2);
    expect(visible.stderr).toMatch(/CLICKHOUSE_PASSWORD or --password-file/);
  });

  it('writes the manifest the demo job writes: what the dashboard learns, partitions and row counts', () => {
    const live = manifestOf(liveDir);
    const demo = manifestOf(demoDir);
    expect(live.source).toMatch(/^ClickHouse .* at 127\.0\.0\.1:\d+, database crm$/);
    expect(live.referenceDate).toBe(demo.referenceDate);
    expect(live.prepared).toEqual(demo.prepared);
    for (const name of Object.keys(CUBE_TABLES) as CubeTableName[]) {
      const strip = (m: CubeManifest) => m.tables[name].partitions.map(({ path: p, rows, months }) => ({ p, rows, months }));
      expect(strip(live), name).toEqual(strip(demo));
      expect(live.tables[name].columns).toEqual(demo.tables[name].columns);
    }
  });

  it('every file holds the same rows: counts exactly, money within 1e-9', async () => {
    const demo = manifestOf(demoDir);
    let compared = 0;
    for (const name of Object.keys(CUBE_TABLES) as CubeTableName[]) {
      for (const p of demo.tables[name].partitions) {
        const want = await fileRows(demoDir, p.path);
        const got = await fileRows(liveDir, p.path);
        expect(got.length, p.path).toBe(want.length);
        // Both jobs write each file sorted by its columns; every row is one group, keyed before any sum.
        want.forEach((w, i) => expectSame(got[i], w, `${p.path}[${i}]`));
        compared += want.length;
      }
    }
    expect(compared).toBeGreaterThan(7000);
  });

  it('the tab opens the files and folds the dashboard of the demo loaded as rows', async () => {
    const served = await serve({ root: liveDir, port: 0, mounts: { cubes: liveDir } });
    try {
      const cubes = new Analytics(await openNodeEngine());
      await cubes.openCubes(`${served.url}cubes/manifest.json`);
      const requests: DashboardRequest[] = [
        { period: 'all', fiscalStartMonth: 1 },
        { period: '2026-Q2', fiscalStartMonth: 1, comparison: 'year_ago', segmentBy: 'product' },
        { period: '2026', fiscalStartMonth: 1, filters: { region: ['West'] } },
      ];
      for (const r of requests) expectSame(await cubes.dashboard(r), await duck.analytics.dashboard(r), JSON.stringify(r));
    } finally {
      await served.close();
    }
  }, 120_000);

  it('the job’s meta queries in the DuckDB dialect learn what the tab learns (both dialects of one description)', async () => {
    const want = prepare(duck.ctx);
    for (const q of sideCubeSql()) duck.ctx.sql.run(q);
    const sideCounts = duck.ctx.sql.one<SideCountsRow>(sideCountsQuery());
    const { prepared } = await learnPrepared(async (q) => duck.ctx.sql.rows(toDuckdb(q)));
    expect(prepared).toEqual({ ...want, sideCounts });
  });

  it('the job’s fact and side-table queries in the DuckDB dialect give the tab’s own tables', async () => {
    prepare(duck.ctx);
    for (const q of sideCubeSql()) duck.ctx.sql.run(q);
    const { stages } = await learnPrepared(async (q) => duck.ctx.sql.rows(toDuckdb(q)));
    const sorted = (rows: Record<string, unknown>[]): string[] =>
      rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).sort();
    // As text, money as a double on both sides (the tab keeps DECIMAL, the job's fact doubles).
    const asText = (c: string) =>
      c === 'amount' || c === 'probability' ? `CAST(CAST(${c} AS DOUBLE) AS VARCHAR)` : `CAST(${c} AS VARCHAR)`;
    const cols = FACT_COLUMNS.map((c) => `${asText(c)} AS ${c}`).join(', ');
    const fact = toDuckdb(factRows(stages));
    const mine = duck.ctx.sql.rows<Record<string, unknown>>({ sql: `SELECT ${cols} FROM (${fact.sql})`, params: fact.params });
    const tabs = duck.ctx.sql.rows<Record<string, unknown>>({ sql: `SELECT ${cols} FROM ${FACT_TABLE}`, params: [] });
    expect(mine.length).toBe(3001);
    expect(sorted(mine)).toEqual(sorted(tabs));
    const tabTables = {
      spend: 'dash_m_spend',
      quota: 'dash_m_quota',
      leads: 'dash_m_leads',
      first_won: 'dash_m_first_won',
    } as const;
    for (const [name, table] of Object.entries(tabTables) as [keyof typeof tabTables, string][]) {
      const names = CUBE_TABLES[name].map(([c]) => c);
      const pick = (r: Record<string, unknown>) =>
        names.map((c) => (r[c] instanceof Date ? (r[c] as Date).toISOString().slice(0, 10) : r[c]));
      const mineRows = SIDE_QUERIES[name]()
        .flatMap((q) => duck.ctx.sql.rows<Record<string, unknown>>(toDuckdb(q)))
        .map(pick);
      const tabRows = duck.ctx.sql
        .rows<Record<string, unknown>>({
          sql: `SELECT * REPLACE (strftime(month, '%Y-%m-%d') AS month) FROM ${table}`,
          params: [],
        })
        .map(pick);
      const keyAt = CUBE_TABLES[name].flatMap(([, t], i) => (t === 'text' || t === 'month' ? [i] : []));
      const key = (r: unknown[]) => JSON.stringify(keyAt.map((i) => r[i]));
      const byKey = (rows: unknown[][]) => rows.sort((a, b) => key(a).localeCompare(key(b)));
      expect(mineRows.length, name).toBe(tabRows.length);
      expectSame(byKey(mineRows), byKey(tabRows), name);
    }
  });
});

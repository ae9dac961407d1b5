// The cube job on the demo (docs/warehouse.md, "The cube job"): it writes a manifest the tab
// accepts, every Parquet file holds the rows the manifest says in row groups a range reader
// can skip, and the files reconcile with the demo's own CSV (read here with papaparse, not
// with our SQL): every deal counted once by close month and once by created month, and the
// won amount equal to the sum of the won deals' amounts. Last, the tab's own reader opens the files
// over HTTP range requests and folds the same dashboard as the demo loaded as rows.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUBE_TABLES, manifestProblems, type CubeManifest, type CubeTableName } from '../../src/engine-api/cubeManifest';
import { streamDemoTable } from '../../src/demo/generator';
import { DEMO } from '../../src/demo/firstPaint';
import { runDemoJob } from '../../scripts/cubes/job';
import { serve } from '../../scripts/serve';
import type { DashboardRequest } from '../../src/engine-api/types';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { Analytics } from '../../workers/analytics/Analytics';
import { expectSame } from './helpers/sameDashboard';

let dir = '';
let manifest: CubeManifest;
let factRows = 0;

async function readTable(name: CubeTableName): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const p of manifest.tables[name].partitions) {
    out.push(...(await parquetReadObjects({ file: await asyncBufferFromFile(path.join(dir, p.path)) })));
  }
  return out;
}

const total = (rows: Record<string, unknown>[], col: string): number => rows.reduce((s, r) => s + Number(r[col] ?? 0), 0);

describe('cube job on the demo', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pipelens-cubes-'));
    ({ manifest, factRows } = await runDemoJob({ out: dir, fiscalStartMonth: 1 }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a manifest the tab accepts, for the demo reference date', () => {
    const written: unknown = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifestProblems(written)).toEqual([]);
    expect(manifest.referenceDate).toBe('2026-09-30');
    expect(manifest.prepared.extent.opportunities).toBe(factRows);
  });

  it('every file holds the rows and columns the manifest lists, in row groups of at most 100,000 rows with a page index', async () => {
    for (const [name, table] of Object.entries(manifest.tables) as [CubeTableName, CubeManifest['tables'][CubeTableName]][]) {
      for (const p of table.partitions) {
        const meta = await parquetMetadataAsync(await asyncBufferFromFile(path.join(dir, p.path)));
        expect(Number(meta.num_rows), `${name}/${p.path}`).toBe(p.rows);
        for (const g of meta.row_groups) {
          expect(Number(g.num_rows)).toBeLessThanOrEqual(100_000);
          // The page index is what lets a range reader fetch one page of a column chunk.
          for (const c of g.columns) expect(c.offset_index_offset, `${p.path} page index`).toBeDefined();
        }
        const leaves = meta.schema.slice(1).map((s) => s.name);
        expect(leaves, `${name}/${p.path}`).toEqual(CUBE_TABLES[name].map(([c]) => c));
      }
    }
    // The closed cube is split by close year: a reader of one year skips the other files.
    expect(manifest.tables.closed.partitions.length).toBeGreaterThan(2);
  });

  it('reconciles with the demo file: every deal once by close month, once by created month; won amounts sum', async () => {
    const csv = Papa.parse<Record<string, string>>([...streamDemoTable(DEMO, 'opportunities')].join(''), {
      header: true,
      skipEmptyLines: true,
    });
    const deals = csv.data;
    expect(deals.length).toBe(factRows);
    const closed = await readTable('closed');
    const created = await readTable('created');
    expect(total(closed, 'n')).toBe(deals.length);
    expect(total(created, 'n')).toBe(deals.length);
    expect(manifest.tables.closed.partitions.reduce((s, p) => s + p.rows, 0)).toBe(closed.length);
    const wonByHand = deals.filter((d) => d.status === 'won').reduce((s, d) => s + Number(d.amount), 0);
    const won = await readTable('won');
    expect(Math.abs(total(won, 'amt') - wonByHand)).toBeLessThan(1e-9 * wonByHand);
    const wonClosed = closed.filter((r) => r.status === 'won');
    expect(Math.abs(total(wonClosed, 'amt') - wonByHand)).toBeLessThan(1e-9 * wonByHand);
  });

  it('opens in the tab as the dashboard of the demo loaded as rows: periods, comparison, segments, filters', async () => {
    const served = await serve({ root: dir, port: 0, mounts: { cubes: dir } });
    try {
      const rows = new Analytics(await openNodeEngine());
      await rows.loadDemo(DEMO);
      const cubes = new Analytics(await openNodeEngine());
      await cubes.openCubes(`${served.url}cubes/manifest.json`);
      const requests: DashboardRequest[] = [
        { period: 'all', fiscalStartMonth: 1 },
        { period: '2026-Q3', fiscalStartMonth: 1 },
        { period: '2025-Q2', fiscalStartMonth: 1, comparison: 'year_ago', segmentBy: 'product' },
        { period: '2026', fiscalStartMonth: 1, filters: { region: ['West'] } },
      ];
      for (const r of requests) expectSame(await cubes.dashboard(r), await rows.dashboard(r), JSON.stringify(r));
    } finally {
      await served.close();
    }
  }, 300_000);
});

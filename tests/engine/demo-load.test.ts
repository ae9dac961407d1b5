// The demo loads straight into the canonical tables (no recognition or profiling). That
// shortcut must change nothing: the same generated files through the full import path give
// identical tables, row for row, and the demo still reconciles file by file.
import { beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_TABLES } from '../../src/canonical/schema';
import { DEMO_FILE_NAMES, streamDemoTable, type DemoTable } from '../../src/demo/generator';
import type { ImportResult } from '../../src/engine-api/types';
import { quoteIdent } from '../../src/platform/sql/sql';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { loadFiles } from './helpers/engine';

class TableReader extends Analytics {
  async table(name: string): Promise<string[]> {
    const ctx = await this.context();
    const rows = ctx.sql.rows({ sql: `SELECT * FROM ${quoteIdent(name)}`, params: [] });
    return rows.map((r) => JSON.stringify(r)).sort();
  }
}

const DEMO = { seed: 20261129, opportunities: 400 };

describe('demo: the direct load equals the full import path', () => {
  let direct: TableReader;
  let imported: TableReader;
  let directResult: ImportResult;
  beforeAll(async () => {
    direct = new TableReader(await openNodeEngine());
    directResult = await direct.loadDemo(DEMO);
    imported = new TableReader(await openNodeEngine());
    const encoder = new TextEncoder();
    await loadFiles(
      imported,
      (Object.keys(DEMO_FILE_NAMES) as DemoTable[]).map((table) => ({
        name: DEMO_FILE_NAMES[table],
        data: encoder.encode([...streamDemoTable(DEMO, table)].join('')),
      })),
    );
  });

  it.each(CANONICAL_TABLES)('%s holds the same rows', async (table) => {
    const [a, b] = await Promise.all([direct.table(table), imported.table(table)]);
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it('reconciles every file: read = loaded, with the demo data line counts', () => {
    for (const file of directResult.files) {
      const table = file.table as DemoTable;
      const lines =
        [...streamDemoTable(DEMO, table)]
          .join('')
          .split('\n')
          .filter((l) => l.length > 0).length - 1;
      expect(file.rowsRead, file.fileName).toBe(lines);
      expect(file.rowsLoaded + file.rowsRejected + file.rowsSkipped).toBe(file.rowsRead);
    }
    expect(directResult.files.map((f) => f.fileName).sort()).toEqual(Object.values(DEMO_FILE_NAMES).sort());
  });

  it('gives the same dashboard', async () => {
    const request = { period: 'all', fiscalStartMonth: 1 };
    expect(await direct.dashboard(request)).toEqual(await imported.dashboard(request));
  });

  it('runs one call at a time: a dashboard asked for while the demo loads sees the whole demo', async () => {
    const fresh = new TableReader(await openNodeEngine());
    const request = { period: 'all', fiscalStartMonth: 1 };
    // Not awaited in between: both messages are in the worker before the load's first await.
    const [, during] = await Promise.all([fresh.loadDemo(DEMO), fresh.dashboard(request)]);
    expect(during).toEqual(await direct.dashboard(request));
  });
});

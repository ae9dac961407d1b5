// The cube-file contract's checks (docs/warehouse.md): the manifest validator, the page's
// `cube=` link check and the sum/count rule, each on hand-written input.
import { describe, expect, it } from 'vitest';
import { CUBE_TABLES, manifestProblems, safePartitionPath, type CubeTableName } from '../../src/engine-api/cubeManifest';
import { readCubeLink } from '../../src/features/warehouse/cubeLink';
import { checkSums } from '../../workers/analytics/warehouse/sums';

const PAGE = 'https://intra.example/portal/sales/index.html';

function manifest(): Record<string, unknown> {
  const tables = Object.fromEntries(
    (Object.keys(CUBE_TABLES) as CubeTableName[]).map((name) => [
      name,
      {
        columns: CUBE_TABLES[name].map(([n, type]) => ({ name: n, type })),
        partitions: [{ path: `${name}/all.parquet`, rows: 1, bytes: 100, months: null }],
      },
    ]),
  );
  return {
    format: 'pipelens-cubes',
    schemaVersion: 1,
    generatedAt: '2026-12-07T20:00:00Z',
    source: 'ClickHouse crm',
    referenceDate: '2026-09-30',
    fiscalStartMonth: 1,
    prepared: {
      extent: { opportunities: 10, firstClose: null, lastClose: null, referenceDate: '2026-09-30' },
      stages: [],
      hasHistory: false,
      dimensionValues: {},
      presence: {},
      leadRows: 0,
      currency: null,
      sideCounts: { spend_rows: 0, quota_rows: 0, lead_rows: 0 },
    },
    tables,
  };
}

describe('cube manifest', () => {
  it('accepts a complete manifest', () => {
    expect(manifestProblems(manifest())).toEqual([]);
  });

  it('names each fault', () => {
    expect(manifestProblems({ ...manifest(), schemaVersion: 2 })[0]).toMatch(/schema version 2; this page reads version 1/);
    expect(manifestProblems({ ...manifest(), format: 'x' })[0]).toMatch(/not a pipelens cube manifest/);
    const m = manifest();
    const tables = m['tables'] as Record<string, { columns: unknown[]; partitions: unknown[] }>;
    delete tables['won'];
    tables['spend'] = { columns: [{ name: 'month', type: 'month' }], partitions: [] };
    tables['extra'] = { columns: [], partitions: [] };
    const problems = manifestProblems({ ...m, referenceDate: '30/09/2026' });
    expect(problems).toContain('referenceDate is not a YYYY-MM-DD date.');
    expect(problems).toContain('Table won is missing.');
    expect(problems.some((p) => p.startsWith('Table spend should have columns month:month, channel:text, amount:measure'))).toBe(
      true,
    );
    expect(problems).toContain('Table extra is not part of schema version 1.');
  });

  it('keeps partition paths below the manifest folder', () => {
    expect(safePartitionPath('closed/2024.parquet')).toBe(true);
    for (const bad of ['../x.parquet', '/abs.parquet', 'https://evil.example/x.parquet', '//evil.example/x', 'a/./b', 'a\\b', ''])
      expect(safePartitionPath(bad), bad).toBe(false);
  });
});

describe('cube= link', () => {
  it('resolves a relative address against the page', () => {
    expect(readCubeLink('#cube=cubes/manifest.json&period=all', PAGE)).toEqual({
      url: 'https://intra.example/portal/sales/cubes/manifest.json',
    });
    expect(readCubeLink('#period=all', PAGE)).toBeNull();
  });

  it('refuses another origin, scheme or a hidden separator before any request', () => {
    for (const value of ['https://evil.example/m.json', '//evil.example/m.json', 'http://intra.example/m.json', 'data:,{}']) {
      const link = readCubeLink(`#cube=${encodeURIComponent(value)}`, PAGE);
      expect(link && 'problem' in link ? link.problem : '', value).toMatch(/another origin/);
    }
    const sneaky = readCubeLink('#cube=cubes%252f..%252fsecret.json', PAGE);
    expect(sneaky && 'problem' in sneaky).toBe(true);
    const empty = readCubeLink('#cube=', PAGE);
    expect(empty && 'problem' in empty ? empty.problem : '').toMatch(/empty/);
  });
});

describe('a sum travels with its count', () => {
  it('refuses 0 where nothing was summed, accepts NULL', () => {
    const row = { amt: null, amt_n: 0, cyc_sum: null, cyc_n: 0, wtd: null, wtd_n: 0 };
    expect(() => checkSums({ name: 'closed', rows: [row] })).not.toThrow();
    expect(() => checkSums({ name: 'closed', rows: [row, { ...row, amt: 0 }] })).toThrow(/row 2: amt is 0 where amt_n is 0/);
    expect(() => checkSums({ name: 'won', rows: [{ y_amt: 0, any_y: 0 }] })).toThrow(/y_amt is 0 where any_y is 0/);
  });
});

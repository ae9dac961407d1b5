// The dashboard opened from cube files (docs/warehouse.md) gives what the same data gives when
// loaded as rows: the demo is written as cube files by the DuckDB producer, served over HTTP
// with range requests, and opened on a second engine that never sees a deal row.
import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRequest, DashboardResult } from '../../src/engine-api/types';
import type { CubeManifest } from '../../src/engine-api/cubeManifest';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { serve, type Served } from '../../scripts/serve';
import { demoCubes, type ProducerAnalytics } from './helpers/cubeFiles';
import { expectSame } from './helpers/sameDashboard';

/** A copy of the cube folder with one change, served under its own path. */
function variant(dir: string, change: (copy: string) => void): string {
  const copy = mkdtempSync(join(tmpdir(), 'pipelens-cubes-bad-'));
  cpSync(dir, copy, { recursive: true });
  change(copy);
  return copy;
}

describe('dashboard from cube files', () => {
  let rows: ProducerAnalytics;
  let cubes: Analytics;
  let served: Served;
  let dir: string;
  let manifest: CubeManifest;
  const bad: Record<string, string> = {};
  const url = (folder: string) => `${served.url}${folder}/manifest.json`;

  beforeAll(async () => {
    // Small row groups: the reader must range over several groups per file.
    ({ dir, manifest, rows } = await demoCubes({ seed: 11, opportunities: 1200 }, { rowGroupSize: 500 }));
    const closed2024 = manifest.tables.closed.partitions.find((p) => p.path.includes('2024'))?.path ?? '';
    bad['version'] = variant(dir, (c) => {
      const m = JSON.parse(readFileSync(join(c, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(c, 'manifest.json'), JSON.stringify({ ...m, schemaVersion: 2 }));
    });
    bad['missing'] = variant(dir, (c) => rmSync(join(c, closed2024)));
    bad['truncated'] = variant(dir, (c) => {
      const file = join(c, closed2024);
      truncateSync(file, Math.floor(readFileSync(file).byteLength / 2));
    });
    bad['columns'] = variant(dir, (c) => {
      const m = JSON.parse(readFileSync(join(c, 'manifest.json'), 'utf8')) as CubeManifest;
      writeFileSync(
        join(c, 'manifest.json'),
        JSON.stringify({ ...m, tables: { ...m.tables, spend: { ...m.tables.spend, columns: [] } } }),
      );
    });
    served = await serve({ root: dir, port: 0, mounts: { good: dir, ...bad } });
    cubes = new Analytics(await openNodeEngine());
  });

  afterAll(async () => {
    await served.close();
    for (const d of [dir, ...Object.values(bad)]) rmSync(d, { recursive: true, force: true });
  });

  it('opens, reads by range requests and says what it read', async () => {
    const opened = await cubes.openCubes(url('good'));
    expect(opened.referenceDate).toBe(manifest.referenceDate);
    expect(opened.opportunities).toBe((await rows.dashboard({ period: 'all', fiscalStartMonth: 1 })).extent.opportunities);
    expect(opened.files).toBe(Object.values(manifest.tables).reduce((k, t) => k + t.partitions.length, 0));
    // Every byte at most once: the listed files plus the manifest itself.
    const manifestBytes = readFileSync(join(dir, 'manifest.json')).byteLength;
    expect(opened.bytesFetched).toBeGreaterThan(0);
    expect(opened.bytesFetched).toBeLessThanOrEqual(opened.bytesListed + manifestBytes);
    expect(opened.requests).toBeGreaterThan(opened.files);
  });

  it('gives the same dashboard as the rows for periods, comparisons, filters and segmentations', async () => {
    const first = await rows.dashboard({ period: 'all', fiscalStartMonth: 1 });
    const owners = first.dimensionValues?.owner ?? [];
    const regions = first.dimensionValues?.region ?? [];
    const requests: DashboardRequest[] = [
      { period: 'all', fiscalStartMonth: 1 },
      { period: '2024', fiscalStartMonth: 1, comparison: 'year_ago' },
      { period: '2024-Q2', fiscalStartMonth: 1 },
      { period: '2025-01', fiscalStartMonth: 1, segmentBy: 'product' },
      { period: '2024-Q4', fiscalStartMonth: 4, filters: { owner: owners.slice(0, 2) } },
      { period: 'all', fiscalStartMonth: 1, filters: { region: regions.slice(0, 1) }, churn: 0.2, grossMargin: 0.7 },
      { period: '2023', fiscalStartMonth: 7, variants: { win_rate: 'won_over_all' }, segmentBy: 'team' },
    ];
    for (const request of requests) {
      const expected: DashboardResult = await rows.dashboard(request);
      const actual = await cubes.dashboard(request);
      expectSame(actual, expected, JSON.stringify(request));
    }
  });

  it('says "not available at this scale" for what needs rows, never a different number', async () => {
    const median = await cubes.dashboard({ period: '2024', fiscalStartMonth: 1, variants: { avg_deal_size: 'median' } });
    const tile = median.kpis.find((k) => k.id === 'avg_deal_size');
    expect(tile?.value).toBeNull();
    expect(tile?.reason).toMatch(/not available at this scale/);
    await expect(cubes.dashboard({ period: '2024-02-10..2024-05-31', fiscalStartMonth: 1 })).rejects.toThrow(
      /not available at this scale.*whole calendar months/,
    );
    await expect(cubes.dashboard({ period: 'all', fiscalStartMonth: 1, referenceDate: '2020-01-01' })).rejects.toThrow(
      /not available at this scale.*built as of/,
    );
    await expect(
      cubes.drill({ dashboard: { period: 'all', fiscalStartMonth: 1 }, target: { kind: 'kpi', kpi: 'won_count' } }),
    ).rejects.toThrow(/not available at this scale/);
    await expect(cubes.forecast({ fiscalStartMonth: 1 })).rejects.toThrow(/not available at this scale/);
  });

  it('refuses bad cube files with a message that names the fault', async () => {
    const other = new Analytics(await openNodeEngine());
    await expect(other.openCubes(url('version'))).rejects.toThrow(/schema version 2; this page reads version 1/);
    await expect(other.openCubes(url('missing'))).rejects.toThrow(/closed\/2024\.parquet is missing \(HTTP 404\)/);
    await expect(other.openCubes(url('truncated'))).rejects.toThrow(/closed\/2024\.parquet is .*truncated/);
    await expect(other.openCubes(url('columns'))).rejects.toThrow(/Table spend should have columns/);
    await expect(other.openCubes(`${served.url}nowhere/manifest.json`)).rejects.toThrow(/HTTP 404/);
  });
});

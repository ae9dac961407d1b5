// Cube files for tests: the demo (or any loaded data) written by the DuckDB producer
// (scripts/cubefiles/duckdbCubes.ts) into a fresh temporary folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoRequest } from '../../../src/engine-api/types';
import type { CubeManifest } from '../../../src/engine-api/cubeManifest';
import { Analytics } from '../../../workers/analytics/Analytics';
import type { AnalyticsContext } from '../../../workers/analytics/context';
import { openNodeEngine } from '../../../src/platform/engine/openNode';
import { writeCubeFiles, type WriteOptions } from '../../../scripts/cubefiles/duckdbCubes';

/** Reaches the session's context, to run the producer on what the session loaded. */
export class ProducerAnalytics extends Analytics {
  writeCubes(outDir: string, options: WriteOptions): Promise<CubeManifest> {
    return this.context().then((ctx: AnalyticsContext) => writeCubeFiles(ctx, outDir, options));
  }
}

/** The demo loaded on its own engine and written as cube files; the engine stays open for comparisons. */
export async function demoCubes(
  demo: DemoRequest,
  options: Partial<WriteOptions> = {},
): Promise<{ dir: string; manifest: CubeManifest; rows: ProducerAnalytics }> {
  const rows = new ProducerAnalytics(await openNodeEngine());
  await rows.loadDemo(demo);
  const dir = mkdtempSync(join(tmpdir(), 'pipelens-cubes-'));
  const manifest = await rows.writeCubes(dir, { source: 'DuckDB test producer (demo data)', ...options });
  return { dir, manifest, rows };
}

// Benchmark data: the seeded demo generator streamed to CSV files under .bench-data/,
// once per size and seed; later runs reuse the files (the same seed gives the same bytes).
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { streamDemoTable, type DemoTable } from '../../src/demo/generator';

export const BENCH_SEED = 20261129;

export interface BenchFiles {
  readonly opportunities: number;
  /** The main subject: every engine and baseline reads this file. */
  readonly opportunitiesCsv: string;
  readonly bytes: number;
}

export async function ensureData(root: string, opportunities: number, log: (msg: string) => void): Promise<BenchFiles> {
  const dir = path.join(root, '.bench-data');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `opportunities-s${BENCH_SEED}-n${opportunities}.csv`);
  if (!existsSync(file)) {
    const started = performance.now();
    await writeTable(file, opportunities, 'opportunities');
    log(`generated ${path.relative(root, file)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { opportunities, opportunitiesCsv: file, bytes: statSync(file).size };
}

/** Writes to a temporary name first so an interrupted run never leaves a truncated file behind. */
async function writeTable(file: string, opportunities: number, table: DemoTable): Promise<void> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let buffered = '';
  for (const chunk of streamDemoTable({ seed: BENCH_SEED, opportunities }, table)) {
    buffered += chunk;
    if (buffered.length > 1 << 20) {
      if (!out.write(buffered)) await once(out, 'drain');
      buffered = '';
    }
  }
  out.end(buffered);
  await once(out, 'finish');
  renameSync(partial, file);
}

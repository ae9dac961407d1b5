// `npm run bench -- --commdis`: our territory designer on the public commercial-districting
// instances in ../shared/data/commdis (the n = 1000 ones; more with COMMDIS_N=1000,2500 when
// regenerated there). Per instance: feasible (balance of the three activities within ±5 % and
// contiguity on the file's edges, judged by src/features/territories/core/commdis.ts, not by the designer),
// our largest diameter, the best-known one, the gap and the time (the design is the page's own
// `design()` with the smallest-largest-diameter objective, src/features/territories/core/diameterSearch.ts). Writes
// bench-results/commdis-<time>.json with every assignment, so anyone can check the plans.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { feasible, maxDiameter, parseCommdis } from '../../src/features/territories/core/commdis';
import { design, runToEnd } from '../../src/features/territories/core/design';

const ROOT = path.resolve(import.meta.dirname, '../..');
// shared/ sits beside the repository (CI, /work/main); a worktree one level deeper looks two up.
const DATA = process.env['COMMDIS_DIR']
  ? path.resolve(process.env['COMMDIS_DIR'])
  : (['../shared/data/commdis', '../../shared/data/commdis'].map((d) => path.resolve(ROOT, d)).find((d) => existsSync(d)) ??
    path.resolve(ROOT, '../shared/data/commdis'));

function bestKnown(): Map<string, number> {
  const lines = readFileSync(path.join(DATA, 'commdis_best_known.csv'), 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((l) => l.split(',')).map((f) => [f[1] ?? '', Number(f[4])]));
}

// The diameter search's budget is a count of tabu iterations (same seed, same plan on any
// machine); on the shared 2-core machine 1,000 iterations take roughly 1–1.5 s at n = 1000.
const EFFORT = Number(process.env['COMMDIS_EFFORT'] ?? 15_000);

export interface CommdisRecord {
  /** The file name without `.in`. */
  readonly instance: string;
  readonly n: number;
  readonly k: number;
  /** Territory index per unit, in the file's unit order. */
  readonly assignment: number[];
  readonly maxDiameter: number;
  readonly feasible: boolean;
  readonly seconds: number;
  /** CPU time of this process for the design: on a shared machine, wall time mostly measures the others. */
  readonly cpuSeconds: number;
  readonly bestKnown: number;
  readonly gapPct: number;
  readonly worstDeviation: number;
}

/** Designs one instance with our designer and judges the plan (src/features/territories/core/commdis.ts). */
export function commdisRecord(instance: string, text: string, bestKnown: number, effort = EFFORT): CommdisRecord {
  const inst = parseCommdis(text);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const out = runToEnd(
    design({
      n: inst.n,
      k: 3,
      weights: inst.activities,
      territories: inst.k,
      graph: inst.graph,
      tolerance: Math.min(...inst.tolerances),
      seed: 1,
      coordinates: { x: inst.x, y: inst.y },
      compactness: 'diameter',
      effort,
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const check = feasible(inst, out.assignment);
  const ours = maxDiameter(inst, out.assignment);
  return {
    instance,
    n: inst.n,
    k: inst.k,
    assignment: [...out.assignment],
    maxDiameter: ours,
    feasible: check.balanced && check.contiguous,
    seconds,
    cpuSeconds,
    bestKnown,
    gapPct: (100 * (ours - bestKnown)) / bestKnown,
    worstDeviation: check.worst,
  };
}

export function runCommdis(): void {
  const sizes = (process.env['COMMDIS_N'] ?? '1000').split(',').map((s) => `-n${s.trim()}-`);
  const files = readdirSync(DATA)
    .filter((f) => f.endsWith('.in') && sizes.some((s) => f.includes(s)))
    .sort();
  const best = bestKnown();
  const results: CommdisRecord[] = [];
  console.log(`effort ${EFFORT} tabu iterations per instance, seed 1, load average ${os.loadavg()[0]?.toFixed(1)}`);
  console.log('instance                    n     k  feasible  ours      best-known  gap %    seconds  cpu s');
  for (const file of files) {
    const instance = file.replace(/\.in$/, '');
    const r = commdisRecord(instance, readFileSync(path.join(DATA, file), 'utf8'), best.get(instance) ?? NaN);
    results.push(r);
    console.log(
      `${instance.padEnd(26)} ${String(r.n).padStart(5)} ${String(r.k).padStart(3)}  ${(r.feasible ? 'yes' : 'no').padEnd(8)}  ${r.maxDiameter.toFixed(2).padStart(8)}  ${r.bestKnown.toFixed(2).padStart(10)}  ${r.gapPct.toFixed(1).padStart(6)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.cpuSeconds.toFixed(1).padStart(5)}`,
    );
  }
  const gaps = results.map((r) => r.gapPct).sort((a, b) => a - b);
  const median = gaps.length ? ((gaps[(gaps.length - 1) >> 1] ?? 0) + (gaps[gaps.length >> 1] ?? 0)) / 2 : NaN;
  const feasibleAll = results.every((r) => r.feasible);
  const slowest = Math.max(...results.map((r) => r.seconds));
  const slowestCpu = Math.max(...results.map((r) => r.cpuSeconds));
  console.log(
    `feasible ${results.filter((r) => r.feasible).length}/${results.length} ${feasibleAll ? '✓' : '✗'} · median gap ${median.toFixed(1)} % (target ≤ 10 %) ${median <= 10 ? '✓' : '✗'} · slowest ${slowest.toFixed(1)} s (target ≤ 60 s) ${slowest <= 60 ? '✓' : '✗'}, ${slowestCpu.toFixed(1)} s of CPU · load average now ${os.loadavg()[0]?.toFixed(1)}`,
  );
  mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  const out = path.join(ROOT, 'bench-results', `commdis-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify(results));
  console.log(`wrote ${path.relative(ROOT, out)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) runCommdis();

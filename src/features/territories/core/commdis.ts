// Public commercial-districting instances (set "DL" of Gliesch, Ritt & Moreira, EvoCOP 2018;
// docs/territories.md, "Benchmark"): reading the `.in` format, and judging a plan the way the
// literature does — balance of all three activities within ±τ of the mean, contiguity on the
// file's own edges, and the objective: the largest Euclidean diameter of a territory.
import { graphFromLists, discontiguousTerritories, type Graph } from './graph';

export interface CommdisInstance {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** n × 3 activities, row-major. */
  readonly activities: Float64Array;
  readonly graph: Graph;
  readonly k: number;
  readonly tolerances: readonly [number, number, number];
}

export function parseCommdis(text: string): CommdisInstance {
  const tokens = text.trim().split(/\s+/).map(Number);
  let at = 0;
  const next = () => {
    const v = tokens[at++];
    if (v === undefined || Number.isNaN(v)) throw new Error(`commdis: bad token at ${at}`);
    return v;
  };
  const n = next();
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const activities = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const id = next();
    if (id !== i) throw new Error(`commdis: unit ${i} has id ${id}`);
    x[i] = next();
    y[i] = next();
    for (let a = 0; a < 3; a++) activities[i * 3 + a] = next();
  }
  const m = next();
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < m; e++) lists[next()]?.push(next());
  const k = next();
  next(); // a constant the authors' solver ignores
  const tolerances: [number, number, number] = [next(), next(), next()];
  return { n, x, y, activities, graph: graphFromLists(lists), k, tolerances };
}

/** Largest distance between two units of the same territory. */
export function maxDiameter(inst: CommdisInstance, assignment: ArrayLike<number>): number {
  const members = Array.from({ length: inst.k }, () => [] as number[]);
  for (let u = 0; u < inst.n; u++) members[assignment[u] ?? 0]?.push(u);
  let worst = 0;
  for (const list of members) {
    for (let i = 0; i < list.length; i++) {
      const a = list[i] ?? 0;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j] ?? 0;
        const d = Math.hypot((inst.x[a] ?? 0) - (inst.x[b] ?? 0), (inst.y[a] ?? 0) - (inst.y[b] ?? 0));
        if (d > worst) worst = d;
      }
    }
  }
  return worst;
}

/** Balance of every activity within its tolerance (with the authors' 1e-8 slack) and contiguity. */
export function feasible(
  inst: CommdisInstance,
  assignment: Int32Array,
): { balanced: boolean; contiguous: boolean; worst: number } {
  let worst = 0;
  let balanced = true;
  for (let a = 0; a < 3; a++) {
    const sums = new Float64Array(inst.k);
    let total = 0;
    for (let u = 0; u < inst.n; u++) {
      const w = inst.activities[u * 3 + a] ?? 0;
      sums[assignment[u] ?? 0] = (sums[assignment[u] ?? 0] ?? 0) + w;
      total += w;
    }
    const mean = total / inst.k;
    let excess = 0;
    for (const s of sums) {
      const dev = Math.abs(s - mean);
      worst = Math.max(worst, dev / mean);
      excess += Math.max(0, dev - (inst.tolerances[a] ?? 0) * mean) / mean;
    }
    if (excess > 1e-8) balanced = false;
  }
  return { balanced, contiguous: discontiguousTerritories(inst.graph, assignment, inst.k).length === 0, worst };
}

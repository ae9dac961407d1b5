// Properties of the smallest-largest-diameter objective (src/features/territories/core/diameterSearch.ts via
// design()), over random jittered grids with random diagonals, weights, tolerances and locks
// (fast-check). Each claim is checked by code of its own here: balance is summed again,
// contiguity is a separate breadth-first search, the diameter a plain double loop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { design, runToEnd } from '../../../src/features/territories/core/design';
import { graphFromLists, neighbours, type Graph } from '../../../src/features/territories/core/graph';
import type { Problem } from '../../../src/features/territories/core/problem';

function recount(p: Problem, assign: Int32Array): number {
  let worst = 0;
  for (let a = 0; a < p.k; a++) {
    const sums = new Array<number>(p.territories).fill(0);
    assign.forEach((t, i) => (sums[t] = (sums[t] ?? 0) + (p.weights[i * p.k + a] ?? 0)));
    const mean = sums.reduce((s, v) => s + v, 0) / p.territories;
    if (mean > 0) worst = Math.max(worst, ...sums.map((v) => Math.abs(v - mean) / mean));
  }
  return worst;
}

function split(g: Graph, assign: Int32Array, territories: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < territories; t++) {
    const own = Array.from(assign.keys()).filter((u) => assign[u] === t);
    if (own.length === 0) continue;
    const seen = new Set([own[0]]);
    const queue = [own[0] ?? 0];
    while (queue.length > 0) {
      const u = queue.pop() ?? 0;
      for (const v of neighbours(g, u))
        if (!seen.has(v) && assign[v] === t) {
          seen.add(v);
          queue.push(v);
        }
    }
    if (seen.size !== own.length) out.push(t);
  }
  return out;
}

function diameter(p: Problem, assign: Int32Array): number {
  const { x, y } = p.coordinates ?? { x: new Float64Array(0), y: new Float64Array(0) };
  let worst = 0;
  for (let a = 0; a < p.n; a++)
    for (let b = a + 1; b < p.n; b++)
      if (assign[a] === assign[b]) worst = Math.max(worst, Math.hypot((x[a] ?? 0) - (x[b] ?? 0), (y[a] ?? 0) - (y[b] ?? 0)));
  return worst;
}

const instance = fc
  .record({
    w: fc.integer({ min: 3, max: 9 }),
    h: fc.integer({ min: 2, max: 7 }),
    territories: fc.integer({ min: 2, max: 5 }),
    k: fc.integer({ min: 1, max: 3 }),
    tolerance: fc.constantFrom(0.05, 0.1, 0.25, 0.5),
    seed: fc.integer({ min: 0, max: 1e6 }),
    locks: fc.integer({ min: 0, max: 2 }),
  })
  .filter((r) => r.w * r.h >= r.territories * 2)
  .map((r): Problem => {
    let s = r.seed + 1;
    const rand = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const n = r.w * r.h;
    const lists: number[][] = Array.from({ length: n }, () => []);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < r.w; i++)
      for (let j = 0; j < r.h; j++) {
        const u = i * r.h + j;
        x[u] = i + 0.4 * (rand() - 0.5);
        y[u] = j + 0.4 * (rand() - 0.5);
        if (i + 1 < r.w) lists[u]?.push(u + r.h);
        if (j + 1 < r.h) lists[u]?.push(u + 1);
        if (i + 1 < r.w && j + 1 < r.h && rand() < 0.5) lists[u]?.push(u + r.h + 1);
      }
    const locks = new Int32Array(n).fill(-1);
    for (let l = 0; l < r.locks; l++) locks[Math.floor(rand() * n)] = Math.floor(rand() * r.territories);
    return {
      n,
      k: r.k,
      weights: Float64Array.from({ length: n * r.k }, () => 1 + Math.floor(rand() * 20)),
      territories: r.territories,
      graph: graphFromLists(lists),
      locks,
      tolerance: r.tolerance,
      seed: r.seed,
      coordinates: { x, y },
      effort: 300,
    };
  });

describe('smallest largest diameter (property)', () => {
  it('keeps locks, reports the recounted deviation and split territories, and never ends worse than balance alone', () => {
    fc.assert(
      fc.property(instance, (p) => {
        const plain = runToEnd(design(p));
        const out = runToEnd(design({ ...p, compactness: 'diameter' }));
        const g = p.graph as Graph;
        p.locks?.forEach((t, u) => {
          if (t >= 0) expect(out.assignment[u]).toBe(t);
        });
        expect(out.maxDeviation).toBeCloseTo(recount(p, out.assignment), 12);
        expect(out.withinTolerance).toBe(recount(p, out.assignment) <= p.tolerance);
        expect(out.discontiguous).toEqual(split(g, out.assignment, p.territories));
        // From a balanced, contiguous design: still within the tolerance, in one piece each, and
        // a largest diameter no longer than balance alone gave.
        if (plain.withinTolerance && plain.discontiguous.length === 0) {
          expect(out.withinTolerance).toBe(true);
          expect(split(g, out.assignment, p.territories)).toEqual([]);
          expect(diameter(p, out.assignment)).toBeLessThanOrEqual(diameter(p, plain.assignment) + 1e-9);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('gives the same plan for the same seed', () => {
    fc.assert(
      fc.property(instance, (p) => {
        const a = runToEnd(design({ ...p, compactness: 'diameter' }));
        const b = runToEnd(design({ ...p, compactness: 'diameter' }));
        expect(Array.from(b.assignment)).toEqual(Array.from(a.assignment));
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

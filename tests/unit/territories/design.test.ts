// Invariants of every design mode: each unit assigned exactly once, locks respected,
// contiguity on graphs, repeatable for a seed, and balance never reported better than it is.
import { describe, expect, it } from 'vitest';
import { design, runInSlices, runToEnd, StoppedError } from '../../../src/features/territories/core/design';
import { graphFromLists, discontiguousTerritories } from '../../../src/features/territories/core/graph';
import { balanceMetrics } from '../../../src/features/territories/core/metrics';
import type { Problem } from '../../../src/features/territories/core/problem';
import { imbalancedStart, syntheticWeights } from '../../../src/features/territories/core/synthetic';
import { disruption } from '../../../src/features/territories/core/disruption';

/** A w × h grid graph (4-neighbours). */
function grid(w: number, h: number) {
  const lists: number[][] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) lists.push([...(x + 1 < w ? [y * w + x + 1] : []), ...(y + 1 < h ? [(y + 1) * w + x] : [])]);
  }
  return graphFromLists(lists);
}

/** Totals per territory computed here, independently of the planner's own bookkeeping. */
function totals(p: Problem, assignment: Int32Array, a: number): number[] {
  const sums = new Array<number>(p.territories).fill(0);
  assignment.forEach((t, u) => (sums[t] = (sums[t] ?? 0) + (p.weights[u * p.k + a] ?? 0)));
  return sums;
}

const gridProblem = (seed: number, locks?: Int32Array): Problem => ({
  n: 400,
  k: 2,
  weights: syntheticWeights(400, 2, 3),
  territories: 8,
  graph: grid(20, 20),
  tolerance: 0.05,
  seed,
  ...(locks ? { locks } : {}),
});

describe('design on a graph', () => {
  const locks = new Int32Array(400).fill(-1);
  locks[0] = 3;
  locks[399] = 5;
  const p = gridProblem(11, locks);
  const out = runToEnd(design(p));

  it('assigns every unit exactly once to a valid territory and keeps locks', () => {
    expect(out.assignment.length).toBe(400);
    for (const t of out.assignment) expect(t >= 0 && t < 8).toBe(true);
    expect(out.assignment[0]).toBe(3);
    expect(out.assignment[399]).toBe(5);
  });

  it('keeps every territory contiguous and reports its balance truthfully', () => {
    expect(discontiguousTerritories(p.graph ?? grid(1, 1), out.assignment, 8)).toEqual([]);
    const worst = Math.max(...[0, 1].map((a) => balanceMetrics(totals(p, out.assignment, a))?.maxDeviation ?? 1));
    expect(out.maxDeviation).toBeCloseTo(worst, 9);
    expect(out.withinTolerance).toBe(worst <= 0.05);
    expect(worst).toBeLessThanOrEqual(0.05);
  });

  it('gives the same assignment for the same seed', () => {
    expect([...runToEnd(design(gridProblem(11, locks))).assignment]).toEqual([...out.assignment]);
  });
});

describe('design of named accounts', () => {
  const p: Problem = { n: 600, k: 3, weights: syntheticWeights(600, 3, 9), territories: 6, tolerance: 0.05, seed: 4 };
  const out = runToEnd(design(p));

  it('balances three attributes within the tolerance', () => {
    for (const a of [0, 1, 2]) expect(balanceMetrics(totals(p, out.assignment, a))?.maxDeviation).toBeLessThanOrEqual(0.05);
    expect(out.discontiguous).toEqual([]);
  });

  it('is repeatable for a seed', () => {
    expect([...runToEnd(design({ ...p })).assignment]).toEqual([...out.assignment]);
  });
});

describe('rebalancing from the current alignment', () => {
  const weights = syntheticWeights(2000, 1, 21);
  const start = imbalancedStart(weights, 10, 0.25, 2);
  const locks = new Int32Array(2000).fill(-1);
  for (let u = 0; u < 50; u++) locks[u] = start[u] ?? -1;
  const p: Problem = { n: 2000, k: 1, weights, territories: 10, start, locks, tolerance: 0.05, seed: 1 };
  const out = runToEnd(design(p));

  it('starts outside ±15 % and ends within ±5 % moving under 10 % of accounts', () => {
    expect(balanceMetrics(totals(p, start, 0))?.maxDeviation).toBeGreaterThan(0.15);
    expect(balanceMetrics(totals(p, out.assignment, 0))?.maxDeviation).toBeLessThanOrEqual(0.05);
    const d = disruption(start, out.assignment, new Float64Array(2000).fill(1), weights);
    expect(d.accountsFraction).toBeLessThan(0.1);
    expect(out.tradeoff.at(-1)?.moved).toBe(d.accountsMoved);
  });

  it('leaves locked accounts where they were', () => {
    for (let u = 0; u < 50; u++) expect(out.assignment[u]).toBe(start[u]);
  });
});

describe('running in slices', () => {
  it('stops when asked between slices', async () => {
    let clock = 0;
    const run = runInSlices(design(gridProblem(2)), { shouldStop: () => true, now: () => (clock += 100), sliceMs: 1 });
    await expect(run).rejects.toBeInstanceOf(StoppedError);
  });

  it('reports progress and finishes with the same answer as a straight run', async () => {
    const fractions: number[] = [];
    let clock = 0;
    const out = await runInSlices(design(gridProblem(5)), {
      onProgress: (s) => fractions.push(s.fraction),
      now: () => (clock += 1),
      sliceMs: 3,
    });
    expect(fractions.length).toBeGreaterThan(0);
    expect([...out.assignment]).toEqual([...runToEnd(design(gridProblem(5))).assignment]);
  });
});

// Properties of rebalancing within a disruption budget, over random graphs, weights, starts,
// locks and budgets (fast-check). Each claim is checked by code of its own here: loads are
// summed again, contiguity is a separate search over the final assignment, disruption is a
// recount against the start.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetRebalance, type BudgetProblem } from '../../../src/features/territories/core/budgetRebalance';
import { runToEnd } from '../../../src/features/territories/core/design';
import { graphFromLists, neighbours, type Graph } from '../../../src/features/territories/core/graph';

/** Largest |load − mean| ÷ mean over territories and attributes, summed here. */
function recount(p: BudgetProblem, assign: Int32Array): number {
  let worst = 0;
  for (let a = 0; a < p.k; a++) {
    const sums = new Array<number>(p.territories).fill(0);
    assign.forEach((t, i) => (sums[t] = (sums[t] ?? 0) + (p.weights[i * p.k + a] ?? 0)));
    const mean = sums.reduce((s, v) => s + v, 0) / p.territories;
    if (mean > 0) worst = Math.max(worst, ...sums.map((v) => Math.abs(v - mean) / mean));
  }
  return worst;
}

/** Territories whose accounts' units are not joined through units holding only that territory's accounts. */
function splitByOwnSearch(p: BudgetProblem, g: Graph, assign: Int32Array): number[] {
  const unitOf = p.unitOf ?? new Int32Array(0);
  const holders = Array.from({ length: g.n }, () => new Set<number>());
  assign.forEach((t, i) => holders[unitOf[i] ?? 0]?.add(t));
  const split: number[] = [];
  for (let t = 0; t < p.territories; t++) {
    const own = [
      ...new Set(
        Array.from(assign.keys())
          .filter((i) => assign[i] === t)
          .map((i) => unitOf[i] ?? 0),
      ),
    ];
    if (own.length <= 1) continue;
    const seen = new Set([own[0]]);
    const queue = [own[0] ?? 0];
    while (queue.length > 0) {
      const u = queue.pop() ?? 0;
      for (const v of neighbours(g, u)) {
        if (seen.has(v) || !holders[v]?.has(t)) continue;
        seen.add(v);
        queue.push(v);
      }
    }
    if (own.some((u) => !seen.has(u))) split.push(t);
  }
  return split;
}

/** A random connected graph: a random spanning tree plus extra edges; one account per unit. */
const instance = fc
  .record({
    n: fc.integer({ min: 6, max: 40 }),
    territories: fc.integer({ min: 2, max: 5 }),
    k: fc.integer({ min: 1, max: 2 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    budget: fc.double({ min: 0, max: 0.5, noNaN: true }),
    locks: fc.integer({ min: 0, max: 3 }),
    extra: fc.integer({ min: 0, max: 40 }),
  })
  .map((r) => {
    let x = r.seed + 1;
    const rand = () => (x = (x * 48271) % 2147483647) / 2147483647;
    const lists: number[][] = Array.from({ length: r.n }, () => []);
    for (let u = 1; u < r.n; u++) lists[u]?.push(Math.floor(rand() * u));
    for (let e = 0; e < r.extra; e++) lists[Math.floor(rand() * r.n)]?.push(Math.floor(rand() * r.n));
    const graph = graphFromLists(lists);
    // Start: blocks of a breadth-first order (mostly contiguous; the test checks which are).
    const order: number[] = [0];
    const seen = new Set([0]);
    for (let h = 0; h < order.length; h++)
      for (const v of neighbours(graph, order[h] ?? 0)) {
        if (seen.has(v)) continue;
        seen.add(v);
        order.push(v);
      }
    const start = new Int32Array(r.n);
    order.forEach((u, i) => (start[u] = Math.min(r.territories - 1, Math.floor((i * r.territories) / r.n))));
    const weights = Float64Array.from({ length: r.n * r.k }, () => 1 + Math.floor(rand() * 20));
    const locks = new Int32Array(r.n).fill(-1);
    for (let l = 0; l < r.locks; l++) locks[Math.floor(rand() * r.n)] = Math.floor(rand() * r.territories);
    const p: BudgetProblem = {
      n: r.n,
      k: r.k,
      weights,
      territories: r.territories,
      start,
      locks,
      tolerance: 0.05,
      cost: new Float64Array(r.n).fill(1),
      budget: Math.floor(r.budget * r.n),
      unitOf: Int32Array.from({ length: r.n }, (_, i) => i),
      graph,
    };
    return { p, graph, hasLocks: r.locks > 0 };
  });

describe('rebalancing within a budget (random graphs and weights)', () => {
  it('keeps locks, stays within the budget, reports the recounted deviation, never splits or worsens a contiguous start', () => {
    fc.assert(
      fc.property(instance, ({ p, graph, hasLocks }) => {
        const out = runToEnd(budgetRebalance(p));
        // Locks hold.
        p.locks?.forEach((t, i) => {
          if (t >= 0) expect(out.assignment[i]).toBe(t);
        });
        // Disruption recounted against the start; beyond the budget only by the locks' own moves.
        const moved = out.assignment.filter((t, i) => t !== p.start[i]).length;
        const lockMoves = Array.from(p.locks ?? []).filter((t, i) => t >= 0 && t !== p.start[i]).length;
        expect(moved).toBe(out.moved);
        expect(moved).toBeLessThanOrEqual(p.budget + lockMoves);
        // The reported deviation is the recounted one.
        expect(out.maxDeviation).toBeCloseTo(recount(p, out.assignment), 12);
        if (!hasLocks && splitByOwnSearch(p, graph, p.start).length === 0) {
          // From a contiguous start without locks: never less balanced, never split.
          expect(out.maxDeviation).toBeLessThanOrEqual(recount(p, p.start) + 1e-12);
          expect(splitByOwnSearch(p, graph, out.assignment)).toEqual([]);
        }
        // The reported split territories are exactly the ones a separate search finds.
        expect(out.discontiguous).toEqual(splitByOwnSearch(p, graph, out.assignment));
      }),
      { numRuns: 150 },
    );
  });

  it('without a map: a zero budget moves nothing, a full one never ends less balanced than today', () => {
    fc.assert(
      fc.property(instance, ({ p }) => {
        const free = { ...p, unitOf: undefined, graph: undefined, locks: undefined };
        const none = runToEnd(budgetRebalance({ ...free, budget: 0 }));
        expect(Array.from(none.assignment)).toEqual(Array.from(p.start));
        const all = runToEnd(budgetRebalance({ ...free, budget: p.n }));
        expect(all.maxDeviation).toBeLessThanOrEqual(recount(p, p.start) + 1e-12);
        expect(all.tradeoff[0]?.moved).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});

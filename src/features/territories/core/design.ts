// One entry point for every design: from scratch or from the current alignment, with or
// without a graph. Returns the assignment and honest, freshly recomputed balance figures.
import { Alignment } from './alignment';
import { compact, type Plane } from './compact';
import { minimiseDiameter } from './diameterSearch';
import { DiameterState } from './diameterState';
import { designAccounts } from './designAccounts';
import { designGraph } from './designGraph';
import { discontiguousTerritories, type Graph } from './graph';
import { validateProblem, type Problem } from './problem';
import { rebalance, type TradeoffPoint } from './rebalance';
import type { Progress, Steps } from './steps';

export interface DesignOutcome {
  readonly assignment: Int32Array;
  /** Largest |deviation| over territories and balanced attributes, from totals recomputed from scratch. */
  readonly maxDeviation: number;
  readonly withinTolerance: boolean;
  /** Territories that are not one piece of the graph (always empty without a graph). */
  readonly discontiguous: number[];
  /** Balance against units moved, step by step (rebalancing only). */
  readonly tradeoff: TradeoffPoint[];
  /** With a compactness objective: the largest territory diameter of the balanced design and of the proposal. */
  readonly diameters: { readonly balanceOnly: number; readonly proposed: number } | null;
}

function largestDiameter(p: Problem, xy: Plane, assign: Int32Array): number {
  return new DiameterState(
    p.graph ?? { n: p.n, offsets: new Int32Array(p.n + 1), targets: new Int32Array(0) },
    xy,
    p.weights,
    p.k,
    p.territories,
    p.tolerance,
    assign,
  ).maxDiameter();
}

export function* design(p: Problem): Steps<DesignOutcome> {
  validateProblem(p);
  let al: Alignment;
  let tradeoff: TradeoffPoint[] = [];
  let diameters: DesignOutcome['diameters'] = null;
  if (p.start) {
    const r = yield* rebalance(p, p.graph);
    al = r.alignment;
    tradeoff = r.tradeoff;
  } else if (p.graph) {
    al = yield* designGraph(p, p.graph);
    if (p.compactness && p.coordinates) {
      const before = largestDiameter(p, p.coordinates, al.assign);
      if (p.compactness === 'diameter') al = yield* smallestDiameter(p, p.graph, p.coordinates, al);
      else yield* compact(al, p.graph, p.coordinates, p.compactness);
      diameters = { balanceOnly: before, proposed: largestDiameter(p, p.coordinates, al.assign) };
    }
  } else al = yield* designAccounts(p);
  // Loads were updated incrementally; recompute so rounding drift can never flatter the result.
  const fresh = new Alignment(p, al.assign);
  const maxDeviation = fresh.maxDeviation();
  return {
    assignment: fresh.assign,
    maxDeviation,
    withinTolerance: maxDeviation <= p.tolerance,
    discontiguous: p.graph ? discontiguousTerritories(p.graph, fresh.assign, p.territories) : [],
    diameters,
    tradeoff,
  };
}

/**
 * Default effort of the diameter search on the page: 2,000 iterations up to 1,000 units, fewer
 * above (an iteration looks at every boundary unit), so a design takes seconds, not minutes.
 */
export function diameterEffort(n: number): number {
  return Math.max(500, Math.min(2000, Math.round(2e6 / Math.max(n, 1))));
}

/**
 * The diameter search from compact k-means starts (or, with locks, from the balanced plan);
 * when it finds no plan within the tolerance, or none with a largest diameter at most the
 * balanced one, the balanced plan is trimmed by the simpler diameter phase instead.
 */
function* smallestDiameter(p: Problem, g: Graph, xy: Plane, balanced: Alignment): Steps<Alignment> {
  const found =
    balanced.maxDeviation() <= p.tolerance
      ? yield* minimiseDiameter({
          graph: g,
          xy,
          weights: p.weights,
          attrs: p.k,
          territories: p.territories,
          tolerance: p.tolerance,
          seed: p.seed,
          ...(p.locks?.some((t) => t >= 0) ? { locks: p.locks, starts: [balanced.assign] } : { fallback: balanced.assign }),
          iterations: p.effort ?? diameterEffort(p.n),
        })
      : null;
  const diameterOf = (a: Int32Array) => new DiameterState(g, xy, p.weights, p.k, p.territories, p.tolerance, a).maxDiameter();
  // Equal is enough: the polish may have shortened the other territories.
  if (found && diameterOf(found) <= diameterOf(balanced.assign)) return new Alignment(p, found);
  yield* compact(balanced, g, xy, 'diameter');
  return balanced;
}

/** Runs steps to the end synchronously (tests, benchmarks). */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export class StoppedError extends Error {
  constructor() {
    super('The design was stopped.');
    this.name = 'StoppedError';
  }
}

/**
 * Runs steps in slices of about `sliceMs`, awaiting a macrotask between slices so messages
 * (a stop request) get processed; reports progress after each slice.
 */
export async function runInSlices<T>(
  steps: Steps<T>,
  opts: { onProgress?: (p: Progress) => void; shouldStop?: () => boolean; sliceMs?: number; now?: () => number },
): Promise<T> {
  const now = opts.now ?? (() => performance.now());
  const sliceMs = opts.sliceMs ?? 50;
  for (;;) {
    const end = now() + sliceMs;
    let last: Progress | undefined;
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      last = r.value;
      if (now() >= end) break;
    }
    if (last) opts.onProgress?.(last);
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (opts.shouldStop?.()) throw new StoppedError();
  }
}

// One entry point for every design: from scratch or from the current alignment, with or
// without a graph. Returns the assignment and honest, freshly recomputed balance figures.
import { Alignment } from './alignment';
import { compact } from './compact';
import { designAccounts } from './designAccounts';
import { designGraph } from './designGraph';
import { discontiguousTerritories } from './graph';
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
}

export function* design(p: Problem): Steps<DesignOutcome> {
  validateProblem(p);
  let al: Alignment;
  let tradeoff: TradeoffPoint[] = [];
  if (p.start) {
    const r = yield* rebalance(p, p.graph);
    al = r.alignment;
    tradeoff = r.tradeoff;
  } else if (p.graph) {
    al = yield* designGraph(p, p.graph);
    if (p.compactness && p.coordinates) yield* compact(al, p.graph, p.coordinates, p.compactness);
  } else al = yield* designAccounts(p);
  // Loads were updated incrementally; recompute so rounding drift can never flatter the result.
  const fresh = new Alignment(p, al.assign);
  const maxDeviation = fresh.maxDeviation();
  return {
    assignment: fresh.assign,
    maxDeviation,
    withinTolerance: maxDeviation <= p.tolerance,
    discontiguous: p.graph ? discontiguousTerritories(p.graph, fresh.assign, p.territories) : [],
    tradeoff,
  };
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

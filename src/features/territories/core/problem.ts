// The input of a territory design: units (accounts, counties or points) with up to three
// numeric attributes to balance, an optional adjacency graph, locks and a start alignment.
import type { Graph } from './graph';

export interface Problem {
  /** Number of units. */
  readonly n: number;
  /** Number of balanced attributes (1–3). */
  readonly k: number;
  /** Row-major n × k attribute values (non-negative; missing values are 0 and reported upstream). */
  readonly weights: Float64Array;
  readonly territories: number;
  /** When present, every territory must stay a connected piece of this graph. */
  readonly graph?: Graph;
  /** Territory a unit is locked to, or -1. */
  readonly locks?: Int32Array;
  /** The current alignment (territory per unit, -1 when none): rebalancing starts here. */
  readonly start?: Int32Array;
  /** Allowed relative deviation from the mean, e.g. 0.05. */
  readonly tolerance: number;
  readonly seed: number;
  /** Unit positions in a plane (compactness needs them). */
  readonly coordinates?: { readonly x: Float64Array; readonly y: Float64Array };
  /** Compactness beside balance, for designs on a graph (src/features/territories/core/compact.ts). */
  readonly compactness?: 'diameter' | 'inertia';
  /** Tabu iterations of the diameter search (src/features/territories/core/diameterSearch.ts); a count, so a seed gives one plan. */
  readonly effort?: number;
}

export const MAX_ATTRIBUTES = 3;

/** Throws a message that says what to fix when the problem cannot be designed. */
export function validateProblem(p: Problem): void {
  if (p.k < 1 || p.k > MAX_ATTRIBUTES) throw new Error(`Choose 1 to ${MAX_ATTRIBUTES} attributes to balance (got ${p.k}).`);
  if (!Number.isInteger(p.territories) || p.territories < 1)
    throw new Error('The number of territories must be a whole number ≥ 1.');
  if (p.territories > p.n) throw new Error(`There are ${p.n} units to divide; ask for at most that many territories.`);
  if (p.weights.length !== p.n * p.k) throw new Error('Internal: weights must have n × k values.');
  for (const w of p.weights) if (!(w >= 0) || !Number.isFinite(w)) throw new Error('Balanced attributes must be finite and ≥ 0.');
  if (p.graph && p.graph.n !== p.n) throw new Error('Internal: the graph must have one node per unit.');
  if (p.locks) {
    for (const t of p.locks) {
      if (t >= p.territories) throw new Error(`A lock names territory ${t + 1}, but only ${p.territories} are designed.`);
    }
  }
}

// Smallest largest diameter under balance and contiguity (docs/territories.md, "Objectives").
//   1. Start compact: k-means centres on the coordinates, every unit to its nearest centre,
//      stray pieces joined to a neighbouring territory (or start from a given balanced plan).
//   2. Repair: a tabu search over boundary moves that keep every territory in one piece and
//      minimises (pairs farther apart than a cap D) + λ·(balance excess beyond the tolerance),
//      Σ deviation² breaking ties. Feasible for D when both penalties are zero.
//   3. Lower the cap: D just below the current largest diameter, repair again; on success keep
//      the plan and take a bigger step, on failure go back and take a smaller one.
//   4. Polish: the same for each other territory with a cap of its own (half the budget more).
// Restarts from new k-means seeds while the iteration budget lasts (a count, not the clock, so
// a seed always gives the same plan); the feasible plan with the smallest diameter wins.
import type { Plane } from './compact';
import { ConnectivityProbe } from './contiguity';
import { DiameterState } from './diameterState';
import { improvingSwap } from './diameterSwaps';
import { kmeansStart } from './kmeansStart';
import type { Graph } from './graph';
import { SeededRandom } from './prng';
import type { Steps } from './steps';

export interface DiameterSearchInput {
  readonly graph: Graph;
  readonly xy: Plane;
  /** Row-major n × attrs. */
  readonly weights: Float64Array;
  readonly attrs: number;
  readonly territories: number;
  readonly tolerance: number;
  readonly seed: number;
  /** Territory a unit is locked to, or -1: such units never move (and k-means starts are skipped). */
  readonly locks?: Int32Array;
  /** Plans to start from before any k-means start (each unit assigned). */
  readonly starts?: readonly Int32Array[];
  /** A balanced plan to lower from (with half the budget more) when no start reaches the tolerance. */
  readonly fallback?: Int32Array;
  /** Tabu iterations in all (a count, so results do not depend on the machine). */
  readonly iterations: number;
  /** Restarts at most (given starts included). */
  readonly restarts?: number;
}

/** Weight of the balance excess against one pair beyond the cap: 1 % excess ≈ 2 pairs. */
const LAMBDA = 200;
const NO_IMPROVE = 400;
const POLISH_NO_IMPROVE = 100;

interface Budget {
  left: number;
  readonly total: number;
  /** The share of the progress bar this budget covers (the main search, then the extra half). */
  readonly from: number;
  readonly to: number;
}

export function* minimiseDiameter(input: DiameterSearchInput): Steps<Int32Array | null> {
  const budget: Budget = { left: input.iterations, total: input.iterations, from: 0, to: 2 / 3 };
  const rng = new SeededRandom(input.seed);
  const locked = input.locks?.some((t) => t >= 0) ?? false;
  const starts = input.starts ?? [];
  const restarts = input.restarts ?? Infinity;
  const ws = new Workspace(input.graph, input.territories);
  // A hair inside the user's tolerance, so a rounding difference in a recount cannot cross it.
  const tol = input.tolerance * (1 - 1e-9);
  let best: Int32Array | null = null;
  let bestD = Infinity;
  for (let r = 0; r < restarts && budget.left > 0; r++) {
    const given = starts[r];
    if (!given && locked) break;
    const start = given ?? kmeansStart(input.graph, input.xy, input.territories, rng, shares(input));
    const found = yield* lower(
      new DiameterState(input.graph, input.xy, input.weights, input.attrs, input.territories, tol, start),
    );
    if (found && found.d < bestD) [best, bestD] = [found.plan, found.d];
  }
  // Half the budget more: the fallback when no start reached the tolerance, then the polish.
  const half = Math.round(input.iterations / 2);
  const extra: Budget = { left: half, total: half, from: 2 / 3, to: 1 };
  if (!best && input.fallback)
    best =
      (yield* lower(
        new DiameterState(input.graph, input.xy, input.weights, input.attrs, input.territories, tol, input.fallback),
        extra,
      ))?.plan ?? null;
  if (!best) return null;
  // Then the other territories, largest first, each as small as the rest allows.
  const st = new DiameterState(input.graph, input.xy, input.weights, input.attrs, input.territories, tol, best);
  return yield* polish(st, input, rng, extra, ws);

  /** Balance first (under a cap near the start's diameter, loosened step by step, at last none), then lower the cap. */
  function* lower(st: DiameterState, within: Budget = budget): Steps<{ plan: Int32Array; d: number } | null> {
    let ok = false;
    for (const loosen of [1, 1.05, 1.1, 1.2, Infinity]) {
      if (ok || within.left <= 0) break;
      st.setCap(st.maxDiameter() * loosen);
      ok = yield* repair(st, input, rng, within, ws);
    }
    if (!ok) return null;
    let cur = Int32Array.from(st.assign);
    let curD = st.maxDiameter();
    let step = 0.01;
    while (within.left > 0 && step > 2e-4) {
      st.setCap(curD * (1 - step));
      if (yield* repair(st, input, rng, within, ws)) {
        cur = Int32Array.from(st.assign);
        curD = st.maxDiameter();
        step = Math.min(0.04, step * 1.5);
      } else {
        st.load(cur);
        step /= 2;
      }
    }
    return { plan: cur, d: curD };
  }
}

/**
 * Min–max leaves every territory but the largest free to sprawl up to its size. Each other
 * territory, largest first, gets a cap of its own lowered the same way, while territories
 * done keep theirs and the rest may grow up to the largest diameter (which never grows).
 */
function* polish(
  st: DiameterState,
  input: DiameterSearchInput,
  rng: SeededRandom,
  budget: Budget,
  ws: Workspace,
): Steps<Int32Array> {
  const T = input.territories;
  const top = st.maxDiameter() * (1 + 1e-12);
  const caps = new Float64Array(T).fill(top);
  const order = Array.from({ length: T }, (_, t) => t).sort((a, b) => st.diameterOf(b) - st.diameterOf(a));
  for (const t of order) {
    if (budget.left <= 0) break;
    if (st.diameterOf(t) * (1 + 1e-9) >= top) continue;
    let cur = Int32Array.from(st.assign);
    for (let step = 0.02; step > 4e-3 && budget.left > 0;) {
      caps[t] = st.diameterOf(t) * (1 - step);
      st.setCaps(caps);
      if (yield* repair(st, input, rng, budget, ws, POLISH_NO_IMPROVE)) {
        cur = Int32Array.from(st.assign);
        step = Math.min(0.08, step * 1.5);
      } else {
        st.load(cur);
        step /= 2;
      }
    }
    caps[t] = st.diameterOf(t) * (1 + 1e-12);
    st.setCaps(caps);
  }
  return Int32Array.from(st.assign);
}

/** Arrays the repair reuses from call to call (it runs hundreds of times per search). */
class Workspace {
  readonly tabu: Int32Array;
  readonly cu: Int32Array;
  readonly ct: Int32Array;
  readonly lb: Float64Array;
  readonly order: Int32Array;
  readonly removable: Int8Array;
  readonly seenT: Float64Array;
  readonly probe: ConnectivityProbe;
  /** Iterations over all repairs: tabu tenures count in it, so no reset is needed between calls. */
  iter = 0;
  constructor(g: Graph, T: number) {
    this.tabu = new Int32Array(g.n * T);
    this.cu = new Int32Array(g.targets.length);
    this.ct = new Int32Array(g.targets.length);
    this.lb = new Float64Array(g.targets.length);
    this.order = new Int32Array(g.targets.length);
    this.removable = new Int8Array(g.n);
    this.seenT = new Float64Array(T).fill(-1);
    this.probe = new ConnectivityProbe(g);
  }
}

/** Tabu search until no pair is beyond the cap and balance is within tolerance (true), or it stalls. */
function* repair(
  st: DiameterState,
  input: DiameterSearchInput,
  rng: SeededRandom,
  budget: Budget,
  ws: Workspace,
  patience = NO_IMPROVE,
): Steps<boolean> {
  const g = input.graph;
  const T = input.territories;
  const { tabu, cu, ct, lb, removable, seenT, probe } = ws;
  const isLocked = (u: number) => (input.locks?.[u] ?? -1) >= 0;
  let bestPrimary = Infinity;
  let stale = 0;
  while (budget.left > 0) {
    const iter = ++ws.iter;
    const excess = st.excess();
    const primary = st.pairs + LAMBDA * excess;
    if (st.pairs === 0 && excess === 0) return true;
    if (primary < bestPrimary - 1e-12) [bestPrimary, stale] = [primary, 0];
    else if (++stale > patience) {
      // Moves stall: a swap may still lower the penalty (src/features/territories/core/diameterSwaps.ts).
      if (!improvingSwap(st, g, probe, LAMBDA, isLocked)) return false;
      stale = 0;
      continue;
    }
    budget.left--;
    if ((budget.left & 63) === 0)
      yield {
        phase: 'compacting',
        fraction: budget.from + (budget.to - budget.from) * (1 - budget.left / Math.max(1, budget.total)),
      };
    // Every boundary move, with a lower bound of its change (the far pairs it adds come later).
    let m = 0;
    const stamp = iter * g.n;
    for (let u = 0; u < g.n; u++) {
      const from = st.assign[u] ?? 0;
      if ((input.locks?.[u] ?? -1) >= 0 || (st.counts[from] ?? 0) <= 1) continue;
      removable[u] = -1;
      const end = g.offsets[u + 1] ?? 0;
      for (let e = g.offsets[u] ?? 0; e < end; e++) {
        const t = st.assign[g.targets[e] ?? 0] ?? 0;
        if (t === from || seenT[t] === stamp + u) continue;
        seenT[t] = stamp + u;
        st.balanceDelta(u, t);
        cu[m] = u;
        ct[m] = t;
        lb[m++] = -(st.farOwn[u] ?? 0) + LAMBDA * st.dExcess + st.dSquare;
      }
    }
    const order = ws.order.subarray(0, m);
    for (let i = 0; i < m; i++) order[i] = i;
    order.sort((a, b) => (lb[a] ?? 0) - (lb[b] ?? 0));
    let pick = -1;
    let pickValue = Infinity;
    for (const i of order) {
      const bound = lb[i] ?? 0;
      if (bound >= pickValue) break;
      const u = cu[i] ?? 0;
      const t = ct[i] ?? 0;
      const value = bound + st.farIn(u, t);
      if (value >= pickValue) continue;
      // Tabu unless it leads below the best penalty seen (aspiration); the Σ dev² part is < 1 scale.
      const far = st.farIn(u, t) - (st.farOwn[u] ?? 0);
      st.balanceDelta(u, t);
      const after = st.pairs + far + LAMBDA * (excess + st.dExcess);
      if ((tabu[u * T + t] ?? 0) > iter && after >= bestPrimary - 1e-12) continue;
      if (removable[u] === -1) removable[u] = probe.canRemove(u, st.assign) ? 1 : 0;
      if (removable[u] !== 1) continue;
      [pick, pickValue] = [i, value];
    }
    if (pick < 0) return false;
    const u = cu[pick] ?? 0;
    const from = st.assign[u] ?? 0;
    st.move(u, ct[pick] ?? 0);
    tabu[u * T + from] = iter + 7 + rng.int(10);
  }
  return false;
}

/** Each unit's share of the activities: the mean over attributes of its fraction of the total. */
function shares(input: DiameterSearchInput): Float64Array {
  const n = input.graph.n;
  const k = input.attrs;
  const totals = new Float64Array(k);
  for (let u = 0; u < n; u++) for (let a = 0; a < k; a++) totals[a] = (totals[a] ?? 0) + (input.weights[u * k + a] ?? 0);
  const used = totals.filter((t) => t > 0).length || 1;
  const out = new Float64Array(n);
  for (let u = 0; u < n; u++)
    for (let a = 0; a < k; a++)
      if ((totals[a] ?? 0) > 0) out[u] = (out[u] ?? 0) + (input.weights[u * k + a] ?? 0) / (totals[a] ?? 1) / used;
  return out;
}

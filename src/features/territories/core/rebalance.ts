// Rebalancing from the current alignment with as little disruption as possible: repeatedly
// make the single move that helps the worst territory most (moving a unit back to its start
// counts double), until every territory is within the tolerance. Every step is recorded, so
// the page can show the trade-off between balance and accounts moved.
import { Alignment } from './alignment';
import { ConnectivityProbe } from './contiguity';
import { neighbours, type Graph } from './graph';
import type { Problem } from './problem';
import type { Steps } from './steps';

export interface TradeoffPoint {
  /** Units moved away from their start territory so far. */
  readonly moved: number;
  readonly maxDeviation: number;
  /** Potential moved so far (rebalancing from today's accounts; see budgetRebalance.ts). */
  readonly potentialMoved?: number;
}

export interface Rebalanced {
  readonly alignment: Alignment;
  readonly tradeoff: TradeoffPoint[];
}

export function* rebalance(p: Problem, g?: Graph): Steps<Rebalanced> {
  const start = p.start ?? new Int32Array(p.n).fill(-1);
  const al = new Alignment(p, start);
  // Empty map units take the territory of the nearest assigned unit, so territories stay whole.
  if (g) floodFill(g, al.assign);
  const fresh = new Alignment(p, al.assign);
  let moved = 0;
  for (let u = 0; u < p.n; u++) {
    const lock = p.locks?.[u] ?? -1;
    if (lock >= 0 && fresh.assign[u] !== lock) {
      if ((start[u] ?? -1) >= 0) moved++;
      fresh.move(u, lock);
    }
  }
  // Units without a start territory (new accounts) go where they hurt balance least: no disruption.
  for (let u = 0; u < p.n; u++) if ((fresh.assign[u] ?? -1) < 0) fresh.move(u, placeNew(fresh, u, g));
  const tradeoff = yield* moveUntilBalanced(fresh, start, g, moved);
  return { alignment: fresh, tradeoff };
}

function* moveUntilBalanced(al: Alignment, start: Int32Array, g: Graph | undefined, movedBefore: number): Steps<TradeoffPoint[]> {
  const p = al.problem;
  const probe = g ? new ConnectivityProbe(g) : null;
  let moved = movedBefore;
  const tradeoff: TradeoffPoint[] = [{ moved, maxDeviation: al.maxDeviation() }];
  const limit = p.n;
  for (let step = 0; step < limit && al.maxDeviation() > p.tolerance; step++) {
    // Without a graph, a swap can fix one attribute without upsetting another (e.g. account count).
    const moves = nextMove(al, start, g, probe) ?? (g ? null : nextSwap(al, start));
    if (!moves) break;
    for (const [u, to] of moves) {
      if (al.assign[u] === start[u]) moved++;
      else if (to === start[u]) moved--;
      al.move(u, to);
    }
    tradeoff.push({ moved, maxDeviation: al.maxDeviation() });
    if (step % 16 === 15) yield { phase: 'rebalancing', fraction: Math.min(0.99, step / limit), maxDeviation: al.maxDeviation() };
  }
  return tradeoff;
}

/** Multi-source search from every assigned unit: each unassigned unit joins its nearest one's territory. */
function floodFill(g: Graph, assign: Int32Array): void {
  const queue: number[] = [];
  for (let u = 0; u < g.n; u++) if ((assign[u] ?? -1) >= 0) queue.push(u);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head] as number;
    for (const v of neighbours(g, u)) {
      if (assign[v] === -1) {
        assign[v] = assign[u] ?? -1;
        queue.push(v);
      }
    }
  }
}

function placeNew(al: Alignment, u: number, g?: Graph): number {
  const lock = al.problem.locks?.[u] ?? -1;
  if (lock >= 0) return lock;
  let best = Infinity;
  let to = 0;
  const options = g ? [...neighbours(g, u)].map((v) => al.assign[v] ?? -1).filter((t) => t >= 0) : [];
  const candidates = options.length > 0 ? options : Array.from({ length: al.problem.territories }, (_, t) => t);
  for (const t of candidates) {
    const d = al.moveDelta(u, t);
    if (d < best) {
      best = d;
      to = t;
    }
  }
  return to;
}

/** Territories outside the tolerance, worst first (by their worst attribute): the ones moves must help. */
function territoriesByNeed(al: Alignment): number[] {
  const worst = Array.from({ length: al.problem.territories }, (_, t) => {
    let d = 0;
    for (let a = 0; a < al.problem.k; a++) d = Math.max(d, Math.abs(al.deviation(t, a)));
    return [t, d] as const;
  });
  return worst
    .filter(([, d]) => d > al.problem.tolerance)
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .map(([t]) => t);
}

/** The best move for the neediest territory that has one (a stuck one, e.g. a count that cannot split, is skipped). */
function nextMove(
  al: Alignment,
  start: Int32Array,
  g: Graph | undefined,
  probe: ConnectivityProbe | null,
): [number, number][] | null {
  for (const w of territoriesByNeed(al)) {
    const move = bestMove(al, w, start, g, probe);
    if (move) return [move];
  }
  return null;
}

/** The best improving swap between the neediest territory and any other; moving back home halves its cost. */
function nextSwap(al: Alignment, start: Int32Array): [number, number][] | null {
  const [w] = territoriesByNeed(al);
  if (w === undefined) return null;
  let best = -1e-12;
  let pick: [number, number][] | null = null;
  for (let u = 0; u < al.problem.n; u++) {
    if (al.assign[u] !== w || al.locked(u)) continue;
    for (let v = 0; v < al.problem.n; v++) {
      const t = al.assign[v] ?? -1;
      if (t === w || t < 0 || al.locked(v)) continue;
      const back = (start[u] === t ? 1 : 0) + (start[v] === w ? 1 : 0);
      const d = al.swapDelta(u, v) * (1 + back) * 0.5;
      if (d < best) {
        best = d;
        pick = [
          [u, t],
          [v, w],
        ];
      }
    }
  }
  return pick;
}

function bestMove(
  al: Alignment,
  w: number,
  start: Int32Array,
  g: Graph | undefined,
  probe: ConnectivityProbe | null,
): [number, number] | null {
  let best = -1e-12;
  let pick: [number, number] | null = null;
  const consider = (u: number, to: number) => {
    const from = al.assign[u] ?? -1;
    if (from === to || al.locked(u) || (al.counts[from] ?? 0) <= 1) return;
    let d = al.moveDelta(u, to);
    if (to === start[u]) d *= 2;
    if (d < best && (!probe || probe.canRemove(u, al.assign))) {
      best = d;
      pick = [u, to];
    }
  };
  for (let u = 0; u < al.problem.n; u++) {
    const from = al.assign[u] ?? -1;
    if (g) {
      // Across w's border only, in or out, so every territory stays one piece.
      for (const v of neighbours(g, u)) {
        const t = al.assign[v] ?? -1;
        if ((from === w && t !== w) || (t === w && from !== w)) consider(u, t);
      }
    } else if (from === w) {
      for (let t = 0; t < al.problem.territories; t++) consider(u, t);
    } else consider(u, w);
  }
  return pick;
}

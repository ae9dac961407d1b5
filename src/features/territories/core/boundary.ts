// Improving boundary moves for graph units: a unit on a territory's edge moves to a
// neighbouring territory when that lowers Σ deviation², never emptying or splitting its
// territory and never moving a locked unit. Repeats until a pass finds nothing to improve.
import type { Alignment } from './alignment';
import { ConnectivityProbe } from './contiguity';
import { neighbours, type Graph } from './graph';
import type { SeededRandom } from './prng';
import type { Steps } from './steps';

export interface BoundaryOptions {
  readonly maxPasses: number;
  /** Progress fraction range this phase reports into. */
  readonly from: number;
  readonly to: number;
}

export function* boundaryMoves(g: Graph, al: Alignment, rng: SeededRandom, opts: BoundaryOptions): Steps<number> {
  const probe = new ConnectivityProbe(g);
  const order = rng.shuffle(Array.from({ length: g.n }, (_, u) => u));
  let total = 0;
  for (let pass = 0; pass < opts.maxPasses; pass++) {
    let moved = 0;
    for (let i = 0; i < order.length; i++) {
      if (tryMove(g, al, probe, order[i] as number)) moved++;
      if (i % 512 === 511) yield progress(al, opts, pass);
    }
    total += moved;
    if (moved === 0) break;
  }
  return total;
}

function progress(al: Alignment, opts: BoundaryOptions, pass: number) {
  const f = opts.from + (opts.to - opts.from) * Math.min(1, pass / opts.maxPasses);
  return { phase: 'balancing', fraction: f, maxDeviation: al.maxDeviation() };
}

/** Moves u to the neighbouring territory that improves the objective most, if any and allowed. */
function tryMove(g: Graph, al: Alignment, probe: ConnectivityProbe, u: number): boolean {
  if (al.locked(u)) return false;
  const from = al.assign[u] ?? -1;
  if (from < 0 || (al.counts[from] ?? 0) <= 1) return false;
  let best = -1e-12;
  let to = -1;
  for (const v of neighbours(g, u)) {
    const t = al.assign[v] ?? -1;
    if (t < 0 || t === from) continue;
    const d = al.moveDelta(u, t);
    if (d < best) {
      best = d;
      to = t;
    }
  }
  if (to < 0) return false;
  if (probe.canRemove(u, al.assign)) {
    al.move(u, to);
    return true;
  }
  return carryPiece(al, probe, u, from, to);
}

/**
 * u holds a small piece of its territory to the rest (a peninsula, an island bridge): move u
 * with the cut-off pieces when that improves balance, so cul-de-sacs do not freeze the search.
 */
function carryPiece(al: Alignment, probe: ConnectivityProbe, u: number, from: number, to: number): boolean {
  const limit = Math.max(3, Math.floor((al.counts[from] ?? 0) / 4));
  const pieces = probe.piecesWithout(u, al.assign, limit);
  if (!pieces || pieces.length < 2) return false;
  const group = [u, ...pieces.slice(1).flat()];
  if (group.length > limit + 1 || group.some((v) => al.locked(v))) return false;
  if (al.groupDelta(group, from, to) >= -1e-12) return false;
  for (const v of group) al.move(v, to);
  return true;
}

// Compactness beside balance (docs/territories.md, "Objectives"): after the balance search,
// boundary moves that make territories more compact while every territory stays within the
// tolerance (or no further outside it) and in one piece.
//   - diameter: the territory with the largest diameter gives up one end of its farthest
//     pair to a neighbour, when the neighbour's diameter stays below it (the largest
//     diameter never grows);
//   - inertia: a boundary unit moves to the neighbouring territory whose centre is nearer
//     (Σ squared distances to territory centres, the moment of inertia, goes down).
import type { Alignment } from './alignment';
import { ConnectivityProbe } from './contiguity';
import { neighbours, type Graph } from './graph';
import type { Steps } from './steps';

export interface Plane {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export type Compactness = 'diameter' | 'inertia';

const dist2 = (xy: Plane, a: number, b: number) =>
  ((xy.x[a] ?? 0) - (xy.x[b] ?? 0)) ** 2 + ((xy.y[a] ?? 0) - (xy.y[b] ?? 0)) ** 2;

/** Would moving u from its territory to `to` keep both within the tolerance (or no worse than now)? */
function balanceHolds(al: Alignment, u: number, to: number): boolean {
  const from = al.assign[u] ?? -1;
  const tol = al.problem.tolerance;
  for (let a = 0; a < al.problem.k; a++) {
    const target = al.targets[a] ?? 0;
    if (target <= 0) continue;
    const w = al.weight(u, a) / target;
    const df = al.deviation(from, a);
    const dt = al.deviation(to, a);
    if (Math.abs(df - w) > Math.max(tol, Math.abs(df)) || Math.abs(dt + w) > Math.max(tol, Math.abs(dt))) return false;
  }
  return true;
}

export function* compact(al: Alignment, g: Graph, xy: Plane, measure: Compactness, maxSteps = 20 * g.n): Steps<void> {
  const probe = new ConnectivityProbe(g);
  const movable = (u: number) => !al.locked(u) && (al.counts[al.assign[u] ?? -1] ?? 0) > 1 && probe.canRemove(u, al.assign);
  if (measure === 'inertia') return yield* inertia(al, g, xy, movable);
  const members = () => {
    const lists = Array.from({ length: al.problem.territories }, () => [] as number[]);
    al.assign.forEach((t, u) => lists[t]?.push(u));
    return lists;
  };
  for (let step = 0; step < maxSteps; step++) {
    const lists = members();
    // The territory with the largest diameter, and its farthest pair.
    let worst = -1;
    let pair: [number, number] = [0, 0];
    const diam = lists.map((list) => {
      let d = 0;
      let p: [number, number] = [0, 0];
      for (let i = 0; i < list.length; i++)
        for (let j = i + 1; j < list.length; j++) {
          const v = dist2(xy, list[i] ?? 0, list[j] ?? 0);
          if (v > d) [d, p] = [v, [list[i] ?? 0, list[j] ?? 0]];
        }
      return { d, p };
    });
    diam.forEach(({ d, p }) => {
      if (d > worst) [worst, pair] = [d, p];
    });
    let moved = false;
    for (const u of pair) {
      if (!movable(u)) continue;
      let best: { t: number; d: number } | null = null;
      for (const v of neighbours(g, u)) {
        const t = al.assign[v] ?? -1;
        if (t === al.assign[u] || t < 0 || !balanceHolds(al, u, t)) continue;
        let d = diam[t]?.d ?? 0;
        for (const w of lists[t] ?? []) d = Math.max(d, dist2(xy, u, w));
        if (d < worst - 1e-9 && (!best || d < best.d)) best = { t, d };
      }
      if (best) {
        al.move(u, best.t);
        moved = true;
        break;
      }
    }
    if (!moved) return;
    if (step % 16 === 15) yield { phase: 'compacting', fraction: 0.99, maxDeviation: al.maxDeviation() };
  }
}

function* inertia(al: Alignment, g: Graph, xy: Plane, movable: (u: number) => boolean): Steps<void> {
  const T = al.problem.territories;
  for (let pass = 0; pass < 30; pass++) {
    const cx = new Float64Array(T);
    const cy = new Float64Array(T);
    al.assign.forEach((t, u) => {
      cx[t] = (cx[t] ?? 0) + (xy.x[u] ?? 0) / (al.counts[t] ?? 1);
      cy[t] = (cy[t] ?? 0) + (xy.y[u] ?? 0) / (al.counts[t] ?? 1);
    });
    const near = (u: number, t: number) => ((xy.x[u] ?? 0) - (cx[t] ?? 0)) ** 2 + ((xy.y[u] ?? 0) - (cy[t] ?? 0)) ** 2;
    let moves = 0;
    for (let u = 0; u < g.n; u++) {
      const from = al.assign[u] ?? -1;
      let best = near(u, from) * 0.999;
      let to = -1;
      for (const v of neighbours(g, u)) {
        const t = al.assign[v] ?? -1;
        if (t !== from && t >= 0 && near(u, t) < best) [best, to] = [near(u, t), t];
      }
      if (to >= 0 && movable(u) && balanceHolds(al, u, to)) {
        al.move(u, to);
        moves++;
      }
    }
    yield { phase: 'compacting', fraction: 0.99, maxDeviation: al.maxDeviation() };
    if (moves === 0) return;
  }
}

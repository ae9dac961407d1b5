// A compact first plan for the diameter search (src/features/territories/core/diameterSearch.ts): k-means++
// centres on the coordinates and Lloyd rounds in which each centre also carries an additive
// weight (a power diagram: a unit goes to the centre with the smallest d² − weight) that grows
// while its territory's share of the activities is below the mean, so the cells come out
// compact and roughly balanced; then every
// territory keeps its largest connected piece and the other pieces join a neighbouring
// territory, so the plan is contiguous (balance is the search's job).
import type { Plane } from './compact';
import { ConnectivityProbe } from './contiguity';
import { neighbours, type Graph } from './graph';
import type { SeededRandom } from './prng';

const LLOYD_ROUNDS = 150;

export function kmeansStart(g: Graph, xy: Plane, T: number, rng: SeededRandom, share: Float64Array): Int32Array {
  const n = g.n;
  const power = new Float64Array(T);
  const cx = new Float64Array(T);
  const cy = new Float64Array(T);
  const near = new Float64Array(n).fill(Infinity);
  const at = (u: number, t: number) =>
    ((xy.x[u] ?? 0) - (cx[t] ?? 0)) ** 2 + ((xy.y[u] ?? 0) - (cy[t] ?? 0)) ** 2 - (power[t] ?? 0);
  // k-means++: each next centre drawn with probability ∝ squared distance to the nearest one.
  for (let t = 0; t < T; t++) {
    let u = rng.int(n);
    if (t > 0) {
      let total = 0;
      for (const d of near) total += d;
      let r = rng.next() * total;
      for (u = 0; u < n - 1 && (r -= near[u] ?? 0) > 0; u++);
    }
    cx[t] = xy.x[u] ?? 0;
    cy[t] = xy.y[u] ?? 0;
    for (let v = 0; v < n; v++) near[v] = Math.min(near[v] ?? 0, at(v, t));
  }
  const assign = new Int32Array(n);
  const nearest = () => {
    for (let u = 0; u < n; u++) {
      let best = 0;
      for (let t = 1; t < T; t++) if (at(u, t) < at(u, best)) best = t;
      assign[u] = best;
    }
  };
  for (let round = 0; round < LLOYD_ROUNDS; round++) {
    nearest();
    const count = new Float64Array(T);
    const load = new Float64Array(T);
    const sx = new Float64Array(T);
    const sy = new Float64Array(T);
    let spread = 0;
    assign.forEach((t, u) => {
      count[t] = (count[t] ?? 0) + 1;
      load[t] = (load[t] ?? 0) + (share[u] ?? 0);
      sx[t] = (sx[t] ?? 0) + (xy.x[u] ?? 0);
      sy[t] = (sy[t] ?? 0) + (xy.y[u] ?? 0);
    });
    for (let t = 0; t < T; t++)
      if ((count[t] ?? 0) > 0) [cx[t], cy[t]] = [(sx[t] ?? 0) / (count[t] ?? 1), (sy[t] ?? 0) / (count[t] ?? 1)];
    for (let u = 0; u < n; u++) spread += at(u, assign[u] ?? 0) + (power[assign[u] ?? 0] ?? 0);
    // After plain Lloyd rounds, the weights: a light territory reaches further (a step that shrinks).
    if (round < LLOYD_ROUNDS / 4) continue;
    const rate = spread / n / (1 + round / 50);
    for (let t = 0; t < T; t++) power[t] = (power[t] ?? 0) + rate * (1 - (load[t] ?? 0) * T);
  }
  nearest();
  keepLargestPieces(g, assign, T);
  fillEmpty(g, xy, assign, T, cx, cy);
  return assign;
}

/** Each territory keeps its largest piece; units of the other pieces join a neighbouring territory. */
function keepLargestPieces(g: Graph, assign: Int32Array, T: number): void {
  const piece = new Int32Array(g.n).fill(-1);
  const sizes: number[] = [];
  const owner: number[] = [];
  for (let s = 0; s < g.n; s++) {
    if (piece[s] !== -1) continue;
    const id = sizes.length;
    const stack = [s];
    piece[s] = id;
    let size = 0;
    while (stack.length) {
      const u = stack.pop() ?? 0;
      size++;
      for (const v of neighbours(g, u))
        if (piece[v] === -1 && assign[v] === assign[s]) {
          piece[v] = id;
          stack.push(v);
        }
    }
    sizes.push(size);
    owner.push(assign[s] ?? 0);
  }
  const largest = new Int32Array(T).fill(-1);
  sizes.forEach((size, id) => {
    const t = owner[id] ?? 0;
    if ((largest[t] ?? -1) < 0 || size > (sizes[largest[t] ?? 0] ?? 0)) largest[t] = id;
  });
  for (let u = 0; u < g.n; u++) if (largest[assign[u] ?? 0] !== piece[u]) assign[u] = -1;
  // Flood the freed units from their kept neighbours, a layer at a time.
  for (let changed = true; changed;) {
    changed = false;
    const before = Int32Array.from(assign);
    for (let u = 0; u < g.n; u++) {
      if ((before[u] ?? 0) >= 0) continue;
      for (const v of neighbours(g, u))
        if ((before[v] ?? -1) >= 0) {
          assign[u] = before[v] ?? 0;
          changed = true;
          break;
        }
    }
  }
  // A graph in several pieces: what no kept unit reaches goes to territory 0 (the search then repairs).
  for (let u = 0; u < g.n; u++) if ((assign[u] ?? -1) < 0) assign[u] = 0;
}

/** A territory that got no unit takes the unit nearest its centre that can leave its own. */
function fillEmpty(g: Graph, xy: Plane, assign: Int32Array, T: number, cx: Float64Array, cy: Float64Array): void {
  const counts = new Int32Array(T);
  for (const t of assign) counts[t] = (counts[t] ?? 0) + 1;
  const probe = new ConnectivityProbe(g);
  for (let t = 0; t < T; t++) {
    if ((counts[t] ?? 0) > 0) continue;
    let pick = -1;
    let bestD = Infinity;
    for (let u = 0; u < g.n; u++) {
      const d = ((xy.x[u] ?? 0) - (cx[t] ?? 0)) ** 2 + ((xy.y[u] ?? 0) - (cy[t] ?? 0)) ** 2;
      if (d < bestD && (counts[assign[u] ?? 0] ?? 0) > 1 && probe.canRemove(u, assign)) [pick, bestD] = [u, d];
    }
    if (pick < 0) continue;
    counts[assign[pick] ?? 0] = (counts[assign[pick] ?? 0] ?? 0) - 1;
    assign[pick] = t;
    counts[t] = 1;
  }
}

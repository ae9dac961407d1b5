// Contiguity-preserving region growing: N seeds spread far apart (by graph hops), then the
// lightest territory repeatedly takes its closest free neighbour, so regions grow compact
// and evenly. Locked units are placed first and seed their territories.
import type { Alignment } from './alignment';
import { neighbours, type Graph } from './graph';
import type { SeededRandom } from './prng';
import type { Steps } from './steps';

/** Hop distance from a set of sources to every unit (-1 when unreachable). */
export function hops(g: Graph, sources: readonly number[]): Int32Array {
  const dist = new Int32Array(g.n).fill(-1);
  const queue = new Int32Array(g.n);
  let tail = 0;
  for (const s of sources) {
    if (dist[s] === -1) {
      dist[s] = 0;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const u = queue[head] as number;
    for (const v of neighbours(g, u)) {
      if (dist[v] === -1) {
        dist[v] = (dist[u] ?? 0) + 1;
        queue[tail++] = v;
      }
    }
  }
  return dist;
}

/** Farthest-point seeds: each new seed is a unit farthest (in hops) from all seeds so far. */
export function pickSeeds(g: Graph, al: Alignment, rng: SeededRandom): number[][] {
  const N = al.problem.territories;
  const seeds: number[][] = Array.from({ length: N }, () => []);
  for (let u = 0; u < g.n; u++) {
    const t = al.problem.locks?.[u] ?? -1;
    if (t >= 0) seeds[t]?.push(u);
  }
  const taken = seeds.flat();
  for (let t = 0; t < N; t++) {
    if ((seeds[t]?.length ?? 0) > 0) continue;
    let pick: number;
    if (taken.length === 0) pick = rng.int(g.n);
    else {
      const dist = hops(g, taken);
      let best = -1;
      pick = 0;
      for (let u = 0; u < g.n; u++) {
        // A tiny random tie-break keeps equal-distance choices seed-dependent, not index-ordered.
        const score = (dist[u] ?? -1) + rng.next() * 0.5;
        if ((al.problem.locks?.[u] ?? -1) < 0 && score > best) {
          best = score;
          pick = u;
        }
      }
    }
    seeds[t]?.push(pick);
    taken.push(pick);
  }
  return seeds;
}

/** Grows every territory from its seeds until all units are assigned. */
export function* growRegions(g: Graph, al: Alignment, rng: SeededRandom): Steps<void> {
  const N = al.problem.territories;
  const seeds = pickSeeds(g, al, rng);
  const dist = seeds.map((s) => hops(g, s));
  seeds.forEach((list, t) => list.forEach((u) => al.move(u, t)));
  const frontier: number[][] = Array.from({ length: N }, () => []);
  const push = (t: number, u: number) => {
    for (const v of neighbours(g, u)) if (al.assign[v] === -1) frontier[t]?.push(v);
  };
  for (let u = 0; u < g.n; u++) if ((al.assign[u] ?? -1) >= 0) push(al.assign[u] ?? 0, u);
  let assigned = seeds.flat().length;
  const active = new Set(Array.from({ length: N }, (_, t) => t));
  while (assigned < g.n && active.size > 0) {
    let t = -1;
    for (const c of active) if (t < 0 || al.size(c) < al.size(t)) t = c;
    const u = closestFree(frontier[t] ?? [], dist[t] ?? new Int32Array(0), al.assign);
    if (u < 0) {
      active.delete(t);
      continue;
    }
    al.move(u, t);
    push(t, u);
    assigned++;
    if (assigned % 256 === 0) yield { phase: 'growing', fraction: 0.3 * (assigned / g.n) };
  }
}

/** Takes the free frontier unit nearest the seed out of the list (stale entries are dropped first). */
function closestFree(list: number[], dist: Int32Array, assign: Int32Array): number {
  let kept = 0;
  for (const u of list) if (assign[u] === -1) list[kept++] = u;
  list.length = kept;
  let bestIndex = -1;
  let best = Infinity;
  list.forEach((u, i) => {
    const d = dist[u] ?? 0;
    if (d < best) {
      best = d;
      bestIndex = i;
    }
  });
  if (bestIndex < 0) return -1;
  const u = list[bestIndex] as number;
  list[bestIndex] = list[kept - 1] as number;
  list.pop();
  return u;
}

// Named accounts without geography: largest-first greedy assignment to the territory where
// an account raises the objective least (locked accounts placed first), then improving moves
// and pairwise swaps between the heaviest and lightest territories.
import { Alignment } from './alignment';
import type { Problem } from './problem';
import { SeededRandom } from './prng';
import type { Steps } from './steps';

export function* designAccounts(p: Problem): Steps<Alignment> {
  const al = new Alignment(p);
  const rng = new SeededRandom(p.seed);
  for (let u = 0; u < p.n; u++) {
    const t = p.locks?.[u] ?? -1;
    if (t >= 0) al.move(u, t);
  }
  // Seeded shuffle before a stable sort: equal-sized accounts land in seed-dependent order.
  const order = rng.shuffle(Array.from({ length: p.n }, (_, u) => u)).filter((u) => !al.locked(u));
  const size = (u: number) => {
    let s = 0;
    for (let a = 0; a < p.k; a++) s += al.weight(u, a) / Math.max(al.targets[a] ?? 0, 1e-300);
    return s;
  };
  order.sort((x, y) => size(y) - size(x));
  order.forEach((u) => {
    al.move(u, cheapestTerritory(al, u));
  });
  yield { phase: 'assigning', fraction: 0.3, maxDeviation: al.maxDeviation() };
  yield* improveAccounts(al, 0.3, 1);
  return al;
}

function cheapestTerritory(al: Alignment, u: number): number {
  let best = Infinity;
  let to = 0;
  for (let t = 0; t < al.problem.territories; t++) {
    const d = al.moveDelta(u, t);
    if (d < best) {
      best = d;
      to = t;
    }
  }
  return to;
}

/** Improving single moves, then swaps between the extreme territories, until nothing improves. */
export function* improveAccounts(al: Alignment, from: number, to: number): Steps<void> {
  const p = al.problem;
  for (let round = 0; round < 50; round++) {
    let changed = 0;
    for (let u = 0; u < p.n; u++) {
      if (al.locked(u) || (al.counts[al.assign[u] ?? 0] ?? 0) <= 1) continue;
      const t = cheapestTerritory(al, u);
      if (t !== al.assign[u] && al.moveDelta(u, t) < -1e-12) {
        al.move(u, t);
        changed++;
      }
    }
    for (let focus = 0; focus < 2; focus++) changed += swapExtremes(al) ? 1 : 0;
    yield { phase: 'balancing', fraction: from + ((to - from) * (round + 1)) / 50, maxDeviation: al.maxDeviation() };
    if (changed === 0) return;
  }
}

/** The best improving swap between the heaviest and the lightest territory (O(n²/N²), not O(n²)). */
function swapExtremes(al: Alignment): boolean {
  const p = al.problem;
  let heavy = 0;
  let light = 0;
  for (let t = 1; t < p.territories; t++) {
    if (al.size(t) > al.size(heavy)) heavy = t;
    if (al.size(t) < al.size(light)) light = t;
  }
  if (heavy === light) return false;
  let best = -1e-12;
  let pair: [number, number] | null = null;
  for (let u = 0; u < p.n; u++) {
    if (al.assign[u] !== heavy || al.locked(u)) continue;
    for (let v = 0; v < p.n; v++) {
      if (al.assign[v] !== light || al.locked(v)) continue;
      const d = al.swapDelta(u, v);
      if (d < best) {
        best = d;
        pair = [u, v];
      }
    }
  }
  if (!pair) return false;
  const [u, v] = pair;
  const tu = al.assign[u] ?? 0;
  al.move(u, al.assign[v] ?? 0);
  al.move(v, tu);
  return true;
}

// Swaps for the diameter search's repair (src/features/territories/core/diameterSearch.ts): a territory whose
// activities are off in different directions (one too high, two too low) often has no single
// boundary move that helps; trading a unit with a neighbouring territory can. Tried when the
// moves stall: the best swap, by balance first, that lowers the penalty and splits neither
// territory.
import type { ConnectivityProbe } from './contiguity';
import type { DiameterState } from './diameterState';
import { neighbours, type Graph } from './graph';

const TRIED = 40;

export function improvingSwap(
  st: DiameterState,
  g: Graph,
  probe: ConnectivityProbe,
  lambda: number,
  locked: (u: number) => boolean,
): boolean {
  // Boundary units of territories outside the tolerance, with the neighbouring territories they touch.
  const pairs: { u: number; v: number; value: number }[] = [];
  for (let u = 0; u < g.n; u++) {
    const t = st.assign[u] ?? 0;
    if (locked(u) || !st.outside(t)) continue;
    for (const x of neighbours(g, u)) {
      const t2 = st.assign[x] ?? 0;
      if (t2 === t) continue;
      // Units of t2 on its border with t (x and x's neighbours in t2 that touch t).
      for (const v of [x, ...neighbours(g, x)]) {
        if ((st.assign[v] ?? 0) !== t2 || locked(v) || !neighbours(g, v).some((y) => st.assign[y] === t && y !== u)) continue;
        const b = st.swapDelta(u, v);
        if (b.excess < 0) pairs.push({ u, v, value: lambda * b.excess + b.square });
      }
    }
  }
  pairs.sort((a, b) => a.value - b.value);
  const seen = new Set<number>();
  for (const { u, v, value } of pairs.slice(0, TRIED * 4)) {
    const key = u * g.n + v;
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > TRIED) break;
    const tu = st.assign[u] ?? 0;
    const tv = st.assign[v] ?? 0;
    const before = st.pairs;
    if (!probe.canRemove(u, st.assign)) continue;
    st.move(u, tv);
    if (!probe.canRemove(v, st.assign) || !neighbours(g, v).some((y) => st.assign[y] === tu)) {
      st.move(u, tu);
      continue;
    }
    st.move(v, tu);
    const attached = neighbours(g, u).some((y) => st.assign[y] === tv);
    if (attached && st.pairs - before + value < 0) return true;
    st.move(v, tv);
    st.move(u, tu);
  }
  return false;
}

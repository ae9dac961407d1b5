// Last resort for territories still outside the tolerance on a graph: trade one boundary
// unit for one across the border. Fixes attribute conflicts (one attribute high, another
// low) that single moves cannot, and keeps both territories connected.
import type { Alignment } from './alignment';
import { neighbours, type Graph } from './graph';
import type { Steps } from './steps';

export function* boundarySwaps(g: Graph, al: Alignment, rounds: number): Steps<number> {
  let swapped = 0;
  for (let round = 0; round < rounds; round++) {
    const outside = outsideTolerance(al);
    if (outside.length === 0) break;
    let any = false;
    for (const t of outside) {
      if (trySwapFrom(g, al, t)) {
        swapped++;
        any = true;
      }
    }
    yield { phase: 'swapping', fraction: 0.99, maxDeviation: al.maxDeviation() };
    if (!any) break;
  }
  return swapped;
}

function outsideTolerance(al: Alignment): number[] {
  const out: number[] = [];
  for (let t = 0; t < al.problem.territories; t++) {
    for (let a = 0; a < al.problem.k; a++) {
      if (Math.abs(al.deviation(t, a)) > al.problem.tolerance) {
        out.push(t);
        break;
      }
    }
  }
  return out;
}

/** Best improving swap between territory t's border units and the units just across its border. */
function trySwapFrom(g: Graph, al: Alignment, t: number): boolean {
  const inside: number[] = [];
  const across = new Set<number>();
  for (let u = 0; u < g.n; u++) {
    if (al.assign[u] !== t) continue;
    let border = false;
    for (const v of neighbours(g, u)) {
      if (al.assign[v] !== t && (al.assign[v] ?? -1) >= 0) {
        border = true;
        if (!al.locked(v)) across.add(v);
      }
    }
    if (border && !al.locked(u)) inside.push(u);
  }
  let best = -1e-12;
  let pair: [number, number] | null = null;
  for (const u of inside) {
    for (const w of across) {
      if (!touches(g, al, u, al.assign[w] ?? -1)) continue;
      const d = al.swapDelta(u, w);
      if (d < best && swapKeepsContiguity(g, al, u, w)) {
        best = d;
        pair = [u, w];
      }
    }
  }
  if (!pair) return false;
  const [u, w] = pair;
  const tu = al.assign[u] ?? -1;
  const tw = al.assign[w] ?? -1;
  al.move(u, tw);
  al.move(w, tu);
  return true;
}

function touches(g: Graph, al: Alignment, u: number, t: number): boolean {
  for (const v of neighbours(g, u)) if (al.assign[v] === t) return true;
  return false;
}

/** Tries the swap and checks both territories by a full search; undoes it either way. */
function swapKeepsContiguity(g: Graph, al: Alignment, u: number, w: number): boolean {
  const tu = al.assign[u] ?? -1;
  const tw = al.assign[w] ?? -1;
  al.assign[u] = tw;
  al.assign[w] = tu;
  const ok = connected(g, al.assign, tu, w) && connected(g, al.assign, tw, u);
  al.assign[u] = tu;
  al.assign[w] = tw;
  return ok;
}

/** Is territory t one piece? (start is one of its units) */
function connected(g: Graph, assign: Int32Array, t: number, start: number): boolean {
  let size = 0;
  for (const x of assign) if (x === t) size++;
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const x = stack.pop() as number;
    for (const y of neighbours(g, x)) {
      if (assign[y] === t && !seen.has(y)) {
        seen.add(y);
        stack.push(y);
      }
    }
  }
  return seen.size === size;
}

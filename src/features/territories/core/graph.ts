// Adjacency graphs of units (compressed rows), joining disconnected parts, and the
// contiguity checker: every territory's units must form one connected piece of the graph.

export interface Graph {
  readonly n: number;
  /** Neighbours of u are targets[offsets[u] .. offsets[u+1]). */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/** Builds a symmetric graph without self-loops or duplicate edges from neighbour lists. */
export function graphFromLists(lists: readonly (readonly number[])[]): Graph {
  const n = lists.length;
  const sets = lists.map(() => new Set<number>());
  lists.forEach((list, u) => {
    for (const v of list) {
      if (v === u || v < 0 || v >= n) continue;
      sets[u]?.add(v);
      sets[v]?.add(u);
    }
  });
  const offsets = new Int32Array(n + 1);
  sets.forEach((s, u) => (offsets[u + 1] = (offsets[u] ?? 0) + s.size));
  const targets = new Int32Array(offsets[n] ?? 0);
  sets.forEach((s, u) =>
    targets.set(
      [...s].sort((a, b) => a - b),
      offsets[u] ?? 0,
    ),
  );
  return { n, offsets, targets };
}

export function neighbours(g: Graph, u: number): Int32Array {
  return g.targets.subarray(g.offsets[u], g.offsets[u + 1]);
}

/** Component id of every unit (0-based), and the number of components. */
export function components(g: Graph): { id: Int32Array; count: number } {
  const id = new Int32Array(g.n).fill(-1);
  let count = 0;
  const stack: number[] = [];
  for (let s = 0; s < g.n; s++) {
    if (id[s] !== -1) continue;
    id[s] = count;
    stack.push(s);
    while (stack.length > 0) {
      const u = stack.pop() as number;
      for (const v of neighbours(g, u)) {
        if (id[v] === -1) {
          id[v] = count;
          stack.push(v);
        }
      }
    }
    count++;
  }
  return { id, count };
}

/**
 * Islands (Hawaii, Alaska, island counties) have no land neighbour; a territory can only be
 * "contiguous" across water if we say which crossings count. Each smaller component is joined
 * to the nearest unit (by centroid) of the rest, repeatedly, until the graph is one piece.
 */
export function joinComponents(g: Graph, xy: readonly (readonly [number, number])[]): Graph {
  const lists: number[][] = Array.from({ length: g.n }, (_, u) => [...neighbours(g, u)]);
  let current = g;
  for (;;) {
    const { id, count } = components(current);
    if (count <= 1) return current;
    const sizes = new Int32Array(count);
    for (const c of id) sizes[c] = (sizes[c] ?? 0) + 1;
    let smallest = 0;
    for (let c = 1; c < count; c++) if ((sizes[c] ?? 0) < (sizes[smallest] ?? 0)) smallest = c;
    const [a, b] = closestPair(id, smallest, xy);
    lists[a]?.push(b);
    current = graphFromLists(lists);
  }
}

function closestPair(id: Int32Array, comp: number, xy: readonly (readonly [number, number])[]): [number, number] {
  let best = Infinity;
  let pair: [number, number] = [0, 0];
  for (let a = 0; a < id.length; a++) {
    if (id[a] !== comp) continue;
    const [ax, ay] = xy[a] ?? [0, 0];
    for (let b = 0; b < id.length; b++) {
      if (id[b] === comp) continue;
      const [bx, by] = xy[b] ?? [0, 0];
      const d = (ax - bx) ** 2 + (ay - by) ** 2;
      if (d < best) {
        best = d;
        pair = [a, b];
      }
    }
  }
  return pair;
}

/** Territories (0..territories-1) whose assigned units do not form one connected piece; empty ones are not listed. */
export function discontiguousTerritories(g: Graph, assignment: Int32Array, territories: number): number[] {
  const pieces = new Int32Array(territories);
  const seen = new Uint8Array(g.n);
  const stack: number[] = [];
  for (let s = 0; s < g.n; s++) {
    const t = assignment[s] ?? -1;
    if (seen[s] || t < 0) continue;
    pieces[t] = (pieces[t] ?? 0) + 1;
    seen[s] = 1;
    stack.push(s);
    while (stack.length > 0) {
      const u = stack.pop() as number;
      for (const v of neighbours(g, u)) {
        if (!seen[v] && assignment[v] === t) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
  }
  const bad: number[] = [];
  pieces.forEach((p, t) => {
    if (p > 1) bad.push(t);
  });
  return bad;
}

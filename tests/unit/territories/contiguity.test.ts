// The contiguity checker and the graph helpers on small graphs drawn by hand.
import { describe, expect, it } from 'vitest';
import {
  components,
  discontiguousTerritories,
  graphFromLists,
  joinComponents,
} from '../../../src/features/territories/core/graph';
import { ConnectivityProbe } from '../../../src/features/territories/core/contiguity';
import { pointGraph } from '../../../src/features/territories/core/delaunay';

// A path 0-1-2-3-4 and a separate pair 5-6.
const path = graphFromLists([[1], [2], [3], [4], [], [6], []]);

describe('contiguity checker', () => {
  it('accepts territories that are one piece', () => {
    expect(discontiguousTerritories(path, Int32Array.from([0, 0, 1, 1, 1, 2, 2]), 3)).toEqual([]);
  });

  it('flags territories that cut each other in two', () => {
    // 0 holds units 0 and 2 (cut by 1); 1 holds 1 and 3-4 (cut by 2).
    expect(discontiguousTerritories(path, Int32Array.from([0, 1, 0, 1, 1, 2, 2]), 3)).toEqual([0, 1]);
    expect(discontiguousTerritories(path, Int32Array.from([0, 1, 1, 1, 0, 2, 2]), 3)).toEqual([0]);
  });

  it('flags a territory spread over two components', () => {
    expect(discontiguousTerritories(path, Int32Array.from([0, 0, 0, 0, 1, 1, 2]), 3)).toEqual([1]);
  });

  it('knows when removing a unit splits its territory', () => {
    const probe = new ConnectivityProbe(path);
    const all = Int32Array.from([0, 0, 0, 0, 0, 1, 1]);
    expect(probe.canRemove(2, all)).toBe(false);
    expect(probe.canRemove(4, all)).toBe(true);
  });
});

describe('graphs', () => {
  it('joins islands to the nearest unit of the rest', () => {
    const xy: [number, number][] = [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [4.5, 1],
      [9, 9],
    ];
    const joined = joinComponents(path, xy);
    expect(components(joined).count).toBe(1);
    expect([...joined.targets.subarray(joined.offsets[4], joined.offsets[5])]).toContain(5);
  });

  it('links points by Delaunay triangulation, duplicates to their twin', () => {
    const g = pointGraph([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(components(g).count).toBe(1);
    const nb = (u: number) => [...g.targets.subarray(g.offsets[u], g.offsets[u + 1])];
    expect(nb(4)).toEqual([3]);
    // A unit square: every corner touches its two sides' neighbours.
    expect(nb(0)).toEqual(expect.arrayContaining([1, 2]));
  });
});

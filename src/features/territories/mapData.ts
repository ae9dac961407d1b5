// The page's copy of the us-atlas maps for drawing (same asset URLs the worker uses: our origin).
import countiesUrl from 'us-atlas/counties-10m.json?url';
import statesUrl from 'us-atlas/states-10m.json?url';
import { geoAlbersUsa, geoPath } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface MapShape {
  readonly id: string;
  readonly name: string;
  readonly d: string;
}

export interface MapLayer {
  readonly shapes: readonly MapShape[];
  /** Projects [lon, lat] to the SVG, null outside the projection (e.g. not in the US). */
  readonly project: (lon: number, lat: number) => [number, number] | null;
}

export const MAP_WIDTH = 640;
export const MAP_HEIGHT = 400;

const cache = new Map<string, Promise<MapLayer>>();

export function loadMap(level: 'counties' | 'states'): Promise<MapLayer> {
  let hit = cache.get(level);
  if (!hit) {
    hit = fetch(level === 'counties' ? countiesUrl : statesUrl)
      .then(async (r) => {
        if (!r.ok) throw new Error(`The ${level} map could not be loaded (${r.status}).`);
        return (await r.json()) as Topology;
      })
      .then((topology) => layer(topology, level));
    cache.set(level, hit);
  }
  return hit;
}

function layer(topology: Topology, level: 'counties' | 'states'): MapLayer {
  const collection = topology.objects[level] as GeometryCollection;
  const features = feature(topology, collection).features;
  const projection = geoAlbersUsa().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: 'FeatureCollection', features });
  const path = geoPath(projection);
  const shapes = features.map((f) => {
    const props: unknown = f.properties;
    const name = props && typeof props === 'object' && 'name' in props && typeof props.name === 'string' ? props.name : '';
    return { id: String(f.id), name, d: path(f) ?? '' };
  });
  return { shapes, project: (lon, lat) => projection([lon, lat]) };
}

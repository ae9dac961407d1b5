// Geographic units from a us-atlas TopoJSON topology: ids (FIPS), names, centroids and the
// adjacency graph from topojson-client's neighbors(), with islands joined to the mainland.
import { geoCentroid } from 'd3';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { graphFromLists, joinComponents, type Graph } from './graph';

export type GeoLevel = 'counties' | 'states';

export interface GeoUnits {
  readonly level: GeoLevel;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** [longitude, latitude] of each unit's centroid. */
  readonly centroids: readonly (readonly [number, number])[];
  readonly graph: Graph;
}

/** Puerto Rico (72) and other territories are left out: sales maps of the US are the 50 states and DC. */
export const isStateOrDc = (fips: string): boolean => Number(fips.slice(0, 2)) <= 56;

export function geoUnits(topology: Topology, level: GeoLevel): GeoUnits {
  const collection = topology.objects[level];
  if (!collection || collection.type !== 'GeometryCollection') throw new Error(`The map has no ${level} layer.`);
  const geometries = (collection as GeometryCollection).geometries.filter((g) => isStateOrDc(String(g.id ?? '99')));
  const centroids = geometries.map((g) => centroidOf(topology, g));
  const land = graphFromLists(neighbors(geometries));
  return {
    level,
    ids: geometries.map((g) => String(g.id)),
    names: geometries.map((g) => nameOf(g)),
    centroids,
    graph: joinComponents(land, centroids),
  };
}

function nameOf(g: GeometryObject): string {
  const props: unknown = g.properties;
  if (props && typeof props === 'object' && 'name' in props && typeof props.name === 'string') return props.name;
  return String(g.id);
}

function centroidOf(topology: Topology, g: GeometryObject): [number, number] {
  const f = feature(topology, g);
  const [lon, lat] = geoCentroid(f);
  return [lon, lat];
}

// Puts accounts into geographic units by their coordinates: point in polygon (bounding boxes
// first), else the unit with the nearest centroid (points just off a coastline, on an island
// the simplified map leaves out). Only accounts without coordinates stay unplaced.
import { geoBounds, geoContains } from 'd3';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { GeoUnits } from './geo';

export function placeInUnits(
  topology: Topology,
  units: GeoUnits,
  latitude: readonly (number | null)[],
  longitude: readonly (number | null)[],
): Int32Array {
  const index = new Map(units.ids.map((id, i) => [id, i]));
  const collection = topology.objects[units.level] as GeometryCollection;
  const shapes = collection.geometries
    .filter((g) => index.has(String(g.id)))
    .map((g) => {
      const f = feature(topology, g);
      return { unit: index.get(String(g.id)) ?? -1, f, bounds: geoBounds(f) };
    });
  return Int32Array.from(latitude, (lat, i) => {
    const lon = longitude[i];
    if (lat === null || lon === null || lon === undefined) return -1;
    for (const s of shapes) {
      const [[x0, y0], [x1, y1]] = s.bounds;
      if (lat < y0 || lat > y1 || lon < x0 || lon > x1) continue;
      if (geoContains(s.f, [lon, lat])) return s.unit;
    }
    return nearestCentroid(units, lon, lat);
  });
}

function nearestCentroid(units: GeoUnits, lon: number, lat: number): number {
  let best = Infinity;
  let pick = -1;
  units.centroids.forEach(([x, y], u) => {
    const d = (x - lon) ** 2 + (y - lat) ** 2;
    if (d < best) {
      best = d;
      pick = u;
    }
  });
  return pick;
}

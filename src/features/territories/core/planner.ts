// The territory worker's job, as pure steps: accounts → units (themselves, points or map
// units), a design or a rebalance on those units, then back to a territory name per account.
import { design } from './design';
import type { GeoUnits } from './geo';
import type { Graph } from './graph';
import { pointGraph } from './delaunay';
import type { DesignRequest, DesignResponse } from './plannerTypes';
import type { Steps } from './steps';
import { nameTerritories } from './naming';
import { planFromToday } from './planToday';

export interface UnitSetup {
  /** Unit of each account, -1 when it cannot be placed. */
  readonly unitOf: Int32Array;
  readonly n: number;
  readonly graph?: Graph;
  readonly geo?: GeoUnits;
}

export function accountUnits(req: DesignRequest): UnitSetup {
  const count = req.ids.length;
  if (req.mode === 'accounts') return { unitOf: Int32Array.from({ length: count }, (_, i) => i), n: count };
  const unitOf = new Int32Array(count).fill(-1);
  const points: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const lat = req.latitude[i];
    const lon = req.longitude[i];
    if (lat === null || lat === undefined || lon === null || lon === undefined) continue;
    unitOf[i] = points.length;
    points.push([lon, lat]);
  }
  return { unitOf, n: points.length, graph: pointGraph(points) };
}

export function* plan(req: DesignRequest, setup: UnitSetup): Steps<Omit<DesignResponse, 'elapsedMs'>> {
  // From today: account by account against each account's true start (planToday.ts).
  if (req.fromCurrent) return yield* planFromToday(req, setup);
  const { unitOf, n } = setup;
  const k = req.k;
  const currentNames = [...new Set(req.current.filter((c): c is string => c !== null))].sort();
  const lockNames = [...new Set(Object.values(req.locks))].sort();
  const names = req.fromCurrent ? [...new Set([...currentNames, ...lockNames])].sort() : lockNames.slice(0, req.territories);
  const territories = req.fromCurrent ? names.length : req.territories;
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const weights = new Float64Array(n * k);
  const accountsIn = new Float64Array(n);
  const votes = Array.from({ length: n }, () => new Map<number, number>());
  const locks = new Int32Array(n).fill(-1);
  req.ids.forEach((id, i) => {
    const u = unitOf[i] ?? -1;
    if (u < 0) return;
    accountsIn[u] = (accountsIn[u] ?? 0) + 1;
    for (let a = 0; a < k; a++) weights[u * k + a] = (weights[u * k + a] ?? 0) + (req.weights[i * k + a] ?? 0);
    const c = indexOf.get(req.current[i] ?? '');
    if (c !== undefined) votes[u]?.set(c, (votes[u]?.get(c) ?? 0) + 1 + (req.weights[i * k] ?? 0));
    const lock = req.locks[id];
    if (lock !== undefined) locks[u] = indexOf.get(lock) ?? -1;
  });
  const start = req.fromCurrent ? Int32Array.from(votes, (v) => majority(v)) : undefined;
  const outcome = yield* design({
    n,
    k,
    weights,
    territories,
    tolerance: req.tolerance,
    seed: req.seed,
    ...(setup.graph ? { graph: setup.graph } : {}),
    locks,
    ...(start ? { start } : {}),
    ...(req.objective && setup.graph ? { coordinates: planeOf(req, setup), compactness: req.objective } : {}),
  });
  const finalNames = req.fromCurrent ? names : nameTerritories(outcome.assignment, territories, req, unitOf, lockNames);
  let unplaced = 0;
  const assignment = req.ids.map((_, i) => {
    const u = unitOf[i] ?? -1;
    if (u < 0) {
      unplaced++;
      return req.current[i] ?? '';
    }
    return finalNames[outcome.assignment[u] ?? 0] ?? '';
  });
  const geo = setup.geo;
  return {
    territoryNames: finalNames,
    assignment,
    unitOf: [...unitOf],
    maxDeviation: outcome.maxDeviation,
    withinTolerance: outcome.withinTolerance,
    discontiguous: outcome.discontiguous.length,
    unplaced,
    tradeoff: thin(outcome.tradeoff, 200),
    ...(outcome.diameters && req.objective
      ? {
          compactness: {
            objective: req.objective,
            largestKm: outcome.diameters.proposed * KM_PER_DEGREE,
            balanceOnlyKm: outcome.diameters.balanceOnly * KM_PER_DEGREE,
          },
        }
      : {}),
    units: geo
      ? { level: geo.level, ids: geo.ids, names: geo.names, territory: [...outcome.assignment], accounts: [...accountsIn] }
      : null,
    budget: null,
  };
}

function majority(votes: Map<number, number>): number {
  let best = -1;
  let pick = -1;
  for (const [t, v] of votes) if (v > best || (v === best && t < pick)) [best, pick] = [v, t];
  return pick;
}

/** At most `max` points, always keeping the first and the last. */
function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)] as T);
}

/** The plane below is in degrees of latitude (longitude scaled by cos latitude): about 111.2 km each. */
const KM_PER_DEGREE = 111.2;

/** Unit positions for compactness: longitude scaled by cos(latitude), and latitude (roughly true distances). */
function planeOf(req: DesignRequest, setup: UnitSetup): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(setup.n);
  const y = new Float64Array(setup.n);
  const put = (u: number, lon: number, lat: number) => {
    x[u] = lon * Math.cos((lat * Math.PI) / 180);
    y[u] = lat;
  };
  if (setup.geo) setup.geo.centroids.forEach(([lon, lat], u) => put(u, lon, lat));
  else
    setup.unitOf.forEach((u, i) => {
      if (u >= 0) put(u, req.longitude[i] ?? 0, req.latitude[i] ?? 0);
    });
  return { x, y };
}

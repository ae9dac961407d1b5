// The territory worker's API: runs a design in slices (progress after each, stop between
// them). Geographic units and their adjacency are built once per level and reused.
import type { Topology } from 'topojson-specification';
import { runInSlices } from '../../../src/features/territories/core/design';
import { geoUnits, type GeoLevel, type GeoUnits } from '../../../src/features/territories/core/geo';
import { placeInUnits } from '../../../src/features/territories/core/placeUnits';
import { accountUnits, plan, type UnitSetup } from '../../../src/features/territories/core/planner';
import type { DesignRequest, DesignResponse, TerritoryWorkerApi } from '../../../src/features/territories/core/plannerTypes';
import type { Progress } from '../../../src/features/territories/core/steps';

export class TerritoryPlanner implements TerritoryWorkerApi {
  private stopRequested = false;
  private readonly units = new Map<GeoLevel, Promise<{ topology: Topology; units: GeoUnits }>>();

  constructor(private readonly topology: (level: GeoLevel) => Promise<Topology>) {}

  async design(request: DesignRequest, onProgress?: (p: Progress) => void): Promise<DesignResponse> {
    const t0 = performance.now();
    this.stopRequested = false;
    const setup = await this.setup(request);
    const result = await runInSlices(plan(request, setup), {
      shouldStop: () => this.stopRequested,
      ...(onProgress ? { onProgress } : {}),
    });
    return { ...result, elapsedMs: performance.now() - t0 };
  }

  stop(): void {
    this.stopRequested = true;
  }

  private async setup(request: DesignRequest): Promise<UnitSetup> {
    if (request.mode !== 'counties' && request.mode !== 'states') return accountUnits(request);
    const level = request.mode;
    let entry = this.units.get(level);
    if (!entry) {
      entry = this.topology(level).then((topology) => ({ topology, units: geoUnits(topology, level) }));
      this.units.set(level, entry);
    }
    const { topology, units } = await entry;
    const unitOf = placeInUnits(topology, units, request.latitude, request.longitude);
    return { unitOf, n: units.ids.length, graph: units.graph, geo: units };
  }
}

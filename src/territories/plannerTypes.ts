// Requests and answers of the territory worker (workers/territory.worker.ts): plain data only.
import type { TradeoffPoint } from './rebalance';
import type { Progress } from './steps';

/** (a) geographic units with contiguity, (b) named accounts, (c) account points with Delaunay neighbours. */
export type DesignMode = 'counties' | 'states' | 'accounts' | 'points';

export interface DesignRequest {
  readonly mode: DesignMode;
  readonly territories: number;
  readonly tolerance: number;
  readonly seed: number;
  /** Start from the current alignment and move as little as possible (territories = current ones). */
  readonly fromCurrent: boolean;
  readonly ids: readonly string[];
  /** Current territory name per account (null when none). */
  readonly current: readonly (string | null)[];
  readonly latitude: readonly (number | null)[];
  readonly longitude: readonly (number | null)[];
  /** Balanced attributes, row-major accounts × k. */
  readonly weights: readonly number[];
  readonly k: number;
  /** Account id → territory name it must stay in (or go to). */
  readonly locks: Readonly<Record<string, string>>;
}

export interface UnitAssignment {
  readonly level: 'counties' | 'states';
  /** FIPS of each unit, and its territory index (into territoryNames). */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly territory: readonly number[];
  readonly accounts: readonly number[];
}

export interface DesignResponse {
  readonly territoryNames: readonly string[];
  /** New territory name per account (same order as the request's ids). */
  readonly assignment: readonly string[];
  /** Unit index of each account (-1 when unplaced): lets the page move a whole unit. */
  readonly unitOf: readonly number[];
  readonly maxDeviation: number;
  readonly withinTolerance: boolean;
  readonly discontiguous: number;
  /** Accounts the mode could not place (no coordinates, or outside every unit): they keep their territory. */
  readonly unplaced: number;
  readonly tradeoff: readonly TradeoffPoint[];
  readonly units: UnitAssignment | null;
  readonly elapsedMs: number;
}

export interface TerritoryWorkerApi {
  design(request: DesignRequest, onProgress?: (p: Progress) => void): Promise<DesignResponse>;
  /** Asks the running design to stop at its next slice; it then rejects with "stopped". */
  stop(): void;
}

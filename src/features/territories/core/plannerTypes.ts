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
  /** Rebalancing from today: most disruption allowed (default 10 % of accounts). */
  readonly budget?: DisruptionBudget;
  /** Potential per account (the budget "of potential", and potential moved). */
  readonly potential?: readonly (number | null)[];
  /** Named-account territories: balance and disruption only, no contiguity. */
  readonly named?: readonly string[];
  /** Compactness beside balance (designs on a map): smallest largest diameter, or moment of inertia. */
  readonly objective?: 'diameter' | 'inertia';
}

export interface DisruptionBudget {
  readonly on: 'accounts' | 'potential';
  /** Share of all accounts (or of all potential) that may change territory, 0..1. */
  readonly fraction: number;
}

/** What a rebalance within a disruption budget reached, and what 5 % more would buy. */
export interface BudgetReport {
  readonly budget: DisruptionBudget;
  /** Shares moved: accounts (of accounts with a territory today) and potential. */
  readonly accountsFraction: number;
  readonly potentialFraction: number | null;
  /** Locks alone move more than the budget allows. */
  readonly locksOverBudget: boolean;
  /** Pieces of split territories left (each beyond the territory's largest piece). */
  readonly pieces: readonly { readonly territory: string; readonly units: number; readonly accounts: number }[];
  /** Today's split territories (before any move). */
  readonly discontiguousToday: number;
  /** The same rebalance with 5 percentage points more budget (null when the budget was enough or is already 100 %). */
  readonly next: {
    readonly fraction: number;
    readonly maxDeviation: number;
    readonly accountsFraction: number;
    readonly discontiguous: number;
  } | null;
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
  /** Rebalancing from today: the budget and what it reached (null for a fresh design). */
  readonly budget: BudgetReport | null;
  /**
   * A fresh design on a map with a compactness objective: the largest territory diameter
   * (between unit or account centres, km) of the proposal and of the balanced design alone.
   */
  readonly compactness?: {
    readonly objective: 'diameter' | 'inertia';
    readonly largestKm: number;
    readonly balanceOnlyKm: number;
  };
  readonly elapsedMs: number;
}

export interface TerritoryWorkerApi {
  design(request: DesignRequest, onProgress?: (p: Progress) => void): Promise<DesignResponse>;
  /** Asks the running design to stop at its next slice; it then rejects with "stopped". */
  stop(): void;
}

// The territory planner across the engine door: per-account figures read from the canonical
// tables. The design itself runs in its own worker (workers/territory.worker.ts).

export interface TerritoryAccount {
  /** account_id, or the account name when the export has no id (Maven). */
  readonly id: string;
  readonly name: string;
  readonly territory: string | null;
  readonly owner: string | null;
  /** The owner's region from the reps table. */
  readonly region: string | null;
  readonly state: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
  /** As exported; the planner places accounts without them by ZIP code or state (src/features/territories/core/placement.ts). */
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly annualRevenue: number | null;
  readonly employees: number | null;
  /** Σ amount of open deals (every open deal, at the reference date). */
  readonly openPipeline: number;
  /** Σ amount of won deals, all time. */
  readonly bookings: number;
  readonly wonCount: number;
  readonly lostCount: number;
  readonly openCount: number;
}

export interface TerritoryAccounts {
  readonly accounts: readonly TerritoryAccount[];
  /** Deals whose account matches no row of the accounts table (left out of the figures). */
  readonly unmatchedDeals: number;
}

export interface TerritoriesApi {
  /** Every account with its current territory, owner, geography and deal figures. */
  territoryAccounts(): Promise<TerritoryAccounts>;
}

// What the compensation modeler gets from the engine: per-rep, per-quarter aggregates
// only (no deal rows cross the door). Money is integer cents; quarters are quarter
// indices (src/features/comp/core/periods.ts) under the requested fiscal calendar.

export interface CompDataRequest {
  readonly fiscalStartMonth: number;
}

export interface CompRep {
  readonly rep: string;
  readonly team: string | null;
  readonly region: string | null;
  /** ISO; null when the reps table has no start date (or no row) for this rep. */
  readonly startDate: string | null;
  /** Σ annual revenue of the accounts the rep owns; null when unknown. */
  readonly potentialCents: number | null;
}

/** One rep and quarter: won deals closed in it and every deal due in it (for bottom-up quotas). */
export interface CompBookings {
  readonly rep: string;
  readonly quarter: number;
  readonly wonCents: number;
  readonly wonCount: number;
  readonly lostCents: number;
  /** Σ amount of all deals (won, lost or open) whose close date falls in the quarter. */
  readonly dueCents: number;
}

/** Won deals of one rep, quarter, product and deal type (what SPIFs pay on). */
export interface CompDealGroup {
  readonly rep: string;
  readonly quarter: number;
  readonly product: string | null;
  readonly dealType: string | null;
  readonly wonCents: number;
  readonly wonCount: number;
}

/** Deals lost in `quarter` after having been won in `wonQuarter` (from the stage history). */
export interface CompClawback {
  readonly rep: string;
  readonly quarter: number;
  readonly wonQuarter: number;
  readonly amountCents: number;
  readonly count: number;
}

export interface CompQuotaRow {
  readonly rep: string;
  /** ISO, inclusive. */
  readonly periodStart: string;
  /** ISO, inclusive. */
  readonly periodEnd: string;
  readonly quotaCents: number;
}

export interface CompData {
  readonly reps: readonly CompRep[];
  /** Where `team` comes from: the reps' team column, else their manager (each manager's reps are a team). */
  readonly teamsFrom?: 'team' | 'manager' | null;
  readonly bookings: readonly CompBookings[];
  readonly deals: readonly CompDealGroup[];
  readonly clawbacks: readonly CompClawback[];
  /** Why clawbacks could not be derived (no stage history, no won stage in it); null when they could. */
  readonly clawbackNote: string | null;
  readonly quotaRows: readonly CompQuotaRow[];
  /** The reference date's quarter: later quarters are not paid yet. */
  readonly lastQuarter: number | null;
  readonly firstQuarter: number | null;
  readonly referenceDate: string | null;
}

/** The comp modeler's verb. */
export interface CompApi {
  /** Per-rep, per-quarter aggregates for the compensation modeler. */
  compData(request: CompDataRequest): Promise<CompData>;
}

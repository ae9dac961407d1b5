// What the SQL side hands the pure models: per-window facts and per-window cells of deals
// open at the window's start (the as-of date), grouped by stage and age then. Nothing in
// a window's cells depends on anything dated on or after its start, except `wonN`, which
// is only read for windows that ended before the as-of date being forecast.

export interface WindowFacts {
  readonly index: number;
  /** As-of date and window start (inclusive), ISO. */
  readonly start: string;
  /** Window end (exclusive), ISO. */
  readonly end: string;
  /** Won amount closed inside the window (the actual). */
  readonly actual: number;
  /** Won inside the window by deals created inside it: the bootstrap pool for new business. */
  readonly newWon: number;
}

export interface Cell {
  readonly window: number;
  /** Stage on the as-of date; null when unknown (no stage history). */
  readonly stage: string | null;
  readonly ageBucket: number;
  readonly owner: string | null;
  readonly n: number;
  readonly sum: number;
  readonly sumSq: number;
  /** Deals of the cell won inside the window (read only for windows already over). */
  readonly wonN: number;
  /** Stage-weighted: Σ amount × probability of deals expected to close by the window's end. */
  readonly swKnown: number;
  /** …and Σ amount of such deals with no probability known on the as-of date. */
  readonly swUnknown: number;
  readonly commit: number;
  readonly bestCase: number;
  readonly categorized: number;
}

export type MethodId =
  'stage_weighted' | 'conversion' | 'monte_carlo' | 'seasonal_naive' | 'ets' | 'theta' | 'category' | 'selection' | 'combination';

export interface MethodForecast {
  readonly method: MethodId;
  readonly point: number;
  readonly p10: number | null;
  readonly p90: number | null;
  /** What the method chose here (ETS: its form; selection: the method it picked). */
  readonly detail?: string;
  /** The selection's pick. */
  readonly chosen?: MethodId;
}

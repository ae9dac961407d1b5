// The forecast's request and result across the engine door: plain data only. Deal-level
// arrays stay inside the worker; the page gets period totals, percentiles and scores.
import type { MethodId } from './core/types';
import type { StageSource } from './core/stageTable';
import type { Filters } from '../../shared/filters';

export type { MethodId } from './core/types';

export interface ForecastRequest {
  /** The header's period: a month or quarter is forecast (one that is over is replayed); anything else falls back to the quarter under way. */
  readonly period?: string;
  /** Forecast as of this day inside the period (ISO; the link's `fc.asof`); default: the data's as-of date, or a past period's first day. */
  readonly asOf?: string;
  readonly fiscalStartMonth: number;
  /** The dashboard's filters (owner, team, region, product, …). */
  readonly filters?: Filters;
  /** Monte Carlo draws (at least 10,000) and seed: the same seed gives the same percentiles. */
  readonly draws?: number;
  readonly seed?: number;
  /** Bookings target for the period: the result gives the probability of reaching it. */
  readonly target?: number | null;
  /** The user's edits of the stage → probability table. */
  readonly stageProbabilities?: Readonly<Record<string, number>>;
  /** When set, each rep's forecast carries this many Monte Carlo draws (the comp screen simulates from them). */
  readonly repDraws?: number;
  /** Only the current period (no backtest, so no method is recommended: empirical conversion is shown): for the comp screen. */
  readonly skipBacktest?: boolean;
}

export interface ForecastProgress {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

export interface MethodEstimate {
  readonly method: MethodId;
  readonly label: string;
  readonly point: number;
  readonly p10: number | null;
  readonly p90: number | null;
  /** False when the method cannot be judged fairly on this data (see note). */
  readonly honest: boolean;
  /** What the method chose here: ETS its form, the selection its method, the combination its members. */
  readonly detail?: string;
}

export interface GroupForecast {
  readonly name: string;
  /** Booked so far in the period. */
  readonly closed: number;
  /** closed + open pipeline × conversion + expected new business (the group's own past windows). */
  readonly expected: number;
  readonly p10: number;
  readonly p90: number;
  /**
   * The group's Monte Carlo draws of the period's bookings (only when `repDraws` was asked for), in
   * draw order: draw d of every group comes from the same joint draw d, so groups stay correlated.
   */
  readonly draws?: readonly number[];
}

export interface WaterfallStep {
  readonly label: string;
  readonly value: number;
  readonly kind: 'closed' | 'pipeline' | 'new' | 'total';
  /** A pipeline step's stage on the as-of date (null: not known); what its drill-through opens. */
  readonly stage?: string | null;
}

export interface LeaderboardEntry {
  readonly method: MethodId;
  readonly label: string;
  readonly periods: number;
  readonly wape: number | null;
  readonly bias: number | null;
  readonly mase: number | null;
  readonly coverage: number | null;
  readonly pinball: number | null;
  /** Forecasts with a range pooled into coverage (period starts and in-period checkpoints). */
  readonly scored: number;
  readonly honest: boolean;
  /** The same scores for the forecasts made `offset` days into each period. */
  readonly byOffset: readonly {
    readonly offset: number;
    readonly periods: number;
    readonly wape: number | null;
    readonly coverage: number | null;
    readonly scored: number;
  }[];
}

/** The headline's forecast at one day of the target period: booked by then plus the rest. */
export interface TrackPoint {
  readonly offset: number;
  readonly date: string;
  readonly closed: number;
  readonly p10: number | null;
  readonly p50: number;
  readonly p90: number | null;
}

export interface BacktestPeriodResult {
  readonly start: string;
  readonly label: string;
  readonly actual: number;
  /** Each method's forecast made on the period's first day, with its calibrated P10–P90 (null: none). */
  readonly forecasts: readonly {
    readonly method: MethodId;
    readonly point: number;
    readonly p10: number | null;
    readonly p90: number | null;
  }[];
}

export interface BacktestResult {
  readonly grain: 'month' | 'quarter';
  /** Days into each period at which it was forecast (0 = its first day). */
  readonly checkpoints: readonly number[];
  readonly leaderboard: readonly LeaderboardEntry[];
  readonly periods: readonly BacktestPeriodResult[];
  /** Why the backtest has no rows, when it has none. */
  readonly reason?: string;
}

export interface HistoryPoint {
  readonly start: string;
  readonly label: string;
  readonly actual: number;
}

export interface StageTableRow {
  readonly stage: string;
  readonly probability: number | null;
  readonly source: StageSource;
  readonly openDeals: number;
}

export interface ForecastResult {
  readonly period: string;
  readonly periodLabel: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The forecast is made as of this day: everything dated before it is known. */
  readonly asOf: string;
  /** The day after the reference date: the latest possible as-of date. */
  readonly dataAsOf: string;
  /** The period was over by the data's end: this replays what was forecast on the as-of date. */
  readonly over: boolean;
  /** The period's booked total when it is over (else null). */
  readonly actual: number | null;
  readonly referenceDate: string;
  readonly data: { readonly hasStageHistory: boolean; readonly hasProbability: boolean; readonly hasCategories: boolean };
  /** Which methods are honest here and why; fallbacks taken. */
  readonly notes: readonly string[];
  readonly recommended: MethodId;
  /** The recommended method's forecast of the period. */
  readonly current: {
    readonly method: MethodId;
    /** The selection's pick at this as-of date (null for any other method). */
    readonly chosen: MethodId | null;
    readonly p10: number;
    readonly p50: number;
    readonly p90: number;
    readonly closed: number;
    readonly target: number | null;
    readonly probabilityOfTarget: number | null;
  };
  readonly estimates: readonly MethodEstimate[];
  readonly history: readonly HistoryPoint[];
  /** The headline method through the target period, checkpoint by checkpoint up to the as-of date. */
  readonly track: readonly TrackPoint[];
  /** Which method the waterfall and the per-rep and per-team tables show, and why. */
  readonly breakdownNote: string;
  readonly waterfall: readonly WaterfallStep[];
  readonly byRep: readonly GroupForecast[];
  readonly byTeam: readonly GroupForecast[];
  readonly backtest: BacktestResult;
  readonly stageTable: readonly StageTableRow[];
  readonly draws: number;
  readonly seed: number;
}

export interface ForecastApi {
  /** Forecast of the period under way and the backtest of every method on this data. */
  forecast(request: ForecastRequest, onProgress?: (progress: ForecastProgress) => void): Promise<ForecastResult>;
}

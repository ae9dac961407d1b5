// The pivot across the engine door (docs/pivot.md): one measure over rows × columns of the
// canonical dimensions, with row, column and grand totals, under the dashboard's period,
// filters and reference date. The worker answers with one page of rows, never the table.
import type { DashboardRequest } from '../../shared/request';
import { DIMENSIONS } from '../../shared/filters';

/** The filter dimensions, the deal's stage, and its close date's fiscal month, quarter or year. */
export const PIVOT_DIMS = [...DIMENSIONS, 'stage', 'month', 'quarter', 'year'] as const;
export type PivotDim = (typeof PIVOT_DIMS)[number];

/** The period dimensions: keys are the bucket's first day, or "past due" (open deals only). */
export const PERIOD_DIMS: readonly PivotDim[] = ['month', 'quarter', 'year'];
export const PAST_DUE_KEY = 'past due';

/** Each measure is the dashboard tile of the same name, cut by the cell (docs/pivot.md). */
export const PIVOT_MEASURES = ['won_amount', 'won_count', 'win_rate', 'cycle', 'pipeline'] as const;
export type PivotMeasure = (typeof PIVOT_MEASURES)[number];

export const isPivotDim = (s: string): s is PivotDim => (PIVOT_DIMS as readonly string[]).includes(s);
export const isPivotMeasure = (s: string): s is PivotMeasure => (PIVOT_MEASURES as readonly string[]).includes(s);

/** One coordinate of a cell: a dimension's value (null = the blank group). */
export interface PivotCoord {
  readonly dim: PivotDim;
  readonly key: string | null;
}

/** A pivot cell or total as a drill-through target (the link's `drill=pivot:…`, docs/pivot.md). */
export interface PivotDrillTarget {
  readonly measure: PivotMeasure;
  readonly cell: readonly PivotCoord[];
}

export interface PivotRequest {
  readonly dashboard: DashboardRequest;
  readonly rows: PivotDim | null;
  readonly cols: PivotDim | null;
  readonly measure: PivotMeasure;
  /** First row of the page (rows in key order) and the page's size (at most 500). */
  readonly rowOffset?: number;
  readonly rowLimit?: number;
  /** Columns shown (at most 100); the rest are counted in `colCount`. */
  readonly colLimit?: number;
  /**
   * Force one road (tests compare them): the close-month cube, or the fact table. By default the
   * cube answers every month-aligned period and the fact table a day range (docs/pivot.md).
   */
  readonly road?: 'cube' | 'rows';
}

export interface PivotKey {
  readonly key: string | null;
  /** The key as a person reads it: "(blank)", "2017 Q3", "Sep 2017", "FY2018", "no close date". */
  readonly label: string;
}

/** The deals behind one cell and the measure they give. */
export interface PivotFigure {
  /** The measure; null when it has no input (no amount, no dates) or money is withheld. */
  readonly value: number | null;
  /** Deals behind the cell (the drill's data-count). */
  readonly count: number;
  /** Their Σ amount (the drill's data-amount); null when none has an amount or currencies are mixed. */
  readonly amount: number | null;
  readonly won: number;
}

export interface PivotCell extends PivotFigure {
  /** Index into rowKeys / colKeys; -1 = the total over that axis. */
  readonly r: number;
  readonly c: number;
}

export interface PivotResult {
  readonly measure: PivotMeasure;
  readonly rows: PivotDim | null;
  readonly cols: PivotDim | null;
  readonly rowKeys: readonly PivotKey[];
  readonly colKeys: readonly PivotKey[];
  readonly rowOffset: number;
  /** Row and column keys in all, whatever the page shows. */
  readonly rowCount: number;
  readonly colCount: number;
  /** Cells with deals behind them, including row totals (c = -1), column totals (r = -1) and the grand total. */
  readonly cells: readonly PivotCell[];
  /** Why money measures are not shown (several currencies), else null. */
  readonly moneyBlocked: string | null;
  readonly periodLabel: string;
  readonly referenceDate: string;
  /** Which deals the measure counts, in words ("Won deals closed in 2017 Q3"). */
  readonly population: string;
}

export interface PivotApi {
  pivot(request: PivotRequest): Promise<PivotResult>;
}

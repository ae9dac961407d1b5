// The pivot screen's data: one page of the pivot for the view in the link, asked of the
// engine whenever the layout, the view or the data changes. A late answer to an older
// request never overwrites a newer one.
import type { PivotRequest, PivotResult } from './contract';
import type { PivotApi } from './contract';
import { dashboardRequest, type DashboardView } from '../../shared/request';
import { DEFAULT_PIVOT, type PivotState } from './hashState';
import { LatestLoader } from '../../platform/latest';

export const PIVOT_PAGE = 50;
/** Columns drawn; more are counted and named on screen (swap the axes or filter). */
export const PIVOT_COLS = 40;
/** An export reads every row, in pages this large (the engine's largest). */
const EXPORT_PAGE = 500;

/** What the pivot reads of the link's view: the dashboard's request and its layout (`pv.*`). */
export type PivotView = DashboardView & { readonly pivot?: PivotState };

export function pivotRequest(view: PivotView, rowOffset: number, rowLimit: number, colLimit = PIVOT_COLS): PivotRequest {
  const p = view.pivot ?? DEFAULT_PIVOT;
  return { dashboard: dashboardRequest(view), rows: p.rows, cols: p.cols, measure: p.measure, rowOffset, rowLimit, colLimit };
}

export class PivotModel {
  result = $state.raw<PivotResult | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  /** The dashboard refresh the result on screen was read after (tests and the benchmark wait for it). */
  shownRefresh = $state(-1);
  private readonly loader = new LatestLoader<PivotResult>(this);

  constructor(private readonly api: PivotApi) {}

  async load(view: PivotView, refresh: number): Promise<void> {
    const page = view.pivot?.page ?? 0;
    await this.loader.run(
      () => this.api.pivot(pivotRequest(view, page * PIVOT_PAGE, PIVOT_PAGE)),
      () => (this.shownRefresh = refresh),
    );
  }

  /** Every row of the pivot (all its columns up to the engine's limit), for CSV and XLSX. */
  async allPages(view: PivotView, colLimit: number): Promise<PivotResult[]> {
    const pages: PivotResult[] = [];
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const page = await this.api.pivot(pivotRequest(view, offset, EXPORT_PAGE, colLimit));
      pages.push(page);
      if (offset + EXPORT_PAGE >= page.rowCount) return pages;
    }
  }
}

// The open drill-through's data: one page of the deals behind the clicked number and the
// totals of all of them, asked of the engine whenever the drill, the view or the data
// changes. A late answer to an older request never overwrites a newer one.
import type { DrillApi, DrillRequest, DrillResult, DrillRow, DrillTarget } from './contract';
import { dashboardRequest, type DashboardView } from '../../shared/request';
import type { MovementWindow } from '../dashboard/movement/contract';
import type { DrillState } from './hashState';
import { LatestLoader } from '../../platform/latest';

export const PAGE_SIZE = 50;
/** An export reads the whole set in pages this large (the engine's largest page). */
const EXPORT_PAGE = 100_000;

/** A screen that holds the rows behind its own marks (the territory planner's assignment) names their accounts. */
export type AccountsFor = (target: DrillTarget) => readonly string[] | null;

/** What the drill reads of the link's view: the dashboard's request, the open drill, the movement's dates, the forecast's as-of day. */
export type DrillView = DashboardView & {
  readonly drill?: DrillState;
  readonly movement?: MovementWindow;
  readonly forecast?: { readonly asOf?: string | null };
};

export function drillRequest(view: DrillView, offset: number, limit: number, accountsFor?: AccountsFor): DrillRequest | null {
  const drill = view.drill;
  if (!drill) return null;
  const accounts = accountsFor?.(drill.target) ?? null;
  return {
    ...(accounts ? { accounts: [...accounts] } : {}),
    dashboard: dashboardRequest(view),
    target: drill.target,
    ...(view.movement ? { movement: view.movement } : {}),
    // A forecast step is read on the forecast screen's period and as-of day.
    ...(drill.target.kind === 'forecast'
      ? { forecast: { period: view.period, ...(view.forecast?.asOf ? { asOf: view.forecast.asOf } : {}) } }
      : {}),
    ...(drill.sort ? { sort: drill.sort } : {}),
    search: drill.search ?? '',
    offset,
    limit,
  };
}

export class DrillModel {
  result = $state.raw<DrillResult | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  /** The request the result on screen answers, and the dashboard refresh it was read after (tests and the benchmark wait for both). */
  shownKey = $state('');
  shownRefresh = $state(-1);
  private readonly loader = new LatestLoader<DrillResult>(this);

  constructor(
    private readonly api: DrillApi,
    private readonly accountsFor?: AccountsFor,
  ) {}

  async load(view: DrillView, offset: number, key: string, refresh: number): Promise<void> {
    const request = drillRequest(view, offset, PAGE_SIZE, this.accountsFor);
    if (!request) return;
    await this.loader.run(
      () => this.api.drill(request),
      () => {
        this.shownKey = key;
        this.shownRefresh = refresh;
      },
    );
  }

  /** Every row that passes the text filter, in the table's order, for CSV and XLSX. */
  async allRows(view: DrillView): Promise<DrillRow[]> {
    const rows: DrillRow[] = [];
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const request = drillRequest(view, offset, EXPORT_PAGE, this.accountsFor);
      if (!request) return rows;
      const page = await this.api.drill(request);
      rows.push(...page.rows);
      if (page.rows.length < EXPORT_PAGE) return rows;
    }
  }
}

// The dashboard's data: one engine call per view change returns every view's numbers; a
// late answer to an older request never overwrites a newer one. `refreshes` counts the
// answers applied (the root exposes it as data-refreshed for tests and the benchmark).
import type { AnalyticsApi, DashboardRequest, DashboardResult } from '../../engine-api/types';

/** The one verb the dashboard reads. */
export type DashboardPort = Pick<AnalyticsApi, 'dashboard'>;
import { periodGroups, type PeriodGroup } from '../../shared/periods/options';
import { dashboardRequest, type DashboardView } from '../../shared/request';

export function requestOf(view: DashboardView): DashboardRequest {
  return dashboardRequest($state.snapshot(view) as DashboardView);
}

export class DashboardModel {
  result = $state<DashboardResult | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  refreshes = $state(0);
  private fiscalStartMonth = $state(1);
  private latest = 0;

  readonly periodGroups: PeriodGroup[] = $derived.by(() => {
    const r = this.result;
    return periodGroups(
      {
        firstClose: r?.extent.firstClose ?? null,
        referenceDate: r?.referenceDate ?? r?.extent.referenceDate ?? null,
        openMonths: r?.extent.openMonths ?? [],
      },
      this.fiscalStartMonth,
    );
  });

  constructor(private readonly api: DashboardPort) {}

  /** Shows a result computed elsewhere (the demo's first paint) as if the engine had answered. */
  show(result: DashboardResult, fiscalStartMonth: number): void {
    this.latest += 1;
    this.result = result;
    this.fiscalStartMonth = fiscalStartMonth;
    this.error = null;
    this.refreshes += 1;
  }

  /** Returns false when the engine failed; `error` says why. */
  async load(view: DashboardView): Promise<boolean> {
    const request = ++this.latest;
    this.pending = true;
    try {
      const result = await this.api.dashboard(requestOf(view));
      if (request === this.latest) {
        this.result = result;
        this.fiscalStartMonth = view.fiscalStartMonth;
        this.error = null;
        this.refreshes += 1;
      }
      return true;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      if (request === this.latest) this.pending = false;
    }
  }
}

// The movement view's data: asked of the engine when the dashboard's view, the data or the
// two dates change. A late answer to an older request never overwrites a newer one.
import type { MovementApi, MovementResult, MovementWindow } from './contract';
import { dashboardRequest, type DashboardView } from '../../../shared/request';

/** What the movement reads of the link's view: the dashboard's request and its two dates. */
export type MovementView = DashboardView & { readonly movement?: MovementWindow };
import { LatestLoader } from '../../../platform/latest';

export class MovementModel {
  result = $state.raw<MovementResult | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  /** The dashboard refresh the result on screen was read after (tests wait for it). */
  shownRefresh = $state(-1);
  private readonly loader = new LatestLoader<MovementResult>(this);

  constructor(private readonly api: MovementApi) {}

  async load(view: MovementView, refresh: number): Promise<void> {
    const request = { dashboard: dashboardRequest(view), ...(view.movement ? { window: view.movement } : {}) };
    await this.loader.run(
      () => this.api.movement(request),
      () => (this.shownRefresh = refresh),
    );
  }
}

// The movement view's data: asked of the engine when the dashboard's view, the data or the
// two dates change. A late answer to an older request never overwrites a newer one.
import type { MovementApi, MovementResult } from '../../../engine-api/movement';
import type { ViewState } from '../../../app/viewState';
import { dashboardRequest } from '../request';

export class MovementModel {
  result = $state.raw<MovementResult | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  /** The dashboard refresh the result on screen was read after (tests wait for it). */
  shownRefresh = $state(-1);
  private latest = 0;

  constructor(private readonly api: MovementApi) {}

  async load(view: ViewState, refresh: number): Promise<void> {
    const ticket = ++this.latest;
    this.pending = true;
    try {
      const result = await this.api.movement({
        dashboard: dashboardRequest(view),
        ...(view.movement ? { window: view.movement } : {}),
      });
      if (ticket !== this.latest) return;
      this.result = result;
      this.error = null;
      this.shownRefresh = refresh;
    } catch (error) {
      if (ticket === this.latest) this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (ticket === this.latest) this.pending = false;
    }
  }
}

// The forecast screen's data: one engine call per change of period, filters, target or
// stage table; progress from the worker while the backtest runs; a late answer to an older
// request never overwrites a newer one.
import type { ForecastApi, ForecastProgress, ForecastResult } from './contract';
import type { Filters } from '../../shared/filters';
import type { ForecastParams } from './hashState';

export interface ForecastView {
  readonly period: string;
  readonly fiscalStartMonth: number;
  readonly filters?: Filters;
  /** Target and stage edits from the link; absent = none. */
  readonly params?: ForecastParams;
}

export class ForecastModel {
  result = $state<ForecastResult | null>(null);
  error = $state<string | null>(null);
  state = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  progress = $state<ForecastProgress | null>(null);
  target = $state<number | null>(null);
  asOf = $state<string | null>(null);
  stageEdits = $state<Record<string, number>>({});
  /** The last edit of a linked model, for the screen to write into the link (syncLink). */
  edited = $state.raw<ForecastParams | null>(null);
  private latest = 0;
  private view: ForecastView | null = null;

  readonly best = $derived(this.result?.backtest.leaderboard.find((r) => r.method === this.result?.recommended) ?? null);

  /**
   * A `linked` model's edits go into the link (the screen syncs `edited` there) and the page
   * then calls load() with the new view. On its own, an edit reloads directly.
   */
  constructor(
    private readonly api: ForecastApi,
    private readonly linked = false,
  ) {}

  async load(view: ForecastView): Promise<void> {
    this.view = view;
    if (view.params) {
      this.target = view.params.target;
      this.asOf = view.params.asOf ?? null;
      this.stageEdits = { ...view.params.stageProbabilities };
    } else if (this.linked) {
      this.target = null;
      this.asOf = null;
      this.stageEdits = {};
    }
    const request = ++this.latest;
    this.state = 'loading';
    this.progress = null;
    const onProgress = (p: ForecastProgress) => {
      if (request === this.latest) this.progress = p;
    };
    try {
      const result = await this.api.forecast(
        {
          period: view.period,
          fiscalStartMonth: view.fiscalStartMonth,
          filters: $state.snapshot(view.filters ?? {}) as Filters,
          target: this.target,
          ...(this.asOf ? { asOf: this.asOf } : {}),
          stageProbabilities: $state.snapshot(this.stageEdits),
        },
        onProgress,
      );
      if (request !== this.latest) return;
      this.result = result;
      this.error = null;
      this.state = 'ready';
    } catch (error) {
      if (request !== this.latest) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.state = 'error';
    }
  }

  setTarget(value: number | null): void {
    this.target = value !== null && Number.isFinite(value) && value > 0 ? value : null;
    this.changed();
  }

  /** Forecast as of another day of the period (null: the default day). */
  setAsOf(value: string | null): void {
    this.asOf = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
    this.changed();
  }

  setStageProbability(stage: string, percent: number): void {
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) return;
    this.stageEdits = { ...this.stageEdits, [stage]: percent / 100 };
    this.changed();
  }

  resetStages(): void {
    this.stageEdits = {};
    this.changed();
  }

  private changed(): void {
    const params: ForecastParams = {
      target: this.target,
      stageProbabilities: $state.snapshot(this.stageEdits),
      asOf: this.asOf,
    };
    if (this.linked) this.edited = params;
    else if (this.view) void this.load({ ...this.view, params });
  }
}

// The forecast screen's data: one engine call per change of period, filters, target or
// stage table; progress from the worker while the backtest runs; a late answer to an older
// request never overwrites a newer one.
import * as Comlink from 'comlink';
import type { ForecastProgress, ForecastResult } from '../../engine-api/forecast';
import type { AnalyticsApi } from '../../engine-api/types';
import type { Filters } from '../../queries/filters';

export interface ForecastView {
  readonly period: string;
  readonly fiscalStartMonth: number;
  readonly filters?: Filters;
}

export class ForecastModel {
  result = $state<ForecastResult | null>(null);
  error = $state<string | null>(null);
  state = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  progress = $state<ForecastProgress | null>(null);
  target = $state<number | null>(null);
  stageEdits = $state<Record<string, number>>({});
  private latest = 0;
  private view: ForecastView | null = null;

  readonly best = $derived(this.result?.backtest.leaderboard.find((r) => r.method === this.result?.recommended) ?? null);

  constructor(private readonly api: AnalyticsApi) {}

  async load(view: ForecastView): Promise<void> {
    this.view = view;
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
          stageProbabilities: $state.snapshot(this.stageEdits),
        },
        Comlink.proxy(onProgress),
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
    if (this.view) void this.load(this.view);
  }

  setStageProbability(stage: string, percent: number): void {
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) return;
    this.stageEdits = { ...this.stageEdits, [stage]: percent / 100 };
    if (this.view) void this.load(this.view);
  }

  resetStages(): void {
    this.stageEdits = {};
    if (this.view) void this.load(this.view);
  }
}

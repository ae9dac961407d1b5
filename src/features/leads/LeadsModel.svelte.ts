// The lead-quality screen's data: one engine call per change of period, filters or grouping; a
// late answer to an older request never overwrites a newer one.
import type { LeadAttribute, LeadQualityResult, LeadsApi } from './contract';
import type { Filters } from '../../shared/filters';

export interface LeadsView {
  readonly period: string;
  readonly fiscalStartMonth: number;
  /** The link's `ref=`; absent = the data's latest date. */
  readonly referenceDate?: string;
  readonly filters?: Filters;
}

export class LeadsModel {
  result = $state<LeadQualityResult | null>(null);
  error = $state<string | null>(null);
  state = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  by = $state<LeadAttribute>('source');
  private latest = 0;
  private view: LeadsView | null = null;

  /** Takes the one verb it uses, not the whole engine API. */
  constructor(private readonly api: LeadsApi) {}

  async load(view: LeadsView): Promise<void> {
    this.view = view;
    const request = ++this.latest;
    this.state = 'loading';
    try {
      const result = await this.api.leadQuality({
        period: view.period,
        fiscalStartMonth: view.fiscalStartMonth,
        ...(view.referenceDate ? { referenceDate: view.referenceDate } : {}),
        by: this.by,
        filters: $state.snapshot(view.filters ?? {}) as Filters,
      });
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

  regroup(by: LeadAttribute): void {
    this.by = by;
    if (this.view) void this.load(this.view);
  }
}

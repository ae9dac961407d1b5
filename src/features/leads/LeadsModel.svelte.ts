// The lead-quality screen's data: one engine call per change of period, filters or grouping (`lq.by`); a
// late answer to an older request never overwrites a newer one.
import type { LeadAttribute, LeadQualityResult, LeadsApi } from './contract';
import type { Filters } from '../../shared/filters';

export interface LeadsView {
  readonly period: string;
  readonly fiscalStartMonth: number;
  /** The link's `ref=`; absent = the data's latest date. */
  readonly referenceDate?: string;
  readonly filters?: Filters;
  /** The link's `lq.by`; absent = source. */
  readonly leadsBy?: LeadAttribute;
}

export class LeadsModel {
  result = $state<LeadQualityResult | null>(null);
  error = $state<string | null>(null);
  state = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  private latest = 0;

  /** Takes the one verb it uses, not the whole engine API. */
  constructor(private readonly api: LeadsApi) {}

  async load(view: LeadsView): Promise<void> {
    const request = ++this.latest;
    this.state = 'loading';
    try {
      const result = await this.api.leadQuality({
        period: view.period,
        fiscalStartMonth: view.fiscalStartMonth,
        ...(view.referenceDate ? { referenceDate: view.referenceDate } : {}),
        by: view.leadsBy ?? 'source',
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
}

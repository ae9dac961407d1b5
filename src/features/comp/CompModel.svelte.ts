// The comp screen's state: the engine's aggregates, the plan being edited, the baseline it
// is compared with, and everything derived from them (pure functions in src/comp/).
import { calibratedPlan, defaultQuarter } from '../../comp/defaults';
import { historyForecasts } from '../../comp/historyForecast';
import { quarterOf } from '../../comp/periods';
import type { CompPlan } from '../../comp/plan';
import { setQuotas } from '../../comp/quotas';
import { computeResults, rowsByRep, summarize, type RepRow } from '../../comp/results';
import { simulateQuarter, type RepForecast } from '../../comp/simulate';
import { checkPlan, parsePlanJson, planToJson } from '../../comp/validate';
import type { CompData } from '../../engine-api/comp';
import type { AnalyticsApi } from '../../engine-api/types';
import { toDraft, type Draft } from './draft';

export type CompState = 'loading' | 'ready' | 'error';

export class CompModel {
  state = $state<CompState>('loading');
  error = $state<string | null>(null);
  data = $state.raw<CompData | null>(null);
  plan = $state<Draft<CompPlan>>(toDraft(calibratedPlanFallback()));
  baseline = $state.raw<CompPlan | null>(null);
  quarter = $state<number | null>(null);
  fiscalStartMonth = $state(1);
  loadMessages = $state<string[]>([]);
  statementRep = $state<string | null>(null);
  /** Per-rep forecasts from the forecasting module, when it provides them (issue 6). */
  forecasts = $state.raw<readonly RepForecast[] | null>(null);
  private latest = 0;

  readonly check = $derived(checkPlan($state.snapshot(this.plan)));
  readonly validPlan: CompPlan | null = $derived(this.check.ok ? this.check.plan : null);
  readonly results = $derived(
    this.data && this.validPlan ? computeResults(this.validPlan, this.data, this.fiscalStartMonth) : null,
  );
  readonly baselineResults = $derived(
    this.data && this.baseline ? computeResults(this.baseline, this.data, this.fiscalStartMonth) : null,
  );
  readonly quarters = $derived((this.results?.quarters ?? []).map((q) => quarterOf(q, this.fiscalStartMonth)).reverse());
  readonly rows: RepRow[] = $derived(
    (this.results?.rows ?? []).filter((r) => r.period === this.quarter).sort((a, b) => a.rep.localeCompare(b.rep)),
  );
  readonly summary = $derived(this.results && this.quarter !== null ? summarize(this.results.rows, this.quarter) : null);
  readonly baselineSummary = $derived(
    this.baselineResults && this.quarter !== null ? summarize(this.baselineResults.rows, this.quarter) : null,
  );
  readonly baselineByRep = $derived(rowsByRep(this.baselineResults?.rows ?? [], this.quarter));
  readonly statementRows = $derived((this.results?.rows ?? []).filter((r) => r.rep === this.statementRep));
  readonly notes = $derived([
    ...(this.data?.quotaRows.length === 0 && this.plan.quota.source !== 'table'
      ? [
          `This data has no quotas table, so quotas are set ${this.plan.quota.source === 'top_down' ? 'top-down from the company target' : 'bottom-up from deals due × win rate'} (see Quotas in the plan).`,
        ]
      : []),
    ...(this.results?.notes ?? []),
    ...(this.data?.clawbackNote ? [this.data.clawbackNote] : []),
  ]);
  readonly simulation = $derived.by(() => this.simulate());

  constructor(private readonly api: AnalyticsApi) {}

  async load(fiscalStartMonth: number, period: string): Promise<void> {
    const request = ++this.latest;
    this.state = 'loading';
    try {
      const data = await this.api.compData({ fiscalStartMonth });
      if (request !== this.latest) return;
      const fitted = calibratedPlan(data, fiscalStartMonth);
      this.fiscalStartMonth = fiscalStartMonth;
      this.data = data;
      this.plan = toDraft(fitted);
      this.baseline = fitted;
      this.quarter = defaultQuarter(data, period, fiscalStartMonth);
      this.state = 'ready';
    } catch (error) {
      if (request !== this.latest) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.state = 'error';
    }
  }

  keepAsBaseline(): void {
    if (this.validPlan) this.baseline = structuredClone(this.validPlan);
  }

  resetToBaseline(): void {
    if (this.baseline) this.plan = toDraft(this.baseline);
  }

  planJson(): string {
    return planToJson($state.snapshot(this.plan) as CompPlan);
  }

  /** Loads a saved plan; on a bad file the current plan stays and the messages say why. */
  loadPlanJson(text: string): boolean {
    const parsed = parsePlanJson(text);
    if (!parsed.ok) {
      this.loadMessages = [...parsed.errors];
      return false;
    }
    this.loadMessages = [];
    this.plan = toDraft(parsed.plan);
    return true;
  }

  /** The quarter after the data's last: from real forecasts when given, else each rep's own history. */
  private simulate() {
    const data = this.data;
    const plan = this.validPlan;
    if (!data || !plan || data.lastQuarter === null) return null;
    const next = data.lastQuarter + 1;
    const quotas = setQuotas(plan.quota, data, [...(this.results?.quarters ?? []), next], this.fiscalStartMonth).quotas;
    const fromForecast = this.forecasts !== null;
    const forecasts = this.forecasts ?? historyForecasts(data, quotas, next);
    if (forecasts.length === 0) return null;
    return {
      quarter: quarterOf(next, this.fiscalStartMonth),
      source: fromForecast ? 'forecast' : 'history',
      ...simulateQuarter(plan, forecasts, 1000, 20261129),
    };
  }
}

function calibratedPlanFallback(): CompPlan {
  return calibratedPlan({
    reps: [],
    bookings: [],
    deals: [],
    clawbacks: [],
    clawbackNote: null,
    quotaRows: [],
    firstQuarter: null,
    lastQuarter: null,
    referenceDate: null,
  });
}

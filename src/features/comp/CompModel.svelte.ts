// The comp screen's state: the engine's aggregates, the plan being edited, the baseline it
// is compared with, and everything derived from them (pure functions in src/features/comp/core/).
import { calibratedPlan, defaultQuarter } from './core/defaults';
import { forecastDraws, forecastRepForecasts, type ForecastDraws } from './core/forecastSource';
import { historyForecasts } from './core/historyForecast';
import { quarterOf } from './core/periods';
import type { CompPlan } from './core/plan';
import { setQuotas } from './core/quotas';
import { computeResults, rowsByRep, summarize, type RepRow } from './core/results';
import { simulateQuarter } from './core/simulate';
import { checkPlan, parsePlanJson, planToJson } from './core/validate';
import type { CompApi, CompData } from './contract';
import type { ForecastApi } from '../forecast/contract';

/** The verbs the comp modeler uses: its data, and the forecast for the joint simulation. */
export type CompPort = CompApi & Pick<ForecastApi, 'forecast'>;
import { toDraft, type Draft } from './draft';

export type CompState = 'loading' | 'ready' | 'error';

/** Monte Carlo draws per rep asked of the forecast, and scenarios drawn from them. */
const FORECAST_DRAWS_PER_REP = 2000;
const SIMULATION_DRAWS = 1000;

export class CompModel {
  state = $state<CompState>('loading');
  error = $state<string | null>(null);
  data = $state.raw<CompData | null>(null);
  plan = $state<Draft<CompPlan>>(toDraft(calibratedPlanFallback()));
  baseline = $state.raw<CompPlan | null>(null);
  /** The plan fitted to the data: the link carries the edited plan only when it differs from this one. */
  fitted = $state.raw<CompPlan | null>(null);
  quarter = $state<number | null>(null);
  fiscalStartMonth = $state(1);
  loadMessages = $state<string[]>([]);
  statementRep = $state<string | null>(null);
  /** Per-rep Monte Carlo draws from the forecast of the next quarter, when it is for that quarter. */
  forecasts = $state.raw<ForecastDraws | null>(null);
  /** Why the simulation falls back to each rep's history (no forecast, or one for another quarter). */
  forecastNote = $state<string | null>(null);
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
    ...(this.data?.teamsFrom === 'manager'
      ? ["The reps file has no team column, so each manager's reps are one team, named after the manager."]
      : []),
    ...(this.results?.notes ?? []),
    ...(this.data?.clawbackNote ? [this.data.clawbackNote] : []),
  ]);
  readonly simulation = $derived.by(() => this.simulate());

  constructor(private readonly api: CompPort) {}

  /** `linkPlan`: the plan the link carries (edits survive a reload); else the plan fitted to the data. */
  async load(fiscalStartMonth: number, period: string, linkPlan?: CompPlan): Promise<void> {
    const request = ++this.latest;
    this.state = 'loading';
    try {
      const data = await this.api.compData({ fiscalStartMonth });
      if (request !== this.latest) return;
      const fitted = calibratedPlan(data, fiscalStartMonth);
      this.fiscalStartMonth = fiscalStartMonth;
      this.data = data;
      this.plan = toDraft(linkPlan ?? fitted);
      this.fitted = fitted;
      this.baseline = fitted;
      this.quarter = defaultQuarter(data, period, fiscalStartMonth);
      this.state = 'ready';
      void this.loadForecast(data, fiscalStartMonth, request);
    } catch (error) {
      if (request !== this.latest) return;
      this.error = error instanceof Error ? error.message : String(error);
      this.state = 'error';
    }
  }

  /** The forecast of the next quarter, without its backtest: each rep's draws feed the simulation. */
  private async loadForecast(data: CompData, fiscalStartMonth: number, request: number): Promise<void> {
    this.forecasts = null;
    this.forecastNote = null;
    if (data.lastQuarter === null) return;
    const next = quarterOf(data.lastQuarter + 1, fiscalStartMonth);
    try {
      const result = await this.api.forecast({ fiscalStartMonth, skipBacktest: true, repDraws: FORECAST_DRAWS_PER_REP });
      if (request !== this.latest) return;
      const draws = forecastDraws(result);
      if (result.periodStart !== next.start) {
        this.forecastNote = `The forecast is for ${result.periodLabel}, not ${next.label}.`;
      } else if (!draws) {
        this.forecastNote = 'The forecast has no per-rep distributions.';
      } else this.forecasts = draws;
    } catch (error) {
      if (request !== this.latest) return;
      this.forecastNote = `The forecast could not be computed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** The plan for the link: the valid edited plan, or undefined while it is the fitted one (or invalid). */
  linkPlan(): CompPlan | undefined {
    const plan = this.validPlan;
    if (!plan || !this.fitted) return undefined;
    // Both through the same checker, so key order cannot make an untouched plan look edited.
    const fitted = checkPlan(this.fitted);
    return fitted.ok && JSON.stringify(plan) === JSON.stringify(fitted.plan) ? undefined : plan;
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
    const source = this.forecasts;
    const forecasts = source ? forecastRepForecasts(source, data, quotas, next) : historyForecasts(data, quotas, next);
    if (forecasts.length === 0) return null;
    return {
      quarter: quarterOf(next, this.fiscalStartMonth),
      source: source ? ('forecast' as const) : ('history' as const),
      forecastDraws: source?.draws ?? null,
      note: source ? null : this.forecastNote,
      ...simulateQuarter(plan, forecasts, SIMULATION_DRAWS, SIMULATION_SEED),
    };
  }
}

/**
 * The simulation's own fixed seed (docs/comp.md): a plan shows the same simulation on every
 * visit and in a shared link. Any number works; it equals the demo generator's seed only by
 * history, and nothing ties the two.
 */
const SIMULATION_SEED = 20261129;

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

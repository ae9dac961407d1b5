// The territory planner's state: today's territories from the engine, design options, the
// running design (progress, stop), the proposed assignment with what-if moves, and locks.
import type { TerritoriesApi, TerritoryAccount } from './contract';
import type { DesignMode, DesignResponse, TerritoryWorkerApi } from './core/plannerTypes';
import type { Progress } from './core/steps';
import { createTerritoryClient } from './client';
import { type GuardedWorker, WorkerRestartedError } from '../../platform/worker/guarded';
import { assignmentCsv } from './exportCsv';
import type { ExportData } from '../../export/tables';
import { DEFAULT_BUDGET_PCT, DEFAULT_TERRITORY, territoryKey, type Compactness, type TerritoryParams } from './hashState';
import { GROUPINGS, measureOf, type Grouping, type Measure } from './measures';
import { namedTerritories } from './named';
import { placeAll } from './placeAll';
import type { PlacementSummary } from './core/placement';
import { accountsMovedFraction, summarize, type Summary } from './summary';

export type RunState = 'idle' | 'running' | 'done' | 'stopped' | 'error';

export class TerritoriesModel {
  accounts = $state<readonly TerritoryAccount[]>([]);
  unmatchedDeals = $state(0);
  loadError = $state<string | null>(null);
  grouping = $state<Grouping>('territory');
  potential = $state<Measure>('annualRevenue');
  workload = $state<Measure>('accounts');
  mode = $state<DesignMode>('points');
  territories = $state(8);
  balance = $state<Measure[]>(['annualRevenue', 'accounts']);
  tolerancePct = $state(5);
  seed = $state(1);
  fromCurrent = $state(false);
  budgetPct = $state(DEFAULT_BUDGET_PCT);
  budgetOn = $state<'accounts' | 'potential'>('accounts');
  objective = $state<Compactness | 'none'>('none');
  /** Set by a link's t.design=1: the design runs once the accounts are loaded. */
  private designOnOpen = $state(false);
  /** The options (as link text) of the design on screen: the link says t.design=1 while they still hold. */
  private designedKey = $state<string | null>(null);
  /** How the accounts were placed on the map (coordinates, ZIP code, state) and which were not. */
  placement = $state.raw<PlacementSummary | null>(null);
  placementProblem = $state<string | null>(null);
  /** Why today's territories come from another column than the link or default asked for. */
  groupingNote = $state<string | null>(null);
  locks = $state<Record<string, string>>({});
  runState = $state<RunState>('idle');
  progress = $state<Progress | null>(null);
  runError = $state<string | null>(null);
  result = $state.raw<DesignResponse | null>(null);
  proposed = $state.raw<readonly string[] | null>(null);
  private client: GuardedWorker<TerritoryWorkerApi> | null = null;

  readonly current: readonly (string | null)[] = $derived(this.accounts.map((a) => a[this.grouping]));
  readonly today: Summary = $derived(summarize(this.accounts, this.current, this.potential, this.workload));
  readonly proposal: Summary | null = $derived(
    this.proposed ? summarize(this.accounts, this.proposed, this.potential, this.workload, this.result?.territoryNames) : null,
  );
  readonly disruption: number | null = $derived(this.proposed ? accountsMovedFraction(this.current, this.proposed) : 0);
  /** The options a link carries (src/features/territories/hashState.ts). */
  readonly params: TerritoryParams = $derived.by(() => {
    const p = this.baseParams;
    // A pending design keeps t.design=1 in the link, so a screen opened again from it runs it too.
    const designed = this.designOnOpen || (this.designedKey !== null && this.designedKey === territoryKey(p));
    return designed ? { ...p, design: true as const } : p;
  });
  private readonly baseParams: TerritoryParams = $derived({
    ...(this.budgetPct !== DEFAULT_BUDGET_PCT ? { budgetPct: this.budgetPct } : {}),
    ...(this.budgetOn === 'potential' ? { budgetOn: 'potential' as const } : {}),
    ...(this.objective !== 'none' ? { objective: this.objective } : {}),
    grouping: this.grouping,
    potential: this.potential,
    workload: this.workload,
    mode: this.mode,
    territories: this.territories,
    balance: [...this.balance],
    tolerancePct: this.tolerancePct,
    seed: this.seed,
    fromCurrent: this.fromCurrent,
  });
  readonly hasGeography = $derived(this.accounts.some((a) => a.latitude !== null && a.longitude !== null));
  /** Today's named-account territories (judged on balance and disruption only, never on contiguity). */
  readonly named: readonly string[] = $derived(namedTerritories(this.accounts, this.current));

  /** What the map draws: map units by territory (county/state designs) or account points. */
  readonly mapView = $derived.by(() => {
    const shown = this.proposed ?? this.current;
    const result = this.result;
    const units = result?.units;
    if (result && units && this.proposed) {
      const entries: [string, string][] = units.ids.map((id, u) => [id, result.territoryNames[units.territory[u] ?? -1] ?? '']);
      // What-if moves change accounts; their units follow (later entries win).
      result.unitOf.forEach((u, i) => {
        const id = units.ids[u];
        const t = shown[i];
        if (id !== undefined && t) entries.push([id, t]);
      });
      return { level: units.level, unitTerritory: Object.fromEntries(entries), points: null };
    }
    const points = this.accounts.flatMap((a, i) =>
      a.latitude === null || a.longitude === null
        ? []
        : [{ lon: a.longitude, lat: a.latitude, territory: shown[i] ?? '', label: a.name, id: a.id }],
    );
    return { level: 'states' as const, unitTerritory: {} as Record<string, string>, points };
  });

  constructor(private readonly api: TerritoriesApi) {}

  async load(): Promise<void> {
    try {
      const data = await this.api.territoryAccounts();
      const { accounts, placement, problem } = await placeAll(data.accounts);
      this.accounts = accounts;
      this.placement = placement;
      this.placementProblem = problem;
      this.unmatchedDeals = data.unmatchedDeals;
      this.loadError = null;
      this.result = null;
      this.proposed = null;
      if (!this.hasGeography) this.mode = 'accounts';
      this.pickGrouping();
      if (this.designOnOpen && this.accounts.length > 0) {
        this.designOnOpen = false;
        await this.run();
      }
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Today's territories from a column the data has: when no account carries the chosen one
   * (Maven has no territory column), the first of territory, owner, owner's region, state that
   * some account carries, and the screen says so.
   */
  private pickGrouping(): void {
    const has = (g: Grouping) => this.accounts.some((a) => a[g] !== null && a[g] !== '');
    if (this.accounts.length === 0 || has(this.grouping)) {
      this.groupingNote = null;
      return;
    }
    const usable = GROUPINGS.find((g) => has(g.id));
    if (!usable) return;
    const wanted = GROUPINGS.find((g) => g.id === this.grouping)?.label ?? this.grouping;
    this.groupingNote = `No account has "${wanted}"; today's territories come from "${usable.label}".`;
    this.grouping = usable.id;
  }

  /** Options from a link (or its absence: the defaults); the design on screen stays until run again. */
  applyParams(p: TerritoryParams = DEFAULT_TERRITORY): void {
    this.grouping = p.grouping;
    this.potential = p.potential;
    this.workload = p.workload;
    // A link's map units on data without coordinates: named accounts, as load() decides.
    this.mode = this.accounts.length > 0 && !this.hasGeography ? 'accounts' : p.mode;
    this.territories = p.territories;
    this.balance = [...p.balance];
    this.tolerancePct = p.tolerancePct;
    this.seed = p.seed;
    this.fromCurrent = p.fromCurrent;
    this.budgetPct = p.budgetPct ?? DEFAULT_BUDGET_PCT;
    this.budgetOn = p.budgetOn ?? 'accounts';
    this.objective = p.objective ?? 'none';
    if (p.design && territoryKey({ ...p, design: undefined }) !== this.designedKey) {
      if (this.accounts.length > 0) void this.run();
      else this.designOnOpen = true;
    }
    if (this.accounts.length > 0) this.pickGrouping();
  }

  toggleBalance(m: Measure): void {
    if (this.balance.includes(m)) this.balance = this.balance.filter((x) => x !== m);
    else if (this.balance.length < 3) this.balance = [...this.balance, m];
  }

  async run(): Promise<void> {
    if (this.balance.length === 0) {
      this.runError = 'Choose at least one attribute to balance.';
      this.runState = 'error';
      return;
    }
    this.client ??= createTerritoryClient();
    const key = territoryKey(this.baseParams);
    this.runState = 'running';
    this.runError = null;
    this.progress = null;
    const k = this.balance.length;
    const weights = this.accounts.flatMap((a) => this.balance.map((m) => measureOf(a, m) ?? 0));
    try {
      const result = await this.client.api.design(
        {
          mode: this.mode,
          territories: Math.max(1, Math.round(this.territories)),
          tolerance: this.tolerancePct / 100,
          seed: Math.round(this.seed),
          fromCurrent: this.fromCurrent,
          ids: this.accounts.map((a) => a.id),
          current: [...this.current],
          latitude: this.accounts.map((a) => a.latitude),
          longitude: this.accounts.map((a) => a.longitude),
          weights,
          k,
          locks: $state.snapshot(this.locks),
          budget: { on: this.budgetOn, fraction: Math.min(100, Math.max(0, this.budgetPct)) / 100 },
          potential: this.accounts.map((a) => measureOf(a, this.potential)),
          named: [...this.named],
          ...(this.objective !== 'none' ? { objective: this.objective } : {}),
        },
        (p: Progress) => (this.progress = p),
      );
      this.result = result;
      this.proposed = result.assignment;
      this.runState = 'done';
      this.designedKey = key;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A planner that died also "stopped": only the user's stop request counts as one.
      const crashed = error instanceof WorkerRestartedError;
      this.runState = !crashed && /stopped/i.test(message) ? 'stopped' : 'error';
      this.runError = this.runState === 'stopped' ? null : message;
    }
  }

  stop(): void {
    void this.client?.api.stop();
  }

  /** Ends the planner's worker (the screen unmounted); a later design starts a new one. */
  dispose(): void {
    this.client?.terminate();
    this.client = null;
  }

  /** The account the what-if form acts on: typed (id or name), chosen in the list or clicked on the map. */
  picked = $state('');

  /** A map click: an account point, or a unit (its first account there). */
  pick(target: string): void {
    if (!target.startsWith('unit:')) {
      this.picked = this.accounts.find((a) => a.id === target)?.name ?? target;
      return;
    }
    const units = this.result?.units;
    const unit = units ? units.ids.indexOf(target.slice(5)) : -1;
    const index = unit >= 0 ? (this.result?.unitOf.indexOf(unit) ?? -1) : -1;
    const account = this.accounts[index];
    if (account) this.picked = account.name;
  }

  /** An account by id, by exact name (any case), or by the one name that starts with the text. */
  findAccount(text: string): string | null {
    const q = text.trim().toLowerCase();
    if (q === '') return null;
    const byId = this.accounts.find((a) => a.id.toLowerCase() === q);
    if (byId) return byId.id;
    const exact = this.accounts.filter((a) => a.name.toLowerCase() === q);
    if (exact.length === 1) return exact[0]?.id ?? null;
    const prefix = this.accounts.filter((a) => a.name.toLowerCase().startsWith(q));
    return prefix.length === 1 ? (prefix[0]?.id ?? null) : null;
  }

  /** What-if: one account (or, on a map design, its whole unit) to another territory. */
  move(accountId: string, territory: string, lock: boolean): string | null {
    const proposed = this.proposed;
    const index = this.accounts.findIndex((a) => a.id === accountId);
    if (!proposed) return 'Design territories first; what-if moves change the proposal.';
    if (index < 0) return `No account has the id or name "${accountId}" (or several names start with it).`;
    const unit = this.result?.units ? (this.result.unitOf[index] ?? -1) : -1;
    const next = [...proposed];
    const moved: string[] = [];
    this.accounts.forEach((a, i) => {
      if (i === index || (unit >= 0 && this.result?.unitOf[i] === unit)) {
        next[i] = territory;
        moved.push(a.id);
      }
    });
    this.proposed = next;
    if (lock) this.locks = { ...this.locks, ...Object.fromEntries(moved.map((id) => [id, territory])) };
    return null;
  }

  unlockAll(): void {
    this.locks = {};
  }

  /** The assignment, ready to load back into the CRM: the CSV through its own writer, the workbook from the rows. */
  assignment(): ExportData {
    const ids = this.accounts.map((a) => a.id);
    const proposed = this.proposed ?? this.current;
    return {
      header: ['account_id', 'current_territory', 'new_territory'],
      rows: ids.map((id, i) => [id, this.current[i] ?? null, proposed[i] ?? null]),
      csv: assignmentCsv(ids, this.current, proposed),
    };
  }
}

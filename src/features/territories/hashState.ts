// The territory planner's part of the URL hash (only values other than the default are written):
//   t.by=territory|owner|region|state      what today's territories are          (territory)
//   t.pot=<measure>  t.work=<measure>      potential and workload measures       (annualRevenue, accounts)
//   t.mode=points|counties|states|accounts the design's units                    (points)
//   t.n=<1–200>                            number of territories                 (8)
//   t.bal=<measure>,<measure>              1–3 balanced measures                 (annualRevenue,accounts)
//   t.tol=<0.5–50>                         tolerance in percent                  (5)
//   t.seed=<integer>                       the design's seed                     (1)
//   t.from=1                               start from today's territories        (off)
//   t.budget=<0–100>                       disruption budget in percent          (10)
//   t.bon=potential                        the budget counts potential           (accounts)
//   t.obj=diameter|inertia                 compactness objective beside balance  (none)
//   t.design=1                             run the design on open (same seed, same result)
// Read leniently: a bad value falls back to the default with a notice, never a crash.
import type { DesignMode } from './core/plannerTypes';
import { GROUPINGS, MEASURES, type Grouping, type Measure } from './measures';

export interface TerritoryParams {
  readonly grouping: Grouping;
  readonly potential: Measure;
  readonly workload: Measure;
  readonly mode: DesignMode;
  readonly territories: number;
  readonly balance: readonly Measure[];
  readonly tolerancePct: number;
  readonly seed: number;
  readonly fromCurrent: boolean;
  /** Disruption budget in percent of accounts (or of potential); absent: 10. */
  readonly budgetPct?: number;
  readonly budgetOn?: 'potential';
  /** Compactness objective beside balance; absent: balance only. */
  readonly objective?: Compactness;
  /** Run the design when the screen opens (a link that reproduces a proposal). */
  readonly design?: true;
}

export type Compactness = 'diameter' | 'inertia';
export const DEFAULT_BUDGET_PCT = 10;

export const DEFAULT_TERRITORY: TerritoryParams = {
  grouping: 'territory',
  potential: 'annualRevenue',
  workload: 'accounts',
  mode: 'points',
  territories: 8,
  balance: ['annualRevenue', 'accounts'],
  tolerancePct: 5,
  seed: 1,
  fromCurrent: false,
};

const MODES: readonly DesignMode[] = ['points', 'counties', 'states', 'accounts'];
const MEASURE_IDS: readonly string[] = MEASURES.map((m) => m.id);
const isMeasure = (v: string): v is Measure => MEASURE_IDS.includes(v);
const isGrouping = (v: string): v is Grouping => GROUPINGS.some((g) => g.id === v);
const isMode = (v: string): v is DesignMode => (MODES as readonly string[]).includes(v);
const validCount = (n: number) => Number.isInteger(n) && n >= 1 && n <= 200;
const validTolerance = (n: number) => Number.isFinite(n) && n >= 0.5 && n <= 50;
const validSeed = (n: number) => Number.isSafeInteger(n);
const validBudget = (n: number) => Number.isFinite(n) && n >= 0 && n <= 100;

/** The territory keys of a hash; undefined when the link has none (all defaults). */
export function readTerritoryHash(params: URLSearchParams, problems: string[]): TerritoryParams | undefined {
  if (![...params.keys()].some((k) => k.startsWith('t.'))) return undefined;
  const d = DEFAULT_TERRITORY;
  const pick = <T>(key: string, ok: (v: string) => T | undefined, fallback: T, what: string): T => {
    const raw = params.get(key);
    if (raw === null) return fallback;
    const value = ok(raw);
    if (value !== undefined) return value;
    problems.push(`The link's territory ${what} "${raw}" is not valid; using ${String(fallback)}.`);
    return fallback;
  };
  const num = (valid: (n: number) => boolean) => (raw: string) => {
    const n = Number(raw);
    return raw.trim() !== '' && valid(n) ? n : undefined;
  };
  const measure = (raw: string) => (isMeasure(raw) ? raw : undefined);
  const state: TerritoryParams = {
    grouping: pick('t.by', (v) => (isGrouping(v) ? v : undefined), d.grouping, 'grouping'),
    potential: pick('t.pot', measure, d.potential, 'potential'),
    workload: pick('t.work', measure, d.workload, 'workload'),
    mode: pick('t.mode', (v) => (isMode(v) ? v : undefined), d.mode, 'units'),
    territories: pick('t.n', num(validCount), d.territories, 'count (1–200)'),
    balance: pick('t.bal', readBalance, d.balance, 'balance (1–3 measures)'),
    tolerancePct: pick('t.tol', num(validTolerance), d.tolerancePct, 'tolerance (0.5–50 %)'),
    seed: pick('t.seed', num(validSeed), d.seed, 'seed'),
    fromCurrent: pick('t.from', (v) => (v === '1' ? true : v === '0' ? false : undefined), d.fromCurrent, 'start'),
  };
  const budgetPct = pick('t.budget', num(validBudget), DEFAULT_BUDGET_PCT, 'disruption budget (0–100 %)');
  const budgetOn = pick('t.bon', (v) => (v === 'potential' || v === 'accounts' ? v : undefined), 'accounts', 'budget basis');
  const objective = pick(
    't.obj',
    (v) => (v === 'diameter' || v === 'inertia' || v === 'none' ? v : undefined),
    'none',
    'objective',
  );
  const design = pick('t.design', (v) => (v === '1' ? true : v === '0' ? false : undefined), false, 'design on open');
  Object.assign(state, {
    ...(budgetPct !== DEFAULT_BUDGET_PCT ? { budgetPct } : {}),
    ...(budgetOn === 'potential' ? { budgetOn } : {}),
    ...(objective !== 'none' ? { objective } : {}),
    ...(design ? { design } : {}),
  });
  return territoryKey(state) === '' ? undefined : state;
}

function readBalance(raw: string): readonly Measure[] | undefined {
  const parts = raw.split(',');
  const unique = new Set(parts);
  return parts.length >= 1 && parts.length <= 3 && unique.size === parts.length && parts.every(isMeasure) ? parts : undefined;
}

/** Whether the planner's current values can go into a link (a half-typed number cannot). */
export function validTerritory(p: TerritoryParams): boolean {
  return (
    validCount(p.territories) &&
    validTolerance(p.tolerancePct) &&
    validSeed(p.seed) &&
    validBudget(p.budgetPct ?? DEFAULT_BUDGET_PCT) &&
    readBalance(p.balance.join(',')) !== undefined
  );
}

export function writeTerritoryHash(state: TerritoryParams | undefined, params: URLSearchParams): void {
  if (!state || !validTerritory(state)) return;
  const d = DEFAULT_TERRITORY;
  if (state.grouping !== d.grouping) params.set('t.by', state.grouping);
  if (state.potential !== d.potential) params.set('t.pot', state.potential);
  if (state.workload !== d.workload) params.set('t.work', state.workload);
  if (state.mode !== d.mode) params.set('t.mode', state.mode);
  if (state.territories !== d.territories) params.set('t.n', String(state.territories));
  if (state.balance.join(',') !== d.balance.join(',')) params.set('t.bal', state.balance.join(','));
  if (state.tolerancePct !== d.tolerancePct) params.set('t.tol', String(state.tolerancePct));
  if (state.seed !== d.seed) params.set('t.seed', String(state.seed));
  if (state.fromCurrent !== d.fromCurrent) params.set('t.from', '1');
  if ((state.budgetPct ?? DEFAULT_BUDGET_PCT) !== DEFAULT_BUDGET_PCT) params.set('t.budget', String(state.budgetPct));
  if (state.budgetOn === 'potential') params.set('t.bon', 'potential');
  if (state.objective) params.set('t.obj', state.objective);
  if (state.design) params.set('t.design', '1');
}

/** The parameters as their hash text ('' for all defaults): equal text, equal link. */
export function territoryKey(state: TerritoryParams | undefined): string {
  const params = new URLSearchParams();
  writeTerritoryHash(state, params);
  return params.toString();
}

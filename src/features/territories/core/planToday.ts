// Rebalancing from today's territories as the CRM has them: every account starts in its own
// territory (no snapping to map units), so "accounts moved" is the true count. The map only
// judges contiguity (docs/territories.md, "Today's territories on a map").
import { budgetRebalance, type BudgetOutcome, type BudgetProblem } from './budgetRebalance';
import type { UnitSetup } from './planner';
import type { BudgetReport, DesignRequest, DesignResponse, DisruptionBudget } from './plannerTypes';
import type { Steps } from './steps';

export const DEFAULT_BUDGET: DisruptionBudget = { on: 'accounts', fraction: 0.1 };
/** What "the next step" of budget adds, in percentage points. */
export const NEXT_STEP = 0.05;

export function* planFromToday(req: DesignRequest, setup: UnitSetup): Steps<Omit<DesignResponse, 'elapsedMs'>> {
  const n = req.ids.length;
  const names = [...new Set([...req.current.filter((c): c is string => c !== null), ...Object.values(req.locks)])].sort();
  if (names.length === 0)
    throw new Error('No account has a territory today: there is nothing to rebalance; design new territories instead.');
  const indexOf = new Map(names.map((name, i) => [name, i]));
  const start = Int32Array.from(req.current, (c) => (c === null ? -1 : (indexOf.get(c) ?? -1)));
  const locks = Int32Array.from(req.ids, (id) => indexOf.get(req.locks[id] ?? '') ?? -1);
  const named = new Set(req.named ?? []);
  const free = Uint8Array.from(names, (name) => (named.has(name) ? 1 : 0));
  const budget = req.budget ?? DEFAULT_BUDGET;
  const potential = Float64Array.from({ length: n }, (_, i) => Math.max(0, req.potential?.[i] ?? 0));
  const cost = budget.on === 'potential' ? potential : new Float64Array(n).fill(1);
  let costTotal = 0;
  for (let i = 0; i < n; i++) if ((start[i] ?? -1) >= 0) costTotal += cost[i] ?? 0;
  const weights = Float64Array.from(req.weights);
  for (const w of weights) if (!(w >= 0) || !Number.isFinite(w)) throw new Error('Balanced attributes must be finite and ≥ 0.');
  const onMap = req.mode !== 'accounts' && setup.graph;
  const problem = (fraction: number): BudgetProblem => ({
    n,
    k: req.k,
    weights,
    territories: names.length,
    start,
    locks,
    tolerance: req.tolerance,
    cost,
    budget: fraction * costTotal,
    free,
    potential,
    ...(onMap && setup.graph ? { unitOf: setup.unitOf, graph: setup.graph } : {}),
  });
  const outcome = yield* budgetRebalance(problem(budget.fraction));
  const needMore = outcome.maxDeviation > req.tolerance || outcome.discontiguous.length > 0;
  const nextFraction = Math.min(1, budget.fraction + NEXT_STEP);
  const next = needMore && budget.fraction < 1 ? yield* budgetRebalance(problem(nextFraction)) : null;

  const withStart = start.reduce((s, t) => s + (t >= 0 ? 1 : 0), 0);
  const potentialToday = potential.reduce((s, v, i) => s + ((start[i] ?? -1) >= 0 ? v : 0), 0);
  const shares = (o: BudgetOutcome) => {
    let potMoved = 0;
    for (let i = 0; i < n; i++) if ((start[i] ?? -1) >= 0 && o.assignment[i] !== start[i]) potMoved += potential[i] ?? 0;
    return {
      accounts: withStart > 0 ? o.moved / withStart : 0,
      potential: potentialToday > 0 ? potMoved / potentialToday : null,
    };
  };
  const moved = shares(outcome);
  let lockCost = 0;
  for (let i = 0; i < n; i++)
    if ((locks[i] ?? -1) >= 0 && (start[i] ?? -1) >= 0 && locks[i] !== start[i]) lockCost += cost[i] ?? 0;
  const report: BudgetReport = {
    budget,
    accountsFraction: moved.accounts,
    potentialFraction: moved.potential,
    locksOverBudget: lockCost > budget.fraction * costTotal + 1e-9,
    pieces: outcome.pieces.map((p) => ({ territory: names[p.territory] ?? '', units: p.units, accounts: p.accounts })),
    discontiguousToday: outcome.splitToday,
    next: next
      ? {
          fraction: nextFraction,
          maxDeviation: next.maxDeviation,
          accountsFraction: shares(next).accounts,
          discontiguous: next.discontiguous.length,
        }
      : null,
  };
  const geo = setup.geo;
  const unitTerritory = outcome.unitTerritory;
  return {
    territoryNames: names,
    assignment: Array.from(outcome.assignment, (t) => names[t] ?? ''),
    unitOf: [...setup.unitOf],
    maxDeviation: outcome.maxDeviation,
    withinTolerance: outcome.maxDeviation <= req.tolerance,
    discontiguous: outcome.discontiguous.length,
    unplaced: setup.unitOf.reduce((s, u) => s + (u < 0 ? 1 : 0), 0),
    tradeoff: thin(
      outcome.tradeoff.map((p) => ({
        moved: p.moved,
        maxDeviation: p.maxDeviation,
        potentialMoved: p.potential,
      })),
      200,
    ),
    units:
      geo && unitTerritory
        ? {
            level: geo.level,
            ids: geo.ids,
            names: geo.names,
            territory: [...unitTerritory],
            accounts: accountsPerUnit(setup.unitOf, geo.ids.length),
          }
        : null,
    budget: report,
  };
}

function accountsPerUnit(unitOf: Int32Array, units: number): number[] {
  const out = new Array<number>(units).fill(0);
  for (const u of unitOf) if (u >= 0) out[u] = (out[u] ?? 0) + 1;
  return out;
}

/** At most `max` points, always keeping the first and the last. */
function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)] as T);
}

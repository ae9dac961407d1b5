// One request → the forecast screen: the target period's forecast by every method, the
// backtest leaderboard on this data, and the breakdowns. SQL rebuilds each as-of date;
// the pure models in src/forecast do the rest. Deal-level data never leaves the worker.
import type { ForecastProgress, ForecastRequest, ForecastResult, MethodEstimate } from '../../../src/engine-api/forecast';
import { chooseTarget, addDays, periodGrid, trailingWindows, type Target, type Window } from '../../../src/forecast/calendar';
import { METHOD_LABELS } from '../../../src/forecast/labels';
import { forecastAll } from '../../../src/forecast/methods';
import { probabilityAtLeast } from '../../../src/forecast/monteCarlo';
import { defaultProbability, stageTable } from '../../../src/forecast/stageTable';
import type { Cell, MethodId } from '../../../src/forecast/types';
import type { AnalyticsContext } from '../context';
import { planGrid, scoreGrid, toCells, type Setup } from './backtestRun';
import {
  closedSoFarQuery,
  dataFactsQuery,
  stagesQuery,
  teamsQuery,
  windowFactsQuery,
  cellsQuery,
  ownerNewWonQuery,
  type OwnerNewWonRow,
  type SqlWindow,
  type CellRow,
  type DataFactsRow,
  type StageRow,
  type WindowFactsRow,
} from './queries';
import { WindowSet, mergeOwners } from './windows';
import { groupForecasts, waterfall } from './rollups';
import { honestyNotes, isHonest } from './honesty';

export const MIN_DRAWS = 10_000;
/** Draws per rep and per team for their P10–P90 (more when the comp screen asks for the draws). */
const REP_DRAWS = 2000;

export function forecast(
  ctx: AnalyticsContext,
  request: ForecastRequest,
  onProgress?: (p: ForecastProgress) => void,
): ForecastResult {
  const facts = ctx.sql.one<DataFactsRow>(dataFactsQuery());
  if (!facts.reference_date || !facts.first_close) {
    throw new Error(
      'The forecast needs closed deals with close dates and deals with created dates; none are loaded. Load an export that has them.',
    );
  }
  const asOf = addDays(facts.reference_date, 1);
  const target = chooseTarget(request.period, asOf, request.fiscalStartMonth);
  const stages = stageTable(ctx.sql.rows<StageRow>(stagesQuery()), request.stageProbabilities);
  const setup: Setup = {
    filters: request.filters ?? {},
    hasHistory: facts.history_rows > 0,
    stageWeights: stages.map((s) => ({
      stage: s.stage,
      probability: s.probability,
      force: s.source === 'user',
      fallback: defaultProbability(s.stage),
    })),
    draws: Math.max(MIN_DRAWS, request.draws ?? MIN_DRAWS),
    seed: request.seed ?? 1,
    fiscalStartMonth: request.fiscalStartMonth,
  };
  const plan = request.skipBacktest
    ? { ...planGrid(facts.first_close, asOf, target.grain, setup.fiscalStartMonth), reason: 'The backtest was not asked for.' }
    : planGrid(facts.first_close, asOf, target.grain, setup.fiscalStartMonth);
  const data = rebuild(ctx, setup, plan, target, asOf, facts.first_close, onProgress);
  const backtest = scoreGrid(plan, { indices: data.gridIdx, cells: data.cells, facts: data.facts }, setup, onProgress);
  const recommended = backtest.leaderboard.find((r) => r.honest && r.wape !== null)?.method ?? 'conversion';
  const now = currentForecast(ctx, setup, target, asOf, data, request.repDraws);
  const estimates: MethodEstimate[] = now.forecasts.map((f) => ({
    ...f,
    label: METHOD_LABELS[f.method],
    honest: isHonest(f.method, setup.hasHistory),
  }));
  const chosen = estimates.find((e) => e.method === recommended) ?? estimates.find((e) => e.method === 'monte_carlo');
  if (!chosen) throw new Error('No forecasting method produced a number for this period.');
  const dist = now.distribution;
  // A method without its own band borrows the Monte Carlo spread around its point.
  const p10 = chosen.p10 ?? chosen.point - (dist.p50 - dist.p10);
  const p90 = chosen.p90 ?? chosen.point + (dist.p90 - dist.p50);
  const targetAmount = request.target ?? null;
  return {
    period: target.name,
    periodLabel: target.label,
    periodStart: target.range.start,
    periodEnd: target.range.end,
    asOf,
    referenceDate: facts.reference_date,
    data: {
      hasStageHistory: setup.hasHistory,
      hasProbability: facts.with_probability > 0,
      hasCategories: facts.with_category > 0,
    },
    notes: [...(target.fallback ? [target.fallback] : []), ...honestyNotes(setup.hasHistory, facts), ...plan.notes],
    recommended,
    current: {
      method: chosen.method,
      p10,
      p50: chosen.point,
      p90,
      closed: now.closed,
      target: targetAmount,
      probabilityOfTarget: targetAmount === null ? null : probabilityAtLeast(dist, targetAmount),
    },
    estimates,
    history: now.history,
    waterfall: now.waterfall,
    byRep: now.byRep,
    byTeam: now.byTeam,
    backtest: backtest.result,
    stageTable: stages,
    draws: setup.draws,
    seed: setup.seed,
  };
}

interface Rebuilt {
  /** Window index of each backtest period (empty when nothing can be scored). */
  readonly gridIdx: number[];
  readonly trainingIdx: number[];
  readonly currentIdx: number;
  readonly seriesGrid: readonly (Window & { label: string })[];
  readonly seriesIdx: number[];
  /** Cells of every window with owners merged, and the current window's per-owner cells. */
  readonly cells: Cell[];
  readonly currentOwnerCells: Cell[];
  readonly facts: Map<number, WindowFactsRow>;
  readonly windows: SqlWindow[];
}

/**
 * One SQL pass rebuilds every as-of date the request needs: the backtest's periods, the windows
 * that train the current period (the same periods when the as-of date is the target's start,
 * else trailing windows of the target's remaining length) and the current window.
 */
function rebuild(
  ctx: AnalyticsContext,
  setup: Setup,
  plan: ReturnType<typeof planGrid>,
  target: Target,
  asOf: string,
  firstClose: string,
  onProgress?: (p: ForecastProgress) => void,
): Rebuilt {
  const set = new WindowSet();
  const seriesGrid = periodGrid(firstClose, asOf, target.grain, setup.fiscalStartMonth);
  const gridIdx = plan.reason ? [] : plan.grid.map((g) => set.add(g));
  const reuse = plan.grain === target.grain && asOf === target.range.start;
  const earliest = seriesGrid[0]?.start ?? firstClose;
  const training = reuse ? seriesGrid : trailingWindows(asOf, target.range.end, earliest);
  const trainingIdx = training.map((w) => set.add(w));
  const currentIdx = set.add({ start: asOf, end: target.range.end }, true);
  const withCells = new Set([...gridIdx, ...trainingIdx, currentIdx]);
  const seriesIdx = seriesGrid.map((g) => set.add(g));
  onProgress?.({ step: 'Rebuilding each past as-of date', done: 0, total: Math.max(0, gridIdx.length - plan.minTraining) });
  const opts = { filters: setup.filters, stageTable: setup.stageWeights, hasHistory: setup.hasHistory, byOwner: true };
  const ownerCells = toCells(
    ctx.sql.rows<CellRow>(
      cellsQuery(
        set.all().filter((w) => withCells.has(w.index)),
        opts,
      ),
    ),
  );
  const past = set.past();
  const factRows = past.length > 0 ? ctx.sql.rows<WindowFactsRow>(windowFactsQuery(past, setup.filters)) : [];
  return {
    gridIdx,
    trainingIdx,
    currentIdx,
    seriesGrid,
    seriesIdx,
    cells: mergeOwners(ownerCells),
    currentOwnerCells: ownerCells.filter((c) => c.window === currentIdx),
    facts: new Map(factRows.map((r) => [r.idx, r])),
    windows: set.all(),
  };
}

/** The target period from what is known today, trained on the rebuilt training windows. */
function currentForecast(
  ctx: AnalyticsContext,
  setup: Setup,
  target: Target,
  asOf: string,
  data: Rebuilt,
  repDraws: number | undefined,
) {
  const training = new Set(data.trainingIdx);
  const closedRows = ctx.sql.rows<{ owner: string | null; won: number }>(
    closedSoFarQuery(target.range.start, asOf, setup.filters),
  );
  const closedByOwner = new Map(closedRows.map((r) => [r.owner ?? '(no owner)', r.won]));
  const closed = closedRows.reduce((s, r) => s + r.won, 0);
  const history = data.seriesGrid.map((g, i) => ({
    start: g.start,
    label: g.label,
    actual: data.facts.get(data.seriesIdx[i] ?? -1)?.actual ?? 0,
  }));
  const pool = data.trainingIdx.map((i) => data.facts.get(i)?.new_won ?? 0);
  const currentCells = data.cells.filter((c) => c.window === data.currentIdx);
  const out = forecastAll({
    closed,
    cells: currentCells,
    trainingCells: data.cells.filter((c) => training.has(c.window)),
    newWonPool: pool,
    series: history.map((h) => h.actual),
    seasonPeriod: target.grain === 'quarter' ? 4 : 12,
    horizon: 1,
    draws: setup.draws,
    seed: setup.seed,
  });
  const newBusiness = pool.length ? pool.reduce((s, v) => s + v, 0) / pool.length : 0;
  const teams = new Map(ctx.sql.rows<{ rep: string; team: string | null }>(teamsQuery()).map((r) => [r.rep, r.team]));
  const repOf = (owner: string | null) => owner ?? '(no owner)';
  const teamOf = (owner: string | null) => (owner === null ? '(no owner)' : (teams.get(owner) ?? '(no team)'));
  const ownerCells = data.currentOwnerCells;
  const groupOpts = {
    newWon: ownerNewWon(ctx, setup, data),
    windows: data.trainingIdx.length,
    draws: Math.max(REP_DRAWS, repDraws ?? 0),
    keepDraws: repDraws !== undefined,
  };
  return {
    closed,
    history,
    forecasts: out.forecasts,
    distribution: out.distribution,
    waterfall: waterfall(closed, currentCells, out.conversion, newBusiness),
    byRep: groupForecasts(ownerCells, closedByOwner, repOf, out.conversion, { ...groupOpts, seed: setup.seed }),
    byTeam: groupForecasts(ownerCells, closedByOwner, teamOf, out.conversion, {
      ...groupOpts,
      seed: setup.seed + 7919,
      keepDraws: false,
    }),
  };
}

/** Per owner, new business in each training window (aligned with data.trainingIdx). */
function ownerNewWon(ctx: AnalyticsContext, setup: Setup, data: Rebuilt): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (data.trainingIdx.length === 0) return out;
  const position = new Map(data.trainingIdx.map((idx, i) => [idx, i]));
  const windows = data.windows.filter((w) => position.has(w.index));
  for (const r of ctx.sql.rows<OwnerNewWonRow>(ownerNewWonQuery(windows, setup.filters))) {
    const owner = r.owner ?? '(no owner)';
    const pool = out.get(owner) ?? new Array<number>(data.trainingIdx.length).fill(0);
    const i = position.get(r.idx);
    if (i !== undefined) pool[i] = (pool[i] ?? 0) + r.new_won;
    out.set(owner, pool);
  }
  return out;
}

export type { MethodId };

// One request → the forecast screen: the target period's forecast by every method, the
// backtest leaderboard on this data, and the breakdowns. SQL rebuilds each as-of date;
// the pure models in src/forecast do the rest. Deal-level data never leaves the worker.
import type { ForecastProgress, ForecastRequest, ForecastResult, MethodEstimate } from '../../../src/engine-api/forecast';
import { chooseTarget, addDays, periodGrid, trailingWindows, type Target } from '../../../src/forecast/calendar';
import { METHOD_LABELS } from '../../../src/forecast/labels';
import { forecastAll } from '../../../src/forecast/methods';
import { probabilityAtLeast } from '../../../src/forecast/monteCarlo';
import { stageTable } from '../../../src/forecast/stageTable';
import type { MethodId } from '../../../src/forecast/types';
import type { AnalyticsContext } from '../context';
import { runGridBacktest, toCells, type Setup } from './backtestRun';
import {
  closedSoFarQuery,
  dataFactsQuery,
  stagesQuery,
  teamsQuery,
  windowFactsQuery,
  cellsQuery,
  type CellRow,
  type DataFactsRow,
  type StageRow,
  type WindowFactsRow,
} from './queries';
import { groupForecasts, waterfall } from './rollups';
import { honestyNotes, isHonest } from './honesty';

export const MIN_DRAWS = 10_000;

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
    stageWeights: stages.flatMap((s) =>
      s.probability === null ? [] : [{ stage: s.stage, probability: s.probability, force: s.source === 'user' }],
    ),
    draws: Math.max(MIN_DRAWS, request.draws ?? MIN_DRAWS),
    seed: request.seed ?? 1,
    fiscalStartMonth: request.fiscalStartMonth,
  };
  const backtest = runGridBacktest(ctx, setup, facts.first_close, asOf, target.grain, onProgress);
  const recommended = backtest.leaderboard.find((r) => r.honest && r.wape !== null)?.method ?? 'conversion';
  const now = currentForecast(ctx, setup, target, asOf, facts.first_close);
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
    notes: [...(target.fallback ? [target.fallback] : []), ...honestyNotes(setup.hasHistory, facts), ...backtest.notes],
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

/** The target period from what is known today: trailing windows of the same length train the pipeline models. */
function currentForecast(ctx: AnalyticsContext, setup: Setup, target: Target, asOf: string, firstClose: string) {
  const grid = periodGrid(firstClose, asOf, target.grain, setup.fiscalStartMonth);
  const earliest = grid[0]?.start ?? firstClose;
  const training = trailingWindows(asOf, target.range.end, earliest).map((w, i) => ({ ...w, index: i, current: false }));
  const current = { index: training.length, start: asOf, end: target.range.end, current: true };
  const windows = [...training, current];
  const cells = toCells(
    ctx.sql.rows<CellRow>(
      cellsQuery(windows, {
        filters: setup.filters,
        stageTable: setup.stageWeights,
        hasHistory: setup.hasHistory,
        byOwner: true,
      }),
    ),
  );
  const facts = training.length > 0 ? ctx.sql.rows<WindowFactsRow>(windowFactsQuery(training, setup.filters)) : [];
  const closedRows = ctx.sql.rows<{ owner: string | null; won: number }>(
    closedSoFarQuery(target.range.start, asOf, setup.filters),
  );
  const closedByOwner = new Map(closedRows.map((r) => [r.owner ?? '(no owner)', r.won]));
  const closed = closedRows.reduce((s, r) => s + r.won, 0);
  const gridFacts =
    grid.length > 0
      ? ctx.sql.rows<WindowFactsRow>(
          windowFactsQuery(
            grid.map((g, i) => ({ ...g, index: i, current: false })),
            setup.filters,
          ),
        )
      : [];
  const history = grid.map((g, i) => ({ start: g.start, label: g.label, actual: gridFacts[i]?.actual ?? 0 }));
  const currentCells = cells.filter((c) => c.window === current.index);
  const out = forecastAll({
    closed,
    cells: currentCells,
    trainingCells: cells.filter((c) => c.window !== current.index),
    newWonPool: facts.map((f) => f.new_won),
    series: history.map((h) => h.actual),
    seasonPeriod: target.grain === 'quarter' ? 4 : 12,
    horizon: 1,
    draws: setup.draws,
    seed: setup.seed,
  });
  const pool = facts.map((f) => f.new_won);
  const newBusiness = pool.length ? pool.reduce((s, v) => s + v, 0) / pool.length : 0;
  const teams = new Map(ctx.sql.rows<{ rep: string; team: string | null }>(teamsQuery()).map((r) => [r.rep, r.team]));
  const repOf = (owner: string | null) => owner ?? '(no owner)';
  const teamOf = (owner: string | null) => (owner === null ? '(no owner)' : (teams.get(owner) ?? '(no team)'));
  return {
    closed,
    history,
    forecasts: out.forecasts,
    distribution: out.distribution,
    waterfall: waterfall(closed, currentCells, out.conversion, newBusiness),
    byRep: groupForecasts(currentCells, closedByOwner, repOf, out.conversion, setup.seed),
    byTeam: groupForecasts(currentCells, closedByOwner, teamOf, out.conversion, setup.seed + 7919),
  };
}

export type { MethodId };

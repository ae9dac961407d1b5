// Runs the backtest on the period grid: one SQL pass rebuilds every past as-of date, then
// the pure backtest forecasts and scores each period. Months stand in for quarters when
// the data is too short for enough quarters to score.
import type { BacktestResult, ForecastProgress, LeaderboardEntry } from '../../../src/engine-api/forecast';
import { runBacktest } from '../../../src/forecast/backtest';
import { periodGrid, type ForecastGrain } from '../../../src/forecast/calendar';
import { METHOD_LABELS } from '../../../src/forecast/labels';
import type { Cell, WindowFacts } from '../../../src/forecast/types';
import type { Filters } from '../../../src/queries/filters';
import type { AnalyticsContext } from '../context';
import { isHonest } from './honesty';
import { cellsQuery, windowFactsQuery, type CellRow, type StageWeight, type WindowFactsRow } from './queries';

export interface Setup {
  readonly filters: Filters;
  readonly hasHistory: boolean;
  readonly stageWeights: readonly StageWeight[];
  readonly draws: number;
  readonly seed: number;
  readonly fiscalStartMonth: number;
}

/** Scored periods wanted before quarters are trusted; fewer and the backtest runs on months. */
const MIN_SCORED = 4;
const MIN_TRAINING: Record<ForecastGrain, number> = { quarter: 4, month: 3 };

export function toCells(rows: readonly CellRow[]): Cell[] {
  return rows.map((r) => ({
    window: r.window,
    stage: r.stage,
    ageBucket: r.age_bucket,
    owner: r.owner,
    n: r.n,
    sum: r.sum,
    sumSq: r.sum_sq,
    wonN: r.won_n,
    swKnown: r.sw_known,
    swUnknown: r.sw_unknown,
    commit: r.commit_amount,
    bestCase: r.best_case,
    categorized: r.categorized,
  }));
}

export function runGridBacktest(
  ctx: AnalyticsContext,
  setup: Setup,
  firstClose: string,
  asOf: string,
  wanted: ForecastGrain,
  onProgress?: (p: ForecastProgress) => void,
): { result: BacktestResult; leaderboard: readonly LeaderboardEntry[]; notes: string[] } {
  let grain = wanted;
  let grid = periodGrid(firstClose, asOf, grain, setup.fiscalStartMonth);
  const notes: string[] = [];
  if (grain === 'quarter' && grid.length - MIN_TRAINING.quarter < MIN_SCORED) {
    grain = 'month';
    grid = periodGrid(firstClose, asOf, grain, setup.fiscalStartMonth);
    notes.push('The data covers too few quarters to score quarterly forecasts, so the backtest scores monthly ones.');
  }
  const minTraining = MIN_TRAINING[grain];
  if (grid.length <= minTraining) {
    const reason = `The backtest needs more than ${minTraining} complete ${grain}s after the first closed deal; this data has ${grid.length}.`;
    return { result: { grain, leaderboard: [], periods: [], reason }, leaderboard: [], notes };
  }
  const windows = grid.map((g, i) => ({ index: i, start: g.start, end: g.end, current: false }));
  onProgress?.({ step: 'Rebuilding each past as-of date', done: 0, total: grid.length - minTraining });
  const cells = toCells(
    ctx.sql.rows<CellRow>(
      cellsQuery(windows, {
        filters: setup.filters,
        stageTable: setup.stageWeights,
        hasHistory: setup.hasHistory,
        byOwner: false,
      }),
    ),
  );
  const factRows = ctx.sql.rows<WindowFactsRow>(windowFactsQuery(windows, setup.filters));
  const facts: WindowFacts[] = windows.map((w, i) => ({
    index: w.index,
    start: w.start,
    end: w.end,
    actual: factRows[i]?.actual ?? 0,
    newWon: factRows[i]?.new_won ?? 0,
  }));
  const run = runBacktest({
    windows: facts,
    cells,
    firstUsable: 0,
    minTraining,
    seasonPeriod: grain === 'quarter' ? 4 : 12,
    draws: setup.draws,
    seed: setup.seed,
    onProgress: (done, total) => onProgress?.({ step: 'Forecasting each past period', done, total }),
  });
  const labels = new Map(grid.map((g) => [g.start, g.label]));
  const leaderboard: LeaderboardEntry[] = run.leaderboard.map((r) => ({
    ...r,
    label: METHOD_LABELS[r.method],
    honest: isHonest(r.method, setup.hasHistory),
  }));
  const result: BacktestResult = {
    grain,
    leaderboard,
    periods: run.periods.map((p) => ({
      start: p.start,
      label: labels.get(p.start) ?? p.start,
      actual: p.actual,
      forecasts: p.forecasts.map((f) => ({ method: f.method, point: f.point })),
    })),
  };
  return { result, leaderboard, notes };
}

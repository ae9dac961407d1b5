// Runs the backtest on the period grid: the request's single SQL pass has rebuilt every past
// as-of date (see forecast.ts), then the pure backtest forecasts and scores each period.
// Months stand in for quarters when the data is too short for enough quarters to score.
import type { BacktestResult, ForecastProgress, LeaderboardEntry } from '../../../src/engine-api/forecast';
import { runBacktest } from '../../../src/forecast/backtest';
import { periodGrid, type ForecastGrain, type Window } from '../../../src/forecast/calendar';
import { METHOD_LABELS } from '../../../src/forecast/labels';
import type { Cell, WindowFacts } from '../../../src/forecast/types';
import type { Filters } from '../../../src/queries/filters';
import { isHonest } from './honesty';
import type { CellRow, StageWeight, WindowFactsRow } from './queries';

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

export interface GridPlan {
  readonly grain: ForecastGrain;
  readonly grid: readonly (Window & { label: string })[];
  readonly minTraining: number;
  readonly notes: string[];
  /** Why nothing can be scored, when that is so. */
  readonly reason?: string;
}

/** The backtest's period grid: the target's grain, or months when too few quarters can be scored. */
export function planGrid(firstClose: string, asOf: string, wanted: ForecastGrain, fiscalStartMonth: number): GridPlan {
  let grain = wanted;
  let grid = periodGrid(firstClose, asOf, grain, fiscalStartMonth);
  const notes: string[] = [];
  if (grain === 'quarter' && grid.length - MIN_TRAINING.quarter < MIN_SCORED) {
    grain = 'month';
    grid = periodGrid(firstClose, asOf, grain, fiscalStartMonth);
    notes.push('The data covers too few quarters to score quarterly forecasts, so the backtest scores monthly ones.');
  }
  const minTraining = MIN_TRAINING[grain];
  if (grid.length <= minTraining) {
    const reason = `The backtest needs more than ${minTraining} complete ${grain}s after the first closed deal; this data has ${grid.length}.`;
    return { grain, grid, minTraining, notes, reason };
  }
  return { grain, grid, minTraining, notes };
}

export interface GridData {
  /** Window index of each grid period (from the request's WindowSet). */
  readonly indices: readonly number[];
  /** Cells of every window, owners merged. */
  readonly cells: readonly Cell[];
  readonly facts: ReadonlyMap<number, WindowFactsRow>;
}

/** Forecasts and scores each past period of the plan from cells already rebuilt by SQL. */
export function scoreGrid(
  plan: GridPlan,
  data: GridData,
  setup: Setup,
  onProgress?: (p: ForecastProgress) => void,
): { result: BacktestResult; leaderboard: readonly LeaderboardEntry[] } {
  const { grain, grid, minTraining } = plan;
  if (plan.reason) return { result: { grain, leaderboard: [], periods: [], reason: plan.reason }, leaderboard: [] };
  const facts: WindowFacts[] = grid.map((g, i) => {
    const index = data.indices[i] ?? -1;
    const row = data.facts.get(index);
    return { index, start: g.start, end: g.end, actual: row?.actual ?? 0, newWon: row?.new_won ?? 0 };
  });
  const run = runBacktest({
    windows: facts,
    cells: data.cells,
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
  return { result, leaderboard };
}

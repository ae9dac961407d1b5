// Backtest: for every past window with enough history, forecast it from what was known on
// its start date (its own open-deal cells; earlier windows' cells, outcomes and totals) and
// score against what happened. Leaderboard by WAPE; the best honest method is recommended.
import { forecastAll } from './methods';
import { bias, coverage, mase, meanPinball, wape, type ScoredPoint } from './metrics';
import type { Cell, MethodForecast, MethodId, WindowFacts } from './types';

export interface BacktestInput {
  /** Consecutive windows of the period grid, oldest first, all ended by the as-of date. */
  readonly windows: readonly WindowFacts[];
  readonly cells: readonly Cell[];
  /** Windows before this index are before the first closed deal: never training, never scored. */
  readonly firstUsable: number;
  readonly minTraining: number;
  readonly seasonPeriod: number;
  readonly draws: number;
  readonly seed: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface BacktestPeriod {
  readonly start: string;
  readonly end: string;
  readonly actual: number;
  readonly forecasts: readonly MethodForecast[];
}

export interface LeaderboardRow {
  readonly method: MethodId;
  readonly periods: number;
  readonly wape: number | null;
  readonly bias: number | null;
  readonly mase: number | null;
  readonly coverage: number | null;
  readonly pinball: number | null;
}

export function runBacktest(input: BacktestInput): { periods: BacktestPeriod[]; leaderboard: LeaderboardRow[] } {
  const byWindow = new Map<number, Cell[]>();
  for (const c of input.cells) {
    const list = byWindow.get(c.window) ?? [];
    list.push(c);
    byWindow.set(c.window, list);
  }
  const periods: BacktestPeriod[] = [];
  const scored: Map<MethodId, ScoredPoint[]> = new Map();
  const first = input.firstUsable + input.minTraining;
  const total = Math.max(0, input.windows.length - first);
  for (let i = first; i < input.windows.length; i++) {
    const target = input.windows[i];
    if (!target) continue;
    const training = input.windows.slice(input.firstUsable, i).filter((w) => w.end <= target.start);
    const series = training.map((w) => w.actual);
    const result = forecastAll({
      closed: 0,
      cells: byWindow.get(target.index) ?? [],
      trainingCells: training.flatMap((w) => byWindow.get(w.index) ?? []),
      newWonPool: training.map((w) => w.newWon),
      series,
      seasonPeriod: input.seasonPeriod,
      horizon: 1,
      draws: input.draws,
      seed: input.seed + i,
    });
    const scale = naiveScale(series, input.seasonPeriod);
    for (const f of result.forecasts) {
      const list = scored.get(f.method) ?? [];
      list.push({ actual: target.actual, point: f.point, p10: f.p10, p90: f.p90, naiveScale: scale });
      scored.set(f.method, list);
    }
    periods.push({ start: target.start, end: target.end, actual: target.actual, forecasts: result.forecasts });
    input.onProgress?.(i - first + 1, total);
  }
  const leaderboard: LeaderboardRow[] = [...scored].map(([method, points]) => ({
    method,
    periods: points.length,
    wape: wape(points),
    bias: bias(points),
    mase: mase(points),
    coverage: coverage(points),
    pinball: meanPinball(points),
  }));
  leaderboard.sort((a, b) => (a.wape ?? Infinity) - (b.wape ?? Infinity));
  return { periods, leaderboard };
}

/** In-sample MAE of the seasonal naive forecast (naive when shorter than two seasons). */
export function naiveScale(series: readonly number[], period: number): number | null {
  const m = series.length > period ? period : 1;
  let sum = 0;
  let n = 0;
  for (let t = m; t < series.length; t++) {
    sum += Math.abs((series[t] ?? 0) - (series[t - m] ?? 0));
    n++;
  }
  return n > 0 ? sum / n : null;
}

// Backtest: every period of the grid is forecast at checkpoints inside it (its first day and
// the same relative days later on, docs/forecast.md) from what was known on that day: the
// deals open then, the same checkpoints of earlier periods (their outcomes) and the totals of
// earlier periods. Scoring, calibrated ranges and the selection procedure are in selection.ts.
import { forecastAll, type ForecastInputs } from './methods';
import type { Cell, MethodForecast } from './types';

export interface PeriodFacts {
  readonly start: string;
  readonly end: string;
  /** Won amount booked in the period; null while it is not over. */
  readonly actual: number | null;
}

export interface CheckpointFacts {
  /** Position of its period in the grid. */
  readonly period: number;
  /** Days from the period's start to the as-of date. */
  readonly offset: number;
  /** Window index of its cells (deals open on the as-of date). */
  readonly window: number;
  /** Booked in the period before the as-of date. */
  readonly closed: number;
  /** Won from the as-of date to the period's end by deals created since (new business). */
  readonly newWon: number;
  /** Forecast it (false: it only trains later periods' forecasts made on the same day). */
  readonly forecast: boolean;
}

export interface BacktestInput {
  readonly periods: readonly PeriodFacts[];
  readonly checkpoints: readonly CheckpointFacts[];
  readonly cells: readonly Cell[];
  /** Periods before this one only train; checkpoints from it on are forecast. */
  readonly firstForecast: number;
  readonly seasonPeriod: number;
  readonly draws: number;
  readonly seed: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CheckpointForecast {
  readonly period: number;
  readonly offset: number;
  readonly closed: number;
  /** The period's total (null while it is not over). */
  readonly actual: number | null;
  /** In-sample MAE of seasonal naive on the totals known then, for MASE (null when unknown). */
  readonly naiveScale: number | null;
  readonly forecasts: readonly MethodForecast[];
}

export function cellsByWindow(cells: readonly Cell[]): Map<number, Cell[]> {
  const out = new Map<number, Cell[]>();
  for (const c of cells) {
    const list = out.get(c.window) ?? [];
    list.push(c);
    out.set(c.window, list);
  }
  return out;
}

/** What was known at checkpoint c: its open deals, the same day of earlier periods, earlier totals. */
export function checkpointInputs(
  input: BacktestInput,
  c: CheckpointFacts,
  byWindow: ReadonlyMap<number, Cell[]>,
): ForecastInputs {
  // Earlier periods are over by this period's start: their same checkpoint trains this one.
  const training = input.checkpoints.filter(
    (t) => t.offset === c.offset && t.period < c.period && input.periods[t.period]?.actual != null,
  );
  return {
    closed: c.closed,
    cells: byWindow.get(c.window) ?? [],
    trainingCells: training.flatMap((t) => byWindow.get(t.window) ?? []),
    newWonPool: training.map((t) => t.newWon),
    series: input.periods.slice(0, c.period).map((p) => p.actual ?? 0),
    seasonPeriod: input.seasonPeriod,
    horizon: 1,
    draws: input.draws,
    seed: input.seed + c.period * 1009 + c.offset,
  };
}

/** Raw forecasts of every method at every checkpoint to forecast, oldest first. */
export function forecastCheckpoints(input: BacktestInput): CheckpointForecast[] {
  const byWindow = cellsByWindow(input.cells);
  const todo = input.checkpoints
    .filter((c) => c.forecast && c.period >= input.firstForecast)
    .sort((a, b) => a.period - b.period || a.offset - b.offset);
  const out: CheckpointForecast[] = [];
  todo.forEach((c, k) => {
    const period = input.periods[c.period];
    if (!period) return;
    const inputs = checkpointInputs(input, c, byWindow);
    out.push({
      period: c.period,
      offset: c.offset,
      closed: c.closed,
      actual: period.actual,
      naiveScale: naiveScale(inputs.series, input.seasonPeriod),
      forecasts: forecastAll(inputs).forecasts,
    });
    input.onProgress?.(k + 1, todo.length);
  });
  return out;
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

// What one forecast request computes, before any SQL: the target period and its as-of date,
// the complete periods before it (the first left out when partial), the backtest's start,
// and every checkpoint window — each period's start and weeks 1, 4, 8, 12, plus the day of
// the period the target is forecast from, so that its training uses the same relative day.
import {
  CHECKPOINTS,
  addDays,
  chooseTarget,
  completeFrom,
  daysBetween,
  periodContaining,
  periodGrid,
  type ForecastGrain,
  type Target,
  type Window,
} from '../../../src/features/forecast/core/calendar';
import { describePeriod, formatPeriod, periodRange } from '../../../src/shared/periods/fiscal';
import type { Filters } from '../../../src/shared/filters';
import type { StageWeight } from './queries';

export interface Setup {
  readonly filters: Filters;
  readonly hasHistory: boolean;
  readonly stageWeights: readonly StageWeight[];
  readonly draws: number;
  readonly seed: number;
  readonly fiscalStartMonth: number;
}

/** Periods that only train before the first one is forecast, and scored periods wanted per grain. */
export const MIN_TRAINING: Record<ForecastGrain, number> = { quarter: 4, month: 3 };
const MIN_SCORED = 4;

export interface PlannedCheckpoint {
  readonly period: number;
  readonly offset: number;
  readonly window: Window & { readonly periodStart: string; readonly current: boolean };
  /** Forecast and scored (false: only trains the target's own as-of day). */
  readonly forecast: boolean;
}

export interface Plan {
  readonly target: Target;
  /** Complete periods before the target, oldest first, then the target itself (last). */
  readonly periods: readonly (Window & { readonly label: string })[];
  readonly targetIndex: number;
  /** Days from the target's start to its as-of date. */
  readonly offset: number;
  readonly firstForecast: number;
  readonly checkpoints: readonly PlannedCheckpoint[];
  readonly notes: readonly string[];
  /** Why nothing can be scored, when that is so. */
  readonly reason?: string;
}

export function planForecast(
  request: { period?: string; asOf?: string; fiscalStartMonth: number; skipBacktest?: boolean },
  dataAsOf: string,
  firstClose: string,
): Plan {
  const fsm = request.fiscalStartMonth;
  const notes: string[] = [];
  let target = chooseTarget(request.period, dataAsOf, fsm, request.asOf);
  if (target.fallback) notes.push(target.fallback);
  let grid = completeFrom(periodGrid(firstClose, target.range.start, target.grain, fsm), firstClose);
  if (!request.skipBacktest && target.grain === 'quarter' && grid.grid.length - MIN_TRAINING.quarter < MIN_SCORED) {
    // Scored on months but shown as a quarter would claim an accuracy nobody measured.
    const month = periodContaining(target.asOf, 'month', fsm);
    const range = periodRange(month, fsm);
    if (range) {
      notes.push(
        `The data holds too few complete quarters to backtest a quarterly forecast, so the forecast is for ${describePeriod(month, fsm)}, backtested on months.`,
      );
      target = { ...target, period: month, name: formatPeriod(month), label: describePeriod(month, fsm), grain: 'month', range };
      grid = completeFrom(periodGrid(firstClose, range.start, 'month', fsm), firstClose);
    }
  }
  if (grid.partial)
    notes.push(
      `${grid.partial.label} is partial (closed deals are recorded only from ${firstClose} on), so it is left out of the series and the backtest.`,
    );
  const periods = [...grid.grid, { ...target.range, label: target.label }];
  const targetIndex = periods.length - 1;
  const minTraining = MIN_TRAINING[target.grain];
  const reason = request.skipBacktest
    ? 'The backtest was not asked for.'
    : targetIndex <= minTraining
      ? `The backtest needs more than ${minTraining} complete ${target.grain}s before the one forecast; this data has ${targetIndex}.`
      : undefined;
  const firstForecast = reason ? targetIndex : minTraining;
  const offset = daysBetween(target.range.start, target.asOf);
  const checkpoints: PlannedCheckpoint[] = [];
  periods.forEach((p, i) => {
    const length = daysBetween(p.start, p.end);
    const isTarget = i === targetIndex;
    // Earlier periods are also forecast on the target's own day, so that its range and its
    // selection rest on errors made that far into a period (not scored unless a checkpoint).
    const scored = (d: number) =>
      !reason &&
      (isTarget ? CHECKPOINTS[target.grain].includes(d) && d < offset : CHECKPOINTS[target.grain].includes(d) || d === offset);
    const days = new Set([0, offset, ...(reason ? [] : CHECKPOINTS[target.grain])]);
    for (const d of [...days].sort((a, b) => a - b)) {
      if (d >= length || (isTarget && d > offset)) continue;
      const current = isTarget && d === offset && target.asOf === dataAsOf && !target.over;
      const window = { start: addDays(p.start, d), end: p.end, periodStart: p.start, current };
      checkpoints.push({ period: i, offset: d, window, forecast: isTarget ? d === offset || scored(d) : scored(d) });
    }
  });
  return { target, periods, targetIndex, offset, firstForecast, checkpoints, notes, ...(reason ? { reason } : {}) };
}

// One SQL pass rebuilds every as-of date a forecast request needs (every checkpoint of every
// period, docs/forecast.md), then a second, small one the target's own day per owner (for
// the per-rep and per-team breakdowns). The facts query gives each window's outcome and
// what its period had booked before the window's start.
import type { ForecastProgress, HistoryPoint } from '../../../src/features/forecast/contract';
import type { CheckpointFacts, PeriodFacts } from '../../../src/features/forecast/core/backtest';
import type { Cell } from '../../../src/features/forecast/core/types';
import type { AnalyticsContext } from '../context';
import type { Plan, Setup } from './plan';
import { cellsQuery, windowFactsQuery, type CellRow, type SqlWindow, type WindowFactsRow } from './queries';

export interface Rebuilt {
  readonly periods: PeriodFacts[];
  readonly checkpoints: CheckpointFacts[];
  /** Cells of every window, owners merged. */
  readonly cells: Cell[];
  /** The target's as-of window per owner. */
  readonly ownerCells: Cell[];
  readonly targetWindow: number;
  readonly windows: readonly SqlWindow[];
  readonly history: HistoryPoint[];
  /** The target period's total (used only when it is over, to show beside its replay). */
  readonly targetActual: number;
}

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

export function rebuild(ctx: AnalyticsContext, setup: Setup, plan: Plan, onProgress?: (p: ForecastProgress) => void): Rebuilt {
  const windows: SqlWindow[] = plan.checkpoints.map((c, index) => ({ index, ...c.window }));
  const targetWindow = plan.checkpoints.findIndex((c) => c.period === plan.targetIndex && c.offset === plan.offset);
  const todo = plan.checkpoints.filter((c) => c.forecast).length;
  onProgress?.({ step: 'Rebuilding each past as-of date', done: 0, total: todo });
  const opts = { filters: setup.filters, stageTable: setup.stageWeights, hasHistory: setup.hasHistory };
  const cells = toCells(ctx.sql.rows<CellRow>(cellsQuery(windows, { ...opts, byOwner: false })));
  const target = windows[targetWindow];
  if (!target) throw new Error('The forecast plan has no window for its as-of date');
  const ownerCells = toCells(ctx.sql.rows<CellRow>(cellsQuery([target], { ...opts, byOwner: true })));
  const facts = new Map(ctx.sql.rows<WindowFactsRow>(windowFactsQuery(windows, setup.filters)).map((r) => [r.idx, r]));
  const fact = (i: number) => facts.get(i) ?? { idx: i, actual: 0, new_won: 0, closed: 0 };
  const startOf = (period: number) => plan.checkpoints.findIndex((c) => c.period === period && c.offset === 0);
  const periods: PeriodFacts[] = plan.periods.map((p, i) => ({
    start: p.start,
    end: p.end,
    // The target's outcome is never an input, even when the period is over (a replay).
    actual: i === plan.targetIndex ? null : fact(startOf(i)).actual,
  }));
  const checkpoints: CheckpointFacts[] = plan.checkpoints.map((c, index) => ({
    period: c.period,
    offset: c.offset,
    window: index,
    closed: fact(index).closed,
    newWon: fact(index).new_won,
    forecast: c.forecast,
  }));
  const history = plan.periods.map((p, i) => ({
    start: p.start,
    label: p.label,
    actual: i === plan.targetIndex ? 0 : (periods[i]?.actual ?? 0),
  }));
  history.pop();
  const targetFact = fact(targetWindow);
  return {
    periods,
    checkpoints,
    cells,
    ownerCells: ownerCells.map((c) => ({ ...c, window: targetWindow })),
    targetWindow,
    windows,
    history,
    targetActual: targetFact.closed + targetFact.actual,
  };
}

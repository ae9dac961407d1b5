// The forecast waterfall's drill-through (docs/drill.md, "Forecast waterfall steps"): the plan,
// windows and conversion table the forecast verb computes its waterfall from, rebuilt for the
// target's as-of window and the earlier periods' windows on the same day only (its training),
// so a drill costs a few windows, not the whole backtest. A window's cells do not depend on the
// other windows of a query, so the steps come out as the forecast screen's.
import type { ForecastRequest, WaterfallStep } from '../../../src/features/forecast/contract';
import { conversionTable } from '../../../src/features/forecast/core/conversion';
import { defaultProbability, stageTable } from '../../../src/features/forecast/core/stageTable';
import type { AnalyticsContext } from '../context';
import { planForecast } from './plan';
import {
  cellsQuery,
  dataFactsQuery,
  stagesQuery,
  windowFactsQuery,
  type CellRow,
  type DataFactsRow,
  type SqlWindow,
  type StageRow,
  type StageWeight,
  type WindowFactsRow,
} from './queries';
import { toCells } from './rebuild';
import { waterfall } from './rollups';
import { addDays } from '../../../src/features/forecast/core/calendar';

export interface ForecastDrillBasis {
  /** The as-of window forecast (its start is the as-of date). */
  readonly target: SqlWindow;
  /** The same day of each earlier period: their new business is the "not yet created" step. */
  readonly training: readonly SqlWindow[];
  /** The conversion probability of each (stage then, age bucket) of the target's open deals. */
  readonly probabilities: readonly { readonly stage: string | null; readonly bucket: number; readonly p: number }[];
  readonly steps: readonly WaterfallStep[];
  readonly periodLabel: string;
  readonly asOf: string;
  readonly hasHistory: boolean;
  readonly stageWeights: readonly StageWeight[];
}

export function forecastDrillBasis(ctx: AnalyticsContext, request: ForecastRequest): ForecastDrillBasis {
  const facts = ctx.sql.one<DataFactsRow>(dataFactsQuery());
  if (!facts.reference_date || !facts.first_close)
    throw new Error('The forecast needs closed deals with close dates and deals with created dates; none are loaded.');
  const plan = planForecast(request, addDays(facts.reference_date, 1), facts.first_close);
  const windows: SqlWindow[] = plan.checkpoints.map((c, index) => ({ index, ...c.window }));
  const target = windows.find(
    (_, i) => plan.checkpoints[i]?.period === plan.targetIndex && plan.checkpoints[i]?.offset === plan.offset,
  );
  if (!target) throw new Error('The forecast plan has no window for its as-of date.');
  // As the forecast's breakdowns train: earlier periods on the same day (in checkpoint order).
  const training = windows.filter((_, i) => {
    const c = plan.checkpoints[i];
    return c !== undefined && c.offset === plan.offset && c.period < plan.targetIndex;
  });
  const stageWeights = stageTable(ctx.sql.rows<StageRow>(stagesQuery()), request.stageProbabilities).map((s) => ({
    stage: s.stage,
    probability: s.probability,
    force: s.source === 'user',
    fallback: defaultProbability(s.stage),
  }));
  const filters = request.filters ?? {};
  const hasHistory = facts.history_rows > 0;
  const used = [...training, target].sort((a, b) => a.index - b.index);
  const cells = toCells(
    ctx.sql.rows<CellRow>(cellsQuery(used, { filters, stageTable: stageWeights, hasHistory, byOwner: false })),
  );
  const trainingIds = new Set(training.map((w) => w.index));
  const conversion = conversionTable(cells.filter((c) => trainingIds.has(c.window)));
  const targetCells = cells.filter((c) => c.window === target.index);
  const windowFacts = new Map(ctx.sql.rows<WindowFactsRow>(windowFactsQuery(used, filters)).map((r) => [r.idx, r]));
  const pool = training.map((w) => windowFacts.get(w.index)?.new_won ?? 0);
  const newBusiness = pool.length ? pool.reduce((s, v) => s + v, 0) / pool.length : 0;
  const closed = windowFacts.get(target.index)?.closed ?? 0;
  return {
    target,
    training,
    probabilities: targetCells.map((c) => ({
      stage: c.stage,
      bucket: c.ageBucket,
      p: conversion.probability(c.stage, c.ageBucket),
    })),
    steps: waterfall(closed, targetCells, conversion, newBusiness),
    periodLabel: plan.target.label,
    asOf: plan.target.asOf,
    hasHistory,
    stageWeights,
  };
}

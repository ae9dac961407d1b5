// One request → the forecast screen: the target period's forecast as of a day inside it,
// the backtest of every method (and of the selection procedure) at the same relative days of
// past periods, and the breakdowns. One SQL pass rebuilds every as-of date; the pure models
// in src/features/forecast/core do the rest. Deal-level data never leaves the worker.
import type { ForecastProgress, ForecastRequest, ForecastResult, MethodEstimate } from '../../../src/features/forecast/contract';
import { addDays } from '../../../src/features/forecast/core/calendar';
import { METHOD_LABELS } from '../../../src/features/forecast/core/labels';
import { defaultProbability, stageTable } from '../../../src/features/forecast/core/stageTable';
import type { AnalyticsContext } from '../context';
import { breakdowns, scoreBacktest } from './current';
import { planForecast, type Setup } from './plan';
import { dataFactsQuery, stagesQuery, type DataFactsRow, type StageRow } from './queries';
import { rebuild } from './rebuild';
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
  const dataAsOf = addDays(facts.reference_date, 1);
  const plan = planForecast(request, dataAsOf, facts.first_close);
  const { target } = plan;
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
  const data = rebuild(ctx, setup, plan, onProgress);
  const scored = scoreBacktest(plan, data, setup, onProgress);
  const now = scored.current;
  if (!now) throw new Error('No forecasting method produced a number for this period.');
  const estimates: MethodEstimate[] = now.forecasts.map((f) => ({
    ...f,
    label: METHOD_LABELS[f.method],
    honest: isHonest(f.method, setup.hasHistory),
  }));
  const parts = breakdowns(ctx, setup, plan, data, request.repDraws);
  // The headline is the selection procedure (the method that led before this period), as
  // scored in the backtest; without a backtest, empirical conversion, the fixed default.
  const headline = now.forecasts.find((f) => f.method === 'selection') ?? now.forecasts.find((f) => f.method === 'conversion');
  if (!headline) throw new Error('No forecasting method produced a number for this period.');
  const dist = parts.distribution;
  // Without a calibrated range (too few scored periods) the Monte Carlo spread stands in, said on screen.
  const p10 = headline.p10 ?? headline.point - (dist.p50 - dist.p10);
  const p90 = headline.p90 ?? headline.point + (dist.p90 - dist.p50);
  const targetAmount = request.target ?? null;
  const points = data.periods.length - 1;
  // R's rule (src/features/forecast/core/ets.ts): even ETS(A,N,N), 2 parameters, needs more than 6 points.
  const etsNote = estimates.some((e) => e.method === 'ets')
    ? []
    : [
        `ETS is not offered: the series holds ${points} complete ${plan.target.grain}s before this one, and a form is fitted only with more points than its parameters + 4 (at least 7 for the simplest).`,
      ];
  const rangeNote =
    headline.p10 === null
      ? [
          'Too few past periods have been scored to calibrate a range: the P10–P90 shown is the Monte Carlo spread, which is not calibrated.',
        ]
      : [];
  return {
    period: target.name,
    periodLabel: target.label,
    periodStart: target.range.start,
    periodEnd: target.range.end,
    asOf: target.asOf,
    dataAsOf,
    over: target.over,
    actual: target.over ? data.targetActual : null,
    referenceDate: facts.reference_date,
    data: {
      hasStageHistory: setup.hasHistory,
      hasProbability: facts.with_probability > 0,
      hasCategories: facts.with_category > 0,
    },
    notes: [...plan.notes, ...honestyNotes(setup.hasHistory, facts), ...etsNote, ...rangeNote],
    recommended: headline.method,
    current: {
      method: headline.method,
      chosen: headline.chosen ?? null,
      p10,
      p50: headline.point,
      p90,
      closed: now.closed,
      target: targetAmount,
      probabilityOfTarget: targetAmount === null ? null : parts.probabilityOf(targetAmount),
    },
    estimates,
    history: data.history,
    track: scored.track,
    breakdownNote: parts.note,
    waterfall: parts.waterfall,
    byRep: parts.byRep,
    byTeam: parts.byTeam,
    backtest: scored.backtest,
    stageTable: stages,
    draws: setup.draws,
    seed: setup.seed,
  };
}

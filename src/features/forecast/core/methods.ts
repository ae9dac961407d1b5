// Every forecasting method for one target window, from what was known on its as-of date:
// the open deals' cells, cells and outcomes of earlier windows, and past period totals.
import { conversionTable, type ConversionTable } from './conversion';
import { etsForecast, etsFormName, fitBestEts } from './ets';
import { simulate, type DealGroup, type Distribution } from './monteCarlo';
import { seasonalNaive } from './seasonalNaive';
import { Z90 } from './stats';
import { thetaForecast } from './theta';
import type { Cell, MethodForecast } from './types';

export interface ForecastInputs {
  /** Already booked in the target period before the as-of date. */
  readonly closed: number;
  /** Deals open on the as-of date. */
  readonly cells: readonly Cell[];
  /** Cells of earlier windows whose outcome is known on the as-of date. */
  readonly trainingCells: readonly Cell[];
  /** New business (created and won inside a window) of those earlier windows. */
  readonly newWonPool: readonly number[];
  /** Bookings of complete past periods, oldest first, for the time-series methods. */
  readonly series: readonly number[];
  readonly seasonPeriod: number;
  /** Periods from the last one in `series` to the target (1 = the next). */
  readonly horizon: number;
  readonly draws: number;
  readonly seed: number;
}

export interface ForecastOutputs {
  readonly forecasts: MethodForecast[];
  readonly conversion: ConversionTable;
  readonly distribution: Distribution;
}

export function forecastAll(inputs: ForecastInputs): ForecastOutputs {
  const conversion = conversionTable(inputs.trainingCells);
  const distribution = simulate({
    groups: cellGroups(inputs.cells, conversion),
    base: inputs.closed,
    extra: inputs.newWonPool,
    draws: inputs.draws,
    seed: inputs.seed,
  });
  const forecasts: MethodForecast[] = [
    stageWeighted(inputs, conversion),
    expectedConversion(inputs, conversion),
    { method: 'monte_carlo', point: distribution.p50, p10: distribution.p10, p90: distribution.p90 },
    ...timeSeries(inputs),
  ];
  const category = categoryRollup(inputs);
  if (category) forecasts.push(category);
  return { forecasts, conversion, distribution };
}

export function cellGroups(cells: readonly Cell[], conversion: ConversionTable): DealGroup[] {
  return cells
    .filter((c) => c.n > 0)
    .map((c) => ({ p: conversion.probability(c.stage, c.ageBucket), n: c.n, sum: c.sum, sumSq: c.sumSq }));
}

function stageWeighted(inputs: ForecastInputs, conversion: ConversionTable): MethodForecast {
  let known = 0;
  let unknown = 0;
  for (const c of inputs.cells) {
    known += c.swKnown;
    unknown += c.swUnknown;
  }
  // The fair baseline: the weighted pipeline plus the new business (created and won inside a
  // period) known at the as-of date, so it is not beaten merely for ignoring deals not yet created.
  const pool = inputs.newWonPool;
  const newBusiness = pool.length > 0 ? pool.reduce((s, v) => s + v, 0) / pool.length : 0;
  return {
    method: 'stage_weighted',
    point: inputs.closed + known + conversion.overall * unknown + newBusiness,
    p10: null,
    p90: null,
  };
}

function expectedConversion(inputs: ForecastInputs, conversion: ConversionTable): MethodForecast {
  let mean = inputs.closed;
  let variance = 0;
  for (const c of inputs.cells) {
    const p = conversion.probability(c.stage, c.ageBucket);
    mean += p * c.sum;
    variance += p * (1 - p) * c.sumSq;
  }
  const pool = inputs.newWonPool;
  if (pool.length > 0) {
    const m = pool.reduce((s, v) => s + v, 0) / pool.length;
    mean += m;
    variance += pool.reduce((s, v) => s + (v - m) ** 2, 0) / pool.length;
  }
  const half = Z90 * Math.sqrt(variance);
  return { method: 'conversion', point: mean, p10: Math.max(inputs.closed, mean - half), p90: mean + half };
}

function categoryRollup(inputs: ForecastInputs): MethodForecast | null {
  let commit = 0;
  let bestCase = 0;
  let categorized = 0;
  for (const c of inputs.cells) {
    commit += c.commit;
    bestCase += c.bestCase;
    categorized += c.categorized;
  }
  if (categorized === 0) return null;
  // The sales team's own call: Commit is the number, Best case the upside.
  return {
    method: 'category',
    point: inputs.closed + commit,
    p10: inputs.closed + commit,
    p90: inputs.closed + commit + bestCase,
  };
}

function timeSeries(inputs: ForecastInputs): MethodForecast[] {
  const y = inputs.series;
  const h = inputs.horizon;
  if (y.length < 2) return [];
  const out: MethodForecast[] = [];
  const band = (method: MethodForecast['method'], mean: number, sd: number): MethodForecast => {
    const point = Math.max(inputs.closed, mean);
    const half = Number.isFinite(sd) ? Z90 * sd : Number.NaN;
    return Number.isFinite(half)
      ? { method, point, p10: Math.max(inputs.closed, mean - half), p90: Math.max(point, mean + half) }
      : { method, point, p10: null, p90: null };
  };
  const sn = seasonalNaive(y, inputs.seasonPeriod, h);
  out.push(band('seasonal_naive', sn.mean[h - 1] ?? Number.NaN, sn.sd[h - 1] ?? Number.NaN));
  // ETS: the additive form with the lowest AICc among those the series has enough points for;
  // none is offered below 7 points (R's rule, src/features/forecast/core/ets.ts).
  const fit = fitBestEts(y, inputs.seasonPeriod);
  if (fit) {
    const fc = etsForecast(fit, h);
    out.push({ ...band('ets', fc.mean[h - 1] ?? Number.NaN, fc.sd[h - 1] ?? Number.NaN), detail: etsFormName(fit.spec) });
  }
  if (y.length >= 3) {
    const th = thetaForecast(y, inputs.seasonPeriod, h);
    out.push(band('theta', th.mean[h - 1] ?? Number.NaN, th.sd[h - 1] ?? Number.NaN));
  }
  return out;
}

// Drill-through from the forecast waterfall on the real engine (docs/drill.md, "Forecast
// waterfall steps"): every step's rows add up to the step the forecast verb drew — through the
// cells, a different aggregation than the drill's per-deal rows — on the demo (stage history),
// for the period in progress and a replay, and on Maven (no history: the stage is not known).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrillRow } from '../../src/features/drill/contract';
import { waterfallStepKey } from '../../src/engine-api/forecastDrill';
import type { ForecastResult, WaterfallStep } from '../../src/features/forecast/contract';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';

const MAVEN = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`));

const keyOf = (step: WaterfallStep): string => waterfallStepKey(step);

async function checkSteps(analytics: Analytics, fc: ForecastResult, period: string, asOf?: string, filters = {}) {
  const drill = (key: string, offset = 0, limit = 50) =>
    analytics.drill({
      dashboard: { period, fiscalStartMonth: 1, filters },
      target: { kind: 'forecast', key },
      forecast: { period, ...(asOf ? { asOf } : {}) },
      offset,
      limit,
    });
  let counted = 0;
  for (const step of fc.waterfall) {
    const d = await drill(keyOf(step));
    expect(d.totals.amount ?? 0, `${step.label}`).toBeCloseTo(step.value, 2);
    expect(Math.abs((d.totals.amount ?? 0) - step.value), step.label).toBeLessThan(0.005);
    if (step.kind === 'pipeline' || (step.kind === 'closed' && step.value > 0))
      expect(d.totals.count, step.label).toBeGreaterThan(0);
    if (step.kind !== 'total') counted += d.totals.count;
    else expect(d.totals.count).toBe(counted);
  }
  return drill;
}

describe('drill from the forecast waterfall on the demo', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await analytics.loadDemo({ seed: 20261129, opportunities: 3000 });
  });

  it('the period in progress: each step’s rows add up to it; booked rows are the won deals before the as-of date', async () => {
    const fc = await analytics.forecast({ fiscalStartMonth: 1, period: '2026-Q3' });
    expect(fc.waterfall.filter((s) => s.kind === 'pipeline').length).toBeGreaterThan(1);
    const drill = await checkSteps(analytics, fc, '2026-Q3');
    const booked: DrillRow[] = (await drill('booked', 0, 100_000)).rows as DrillRow[];
    expect(booked.length).toBeGreaterThan(0);
    for (const r of booked) {
      expect(r.status).toBe('won');
      expect(r.close && r.close >= fc.periodStart && r.close < fc.asOf).toBe(true);
    }
    // Summed in plain JS from the rows, not by the engine.
    const js = booked.reduce((s, r) => s + (r.amount ?? 0), 0);
    expect(Math.abs(js - (fc.waterfall[0]?.value ?? NaN))).toBeLessThan(0.005);
    // The open steps' rows name the stage they are counted in (the stage on the as-of date).
    const step = fc.waterfall.find((s) => s.kind === 'pipeline' && s.stage);
    if (!step?.stage) throw new Error('the demo has open deals with a stage');
    const rows = (await drill(keyOf(step), 0, 100_000)).rows;
    expect(new Set(rows.map((r) => r.stage))).toEqual(new Set([step.stage]));
  });

  it('a replay as of a day inside a past quarter, and under a filter', async () => {
    const fc = await analytics.forecast({ fiscalStartMonth: 1, period: '2026-Q2', asOf: '2026-05-10' });
    await checkSteps(analytics, fc, '2026-Q2', '2026-05-10');
    const filters = { region: ['West'] };
    const west = await analytics.forecast({ fiscalStartMonth: 1, period: '2026-Q3', filters });
    await checkSteps(analytics, west, '2026-Q3', undefined, filters);
  });
});

describe('drill from the forecast waterfall on Maven (no stage history)', () => {
  it('the open deals of unknown stage add up to their step', async () => {
    const analytics = await openAnalytics();
    await loadFiles(analytics, MAVEN);
    // A replayed month: without history its deals' stage on that day is not known.
    const fc = await analytics.forecast({ fiscalStartMonth: 1, period: '2017-09' });
    expect(fc.waterfall.some((s) => s.kind === 'pipeline' && s.stage === null)).toBe(true);
    await checkSteps(analytics, fc, '2017-09');
  });
});

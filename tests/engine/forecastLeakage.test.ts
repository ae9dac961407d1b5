// No leakage: for a backtest period with as-of date d, rewrite every row dated on or after d
// (flip won/lost and triple the amount of deals closed since, inflate and reassign deals
// created since, turn later stage-history rows into wins) and check that the period's
// forecasts by every method do not move — while its actual does.
import { describe, expect, it } from 'vitest';
import type { ForecastResult } from '../../src/features/forecast/contract';
import type { SqlQuery } from '../../src/platform/sql/sql';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { fixture, loadFiles } from './helpers/engine';

/** The real Analytics with a back door for the test to rewrite rows. */
class MutableAnalytics extends Analytics {
  async run(q: SqlQuery): Promise<void> {
    (await this.context()).sql.run(q);
  }
}

const mutations = (d: string): SqlQuery[] => [
  {
    // Their stage today names their outcome: rename it, so that reading today's stage leaks.
    sql: `UPDATE opportunities SET status = CASE status WHEN 'won' THEN 'lost' ELSE 'won' END, amount = amount * 3,
      stage = CASE status WHEN 'won' THEN 'Lost since' ELSE 'Won since' END
      WHERE status <> 'open' AND close_date >= ?::DATE`,
    params: [d],
  },
  {
    sql: `UPDATE opportunities SET amount = coalesce(amount, 0) * 5 + 1000, owner = 'Somebody Else' WHERE created_date >= ?::DATE`,
    params: [d],
  },
  // Today's values of deals still open today are not known on a past as-of date: their amount,
  // stage, probability and expected close must not reach it (the amount once did, issue 19).
  {
    sql: `UPDATE opportunities SET amount = coalesce(amount, 0) * 7 + 12345, probability = 0.99, stage = 'Negotiation',
      close_date = coalesce(close_date, ?::DATE) + 45 WHERE status = 'open'`,
    params: [d],
  },
  // Dates after the as-of date: later closes move later still, later history rows move earlier (still after it).
  { sql: `UPDATE opportunities SET close_date = close_date + 20 WHERE status <> 'open' AND close_date >= ?::DATE`, params: [d] },
  // The export's probabilities today feed the stage table the screen shows; past windows must not see them.
  { sql: `UPDATE opportunities SET probability = 0.01 WHERE status <> 'open'`, params: [] },
  {
    sql: `UPDATE stage_history SET stage = 'Closed Won', probability = 1, forecast_category = 'commit', amount = amount * 2 WHERE changed_at >= ?::DATE`,
    params: [d],
  },
];

function periodAt(result: ForecastResult, start: string) {
  const period = result.backtest.periods.find((p) => p.start === start);
  if (!period) throw new Error(`No backtest period starts on ${start}`);
  return period;
}

describe('the backtest cannot see past its as-of date', () => {
  it.each([
    ['demo data (with stage history)', 'demo', '2025-07-01'],
    ['Maven data (no stage history)', 'maven', '2017-09-01'],
  ])('%s', async (_name, data, asOf) => {
    const analytics = new MutableAnalytics(await openNodeEngine());
    if (data === 'demo') await analytics.loadDemo({ seed: 20261129, opportunities: 3000 });
    else
      await loadFiles(
        analytics,
        ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`)),
      );
    const before = periodAt(await analytics.forecast({ fiscalStartMonth: 1, period: data === 'demo' ? undefined : 'all' }), asOf);
    for (const q of mutations(asOf)) await analytics.run(q);
    // A user's edits of the stage table are for today's pipeline, never for past windows.
    const edits = { Negotiation: 0.05, Prospecting: 0.95, 'Closed Won': 0.5 };
    const after = periodAt(await analytics.forecast({ fiscalStartMonth: 1, stageProbabilities: edits }), asOf);
    expect(after.actual).not.toBe(before.actual);
    expect(after.forecasts.length).toBeGreaterThanOrEqual(7);
    // Every method's point and calibrated range, the selection and the combination included.
    expect(after.forecasts).toEqual(before.forecasts);
    expect(after.forecasts.filter((f) => f.p10 !== null).length).toBeGreaterThanOrEqual(5);
  });

  // Inside a quarter: a replay as of week 4 of 2025 Q3 (what the quarter-in-progress track and
  // its backtest checkpoints are made of) sees deals booked before that day and nothing after.
  it('demo data, as of a day inside a quarter', async () => {
    const asOf = '2025-07-29';
    const analytics = new MutableAnalytics(await openNodeEngine());
    await analytics.loadDemo({ seed: 20261129, opportunities: 3000 });
    const request = { fiscalStartMonth: 1, period: '2025-Q3', asOf };
    const before = await analytics.forecast(request);
    for (const q of mutations(asOf)) await analytics.run(q);
    const after = await analytics.forecast({ ...request, stageProbabilities: { Negotiation: 0.05, Prospecting: 0.95 } });
    expect(after.actual).not.toBe(before.actual);
    expect(before.current.closed).toBeGreaterThan(0);
    expect(before.track.map((t) => t.offset)).toEqual([0, 7, 28]);
    expect(after.track).toEqual(before.track);
    expect(after.estimates).toEqual(before.estimates);
    expect(after.current).toEqual(before.current);
    expect(after.waterfall).toEqual(before.waterfall);
  });
});

// Drill-through from the payout statement on the real engine: a line's bookings open the rep's
// won deals of that quarter, worked out by hand on the lead funnel fixture (helpers/leadFunnel.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { repWonKey } from '../../src/features/drill/contract';
import type { Analytics } from '../../workers/analytics/Analytics';
import { loadFiles, openAnalytics } from './helpers/engine';
import { csv, LEAD_HEAD, LEADS, OPP_HEAD, OPPS, REPS } from './helpers/leadFunnel';

describe('drill from a payout statement line', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, [csv('opportunities.csv', [OPP_HEAD, ...OPPS]), csv('leads.csv', [LEAD_HEAD, ...LEADS]), REPS]);
  });
  const drill = (start: string, end: string, rep: string, filters = {}) =>
    analytics.drill({
      dashboard: { period: 'all', fiscalStartMonth: 1, filters },
      target: { kind: 'rep-won', key: repWonKey(start, end, rep) },
    });

  it('opens the rep’s won deals of the quarter, Σ = the bookings', async () => {
    // A in 2024 Q1: D1 (01-31), D6 (02-05), D2 (02-20), 100 each; D5 was lost.
    const a = await drill('2024-01-01', '2024-04-01', 'A');
    expect(a.rows.map((r) => r.name).sort()).toEqual(['d1', 'd2', 'd6']);
    expect([a.totals.count, a.totals.amount]).toEqual([3, 300]);
    // B in Q1: D3 (03-15), D4 (03-20); A in Q2: D8 (05-10).
    expect((await drill('2024-01-01', '2024-04-01', 'B')).totals.amount).toBe(200);
    expect((await drill('2024-04-01', '2024-07-01', 'A')).rows.map((r) => r.name)).toEqual(['d8']);
    // Pay is on every deal the rep owns: a dashboard filter in the link does not narrow it.
    expect((await drill('2024-01-01', '2024-04-01', 'A', { product: ['P2'] })).totals.count).toBe(3);
  });
});

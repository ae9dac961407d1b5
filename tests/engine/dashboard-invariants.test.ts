// SQLancer-style invariants on the seeded demo data: for a random filter p, the rows with p,
// with NOT p and with p IS NULL partition the whole (ternary logic partitioning), and the
// additive KPIs equal the sum of their segments, for every group-by dimension.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRequest, DashboardResult } from '../../src/engine-api/types';
import { DIMENSIONS, type Dimension } from '../../src/shared/filters';
import type { Analytics } from '../../workers/analytics/Analytics';
import { kpi, openAnalytics } from './helpers/engine';

const PERIODS = ['all', '2024', '2024-Q2', '2024-07', '2023-03-15..2023-09-30'];

describe('dashboard invariants on the demo data', () => {
  let analytics: Analytics;
  let values: Partial<Record<Dimension, readonly (string | null)[]>>;
  const run = (req: Partial<DashboardRequest>) => analytics.dashboard({ period: 'all', fiscalStartMonth: 1, ...req });
  beforeAll(async () => {
    analytics = await openAnalytics();
    await analytics.loadDemo({ seed: 7, opportunities: 1500 });
    values = (await run({})).dimensionValues ?? {};
  });

  const additive = (r: DashboardResult) => [kpi(r, 'won_count'), kpi(r, 'won_amount'), kpi(r, 'open_pipeline')];

  it('p, NOT p and p IS NULL partition every additive KPI', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DIMENSIONS), fc.nat(), fc.constantFrom(...PERIODS), async (dim, pick, period) => {
        const named = (values[dim] ?? []).filter((v): v is string => v !== null);
        fc.pre(named.length > 0);
        const p = named[pick % named.length]!;
        const notP = named.filter((v) => v !== p);
        const total = additive(await run({ period }));
        const withP = additive(await run({ period, filters: { [dim]: [p] } }));
        const withNotP = notP.length > 0 ? additive(await run({ period, filters: { [dim]: notP } })) : [0, 0, 0];
        const withNull = additive(await run({ period, filters: { [dim]: [null] } }));
        total.forEach((t, i) => expect((withP[i] ?? 0) + (withNotP[i] ?? 0) + (withNull[i] ?? 0)).toBeCloseTo(t ?? 0, 2));
      }),
      { numRuns: 12, seed: 20261129 },
    );
  });

  it.each(DIMENSIONS)('won amount, won deals and open pipeline equal the sum of their %s segments', async (dim) => {
    const r = await run({ period: '2024', segmentBy: dim });
    const segs = r.views!.segments;
    expect(segs.reduce((s, g) => s + g.wonAmount, 0)).toBeCloseTo(kpi(r, 'won_amount') ?? NaN, 2);
    expect(segs.reduce((s, g) => s + g.wonCount, 0)).toBe(kpi(r, 'won_count'));
    const stages = r.views!.pipelineByStage.reduce((s, g) => s + g.openAmount, 0);
    expect(stages).toBeCloseTo(kpi(r, 'open_pipeline') ?? NaN, 2);
    const owners = r.views!.leaderboard.reduce((s, g) => s + g.wonAmount, 0);
    expect(owners).toBeCloseTo(kpi(r, 'won_amount') ?? NaN, 2);
    const months = r.bookings.reduce((s, b) => s + b.wonAmount, 0);
    expect(months).toBeCloseTo(kpi(r, 'won_amount') ?? NaN, 2);
  });
});

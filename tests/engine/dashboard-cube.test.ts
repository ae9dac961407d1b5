// The monthly cube and the row-level fact table are two roads to the same dashboard: for
// random filters, periods, comparisons, segmentations, variants and reference dates on the
// demo data (every table loaded, stage history included), both give the same result.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardRequest, DashboardResult } from '../../src/engine-api/types';
import { KPI_VARIANTS } from '../../src/shared/kpiVariants';
import { DIMENSIONS, type Dimension } from '../../src/shared/filters';
import { Analytics } from '../../workers/analytics/Analytics';
import type { AnalyticsContext } from '../../workers/analytics/context';
import { dashboard } from '../../workers/analytics/dashboard';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { expectSame } from './helpers/sameDashboard';

/** Reaches the session's context, to call the dashboard with a chosen path. */
class PathAnalytics extends Analytics {
  both(request: DashboardRequest): Promise<{ cube: DashboardResult; rows: DashboardResult }> {
    return this.context().then((ctx: AnalyticsContext) => ({
      cube: dashboard(ctx, request, { path: 'cube' }),
      rows: dashboard(ctx, request, { path: 'rows' }),
    }));
  }

  cubeOnly(request: DashboardRequest): Promise<DashboardResult> {
    return this.context().then((ctx) => dashboard(ctx, request, { path: 'cube' }));
  }
}

const PERIODS = ['all', '2023', '2024', '2024-Q2', '2024-Q4', '2024-07', '2025-01', '2022-Q1'];
const NON_MEDIAN = Object.fromEntries(
  Object.entries(KPI_VARIANTS).map(([id, vs]) => [id, (vs as readonly string[]).filter((v) => v !== 'median')]),
) as Record<string, string[]>;

describe('dashboard: the monthly cube gives what the rows give', () => {
  let analytics: PathAnalytics;
  let values: Partial<Record<Dimension, readonly (string | null)[]>>;
  let reference = '';
  beforeAll(async () => {
    analytics = new PathAnalytics(await openNodeEngine());
    await analytics.loadDemo({ seed: 11, opportunities: 1200 });
    const first = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    values = first.dimensionValues ?? {};
    reference = first.referenceDate ?? '';
  });

  it('without filters, for every period kind and comparison', async () => {
    for (const [i, period] of PERIODS.entries()) {
      const comparison = i % 2 === 0 ? 'previous' : 'year_ago';
      const { cube, rows } = await analytics.both({ period, fiscalStartMonth: 1, comparison });
      expectSame(cube, rows, `${period} vs ${comparison}`);
    }
  });

  it('for random filters, segmentations, variants, fiscal years and reference dates', async () => {
    const filterArb = fc.dictionary(fc.constantFrom(...DIMENSIONS), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), {
      maxKeys: 2,
    });
    const variantArb = fc.record(Object.fromEntries(Object.entries(NON_MEDIAN).map(([id, vs]) => [id, fc.constantFrom(...vs)])));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PERIODS),
        filterArb,
        fc.constantFrom(...DIMENSIONS),
        variantArb,
        fc.constantFrom(1, 2, 4, 7),
        fc.constantFrom(0, -45, -200),
        async (period, picks, segmentBy, variants, fiscalStartMonth, shift) => {
          const filters: Partial<Record<Dimension, (string | null)[]>> = {};
          for (const [dim, idx] of Object.entries(picks) as [Dimension, number[]][]) {
            const options = values[dim] ?? [];
            if (options.length > 0) filters[dim] = [...new Set(idx.map((i) => options[i % options.length] ?? null))];
          }
          const ref = new Date(`${reference}T00:00:00Z`);
          ref.setUTCDate(ref.getUTCDate() + shift);
          const request: DashboardRequest = {
            period,
            fiscalStartMonth,
            filters,
            segmentBy,
            variants,
            churn: 0.2,
            grossMargin: 0.7,
            referenceDate: ref.toISOString().slice(0, 10),
          };
          const { cube, rows } = await analytics.both(request);
          expectSame(cube, rows, JSON.stringify({ period, filters, segmentBy, fiscalStartMonth, shift }));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses what the cube cannot answer instead of answering it wrong', async () => {
    await expect(analytics.cubeOnly({ period: '2024-02-10..2024-05-31', fiscalStartMonth: 1 })).rejects.toThrow(
      /day ranges or medians/,
    );
    await expect(
      analytics.cubeOnly({ period: '2024', fiscalStartMonth: 1, variants: { avg_deal_size: 'median' } }),
    ).rejects.toThrow(/day ranges or medians/);
  });
});

describe('dashboard: periods that cut through spend and quota periods', () => {
  // Spend and quota periods that start and end mid-month, one reversed and one without an
  // end: the cube spreads them over months by days, the row-level road prorates per range.
  const files = {
    'opportunities.csv': [
      'opportunity_id,owner,stage,status,amount,created_date,close_date,account_name',
      'O1,Ann,Won,won,1000,2024-01-05,2024-02-10,Acme',
      'O2,Bob,Lost,lost,500,2024-01-20,2024-03-03,Beta',
      'O3,Ann,Proposal,open,700,2024-02-01,2024-04-30,Acme',
      'O4,Bob,Won,won,300,2024-03-15,2024-05-02,Gamma',
    ].join('\n'),
    'spend.csv': [
      'period_start,period_end,channel,amount',
      '2024-01-15,2024-03-10,Events,5600',
      '2024-02-01,2024-02-29,Ads,900',
      '2024-03-20,2024-03-01,Ads,50',
      '2023-12-31,2024-01-01,Email,20',
    ].join('\n'),
    'quotas.csv': [
      'rep,period_start,period_end,quota_amount',
      'Ann,2024-01-10,2024-04-09,9000',
      'Bob,2024-02-15,2024-02-20,600',
    ].join('\n'),
  };
  let analytics: PathAnalytics;
  beforeAll(async () => {
    analytics = new PathAnalytics(await openNodeEngine());
    const encoder = new TextEncoder();
    const proposal = await analytics.stageFiles(
      Object.entries(files).map(([name, text]) => ({ name, data: encoder.encode(text) })),
    );
    await analytics.applyImport(proposal.plan);
  });

  it.each(['all', '2024', '2024-Q1', '2024-01', '2024-02', '2024-03', '2023-12', '2024-Q2'])('%s', async (period) => {
    for (const filters of [{}, { owner: ['Ann'] }]) {
      const { cube, rows } = await analytics.both({ period, fiscalStartMonth: 1, filters });
      expectSame(cube, rows, `${period} ${JSON.stringify(filters)}`);
    }
  });
});

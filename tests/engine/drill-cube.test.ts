// A drill's totals from the dashboard's close-month cube equal the totals the row scan gives,
// for every tile (each KPI and variant) and every mark the cube carries (bookings bars,
// pipeline by stage / month, aging buckets, segments, leaderboard rows), for several periods
// and filters on the demo (docs/drill.md, "Totals from the cube"). Marks the cube does not
// carry, a text filter and a day range keep the row scan.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrillTarget, DrillTotals } from '../../src/features/drill/contract';
import type { DashboardRequest, KpiId } from '../../src/engine-api/types';
import { KPI_IDS, KPI_VARIANTS } from '../../src/shared/kpiVariants';
import type { Analytics } from '../../workers/analytics/Analytics';
import { openAnalytics } from './helpers/engine';

const DEMO = { seed: 20261129, opportunities: 3000 };
/** Not from the cube: distinct accounts (CLV, LTV:CAC, CAC) and deals by created month (lead ratio, win rate over created). */
const ROW_KPIS: ReadonlySet<string> = new Set(['clv', 'ltv_to_cac', 'cac', 'lead_to_opportunity_ratio']);

/** Equal as the row scan gives them: counts and money exactly, the weighted sum and means to 1e-9 relative. */
function expectEqual(cube: DrillTotals, rows: DrillTotals, what: string): void {
  const { weighted, wonCycle, closedCycle, ...exact } = cube;
  const { weighted: w, wonCycle: wc, closedCycle: cc, ...exactRows } = rows;
  expect(exact, what).toEqual(exactRows);
  for (const [a, b, name] of [
    [weighted, w, 'weighted'],
    [wonCycle, wc, 'won cycle'],
    [closedCycle, cc, 'closed cycle'],
  ] as const) {
    if (b === null) expect(a, `${what} ${name}`).toBeNull();
    else expect(Math.abs((a ?? Number.NaN) - b), `${what} ${name}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
  }
}

describe('drill totals from the cube', () => {
  let demo: Analytics;
  let ref = '';
  beforeAll(async () => {
    demo = await openAnalytics();
    await demo.loadDemo(DEMO);
    ref = (await demo.dashboard({ period: 'all', fiscalStartMonth: 1 })).referenceDate ?? '';
  });

  /** Every tile and mark of the view's dashboard, drilled both ways. */
  async function compareAll(req: DashboardRequest): Promise<number> {
    const result = await demo.dashboard(req);
    const targets: DrillTarget[] = [];
    const kpis: [KpiId, string][] = KPI_IDS.flatMap((id) => KPI_VARIANTS[id].map((v): [KpiId, string] => [id, v]));
    const v = result.views;
    targets.push(...result.bookings.map((b): DrillTarget => ({ kind: 'bookings', key: b.start })));
    if (v) {
      targets.push(...v.pipelineByStage.map((g): DrillTarget => ({ kind: 'stage', key: g.key })));
      targets.push(...v.pipelineByMonth.map((g): DrillTarget => ({ kind: 'month', key: g.key })));
      targets.push(...v.aging.map((g): DrillTarget => ({ kind: 'aging', key: g.key })));
      targets.push(...v.segments.map((g): DrillTarget => ({ kind: 'segment', key: g.key })));
      targets.push(...v.leaderboard.map((g): DrillTarget => ({ kind: 'owner', key: g.key })));
    }
    let fromCube = 0;
    const both = async (target: DrillTarget, dashboard: DashboardRequest, expectCube: boolean, what: string) => {
      const cube = await demo.drill({ dashboard, target, limit: 1 });
      const rows = await demo.drill({ dashboard, target, limit: 1, path: 'rows' });
      expect(rows.totalsFrom, what).toBe('rows');
      expect(cube.totalsFrom, what).toBe(expectCube ? 'cube' : 'rows');
      expectEqual(cube.totals, rows.totals, what);
      // The page does not depend on where the totals came from.
      expect(cube.rows, what).toEqual(rows.rows);
      if (cube.totalsFrom === 'cube') fromCube++;
    };
    for (const [kpi, variant] of kpis) {
      const dashboard = { ...req, variants: { ...req.variants, [kpi]: variant } };
      const rowOnly = ROW_KPIS.has(kpi) || (kpi === 'win_rate' && variant === 'won_over_all');
      await both({ kind: 'kpi', kpi }, dashboard, !rowOnly, `${req.period} kpi ${kpi}/${variant}`);
    }
    for (const t of targets) await both(t, req, true, `${req.period} ${t.kind} ${String('key' in t ? t.key : '')}`);
    return fromCube;
  }

  it('equal the row scan for every tile and mark, for periods and filters', async () => {
    const year = ref.slice(0, 4);
    const quarter = `${year}-Q${Math.ceil(Number(ref.slice(5, 7)) / 3)}`;
    let fromCube = 0;
    for (const period of ['all', year, quarter, ref.slice(0, 7)])
      fromCube += await compareAll({ period, fiscalStartMonth: 1, referenceDate: ref });
    const regions = (await demo.dashboard({ period: 'all', fiscalStartMonth: 1, segmentBy: 'region' })).views?.segments ?? [];
    const region = regions[0]?.key ?? null;
    fromCube += await compareAll({ period: year, fiscalStartMonth: 1, referenceDate: ref, filters: { region: [region] } });
    // A fiscal year starting in April and a comparison view segmented by owner.
    fromCube += await compareAll({ period: 'all', fiscalStartMonth: 4, referenceDate: ref, segmentBy: 'owner' });
    // Not a comparison of nothing: hundreds of marks were summed from the cube.
    expect(fromCube).toBeGreaterThan(200);
  }, 600_000);

  it('keeps the row scan for a text filter, a day range and marks the cube does not carry', async () => {
    const year = ref.slice(0, 4);
    const req = { period: year, fiscalStartMonth: 1, referenceDate: ref };
    const won: DrillTarget = { kind: 'kpi', kpi: 'won_amount' };
    expect((await demo.drill({ dashboard: req, target: won })).totalsFrom).toBe('cube');
    expect((await demo.drill({ dashboard: req, target: won, search: 'a' })).totalsFrom).toBe('rows');
    const days = { ...req, period: `${year}-02-10..${year}-05-31` };
    await demo.dashboard(days);
    expect((await demo.drill({ dashboard: days, target: won })).totalsFrom).toBe('rows');
    expect((await demo.drill({ dashboard: req, target: { kind: 'funnel', key: null } })).totalsFrom).toBe('rows');
    expect((await demo.drill({ dashboard: req, target: { kind: 'kpi', kpi: 'clv' } })).totalsFrom).toBe('rows');
  });
});

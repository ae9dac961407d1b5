// Every number and mark of one dashboard result next to the totals of its drill-through:
// returns the mismatches (empty when every drilled set adds up to what was clicked).
import type { DrillTarget, DrillTotals } from '../../../src/features/drill/contract';
import type { DashboardRequest, DashboardResult, KpiId } from '../../../src/engine-api/types';
import type { Analytics } from '../../../workers/analytics/Analytics';

export const close = (a: number | null | undefined, b: number | null | undefined): boolean =>
  a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) <= Math.max(0.005, 1e-9 * Math.abs(b));

type Check = [string, number | null | undefined, number | null | undefined];

export async function drillMismatches(analytics: Analytics, req: DashboardRequest, result: DashboardResult): Promise<string[]> {
  const totals = async (target: DrillTarget, variants = req.variants): Promise<DrillTotals> =>
    (await analytics.drill({ dashboard: { ...req, variants: variants ?? {} }, target, limit: 1 })).totals;
  const tile = (id: KpiId) => result.kpis.find((k) => k.id === id)?.value ?? null;
  const checks: Check[] = [];
  const kpi = async (id: KpiId) => totals({ kind: 'kpi', kpi: id });

  const won = await kpi('won_amount');
  checks.push(
    ['won_amount Σ', won.amount, tile('won_amount')],
    ['won_count n', (await kpi('won_count')).count, tile('won_count')],
  );
  const size = await kpi('avg_deal_size');
  if (tile('avg_deal_size') !== null)
    checks.push(['avg_deal_size', (size.amount ?? 0) / size.amountCount, tile('avg_deal_size')]);
  const rate = await kpi('win_rate');
  if (tile('win_rate') !== null) checks.push(['win_rate', rate.wonCount / rate.count, tile('win_rate')]);
  const cycle = await kpi('avg_sales_cycle_days');
  const allClosed = req.variants?.avg_sales_cycle_days === 'all_closed';
  if (tile('avg_sales_cycle_days') !== null)
    checks.push(['cycle', allClosed ? cycle.closedCycle : cycle.wonCycle, tile('avg_sales_cycle_days')]);
  const open = await kpi('open_pipeline');
  if (tile('open_pipeline') !== null) checks.push(['open_pipeline Σ', open.amount, tile('open_pipeline')]);
  checks.push(['attainment numerator', (await kpi('quota_attainment')).amount, won.amount]);
  checks.push(['coverage numerator', (await kpi('pipeline_coverage')).amount, open.amount]);
  const velocity = tile('sales_velocity');
  if (velocity !== null) {
    const parts = ((tile('avg_deal_size') ?? 0) * (tile('win_rate') ?? 0)) / (tile('avg_sales_cycle_days') ?? 1);
    checks.push(['velocity', (await kpi('sales_velocity')).count * parts, velocity]);
  }
  const clv = await kpi('clv');
  if (tile('clv') !== null)
    checks.push(['clv', ((clv.amount ?? 0) / (clv.accounts ?? Number.NaN)) * (req.grossMargin ?? 1), tile('clv')]);
  const cacPerDeal = (await analytics.dashboard({ ...req, variants: { ...req.variants, cac: 'per_won_deal' } })).kpis.find(
    (k) => k.id === 'cac',
  )?.value;
  if (tile('cac') !== null && cacPerDeal !== null && cacPerDeal !== undefined) {
    const spend = cacPerDeal * (await totals({ kind: 'kpi', kpi: 'cac' }, { ...req.variants, cac: 'per_won_deal' })).count;
    checks.push(['cac', spend / ((await kpi('cac')).accounts ?? Number.NaN), tile('cac')]);
  }

  for (const b of result.bookings) {
    const t = await totals({ kind: 'bookings', key: b.start });
    checks.push([`bookings ${b.start} Σ`, t.amount ?? 0, b.wonAmount], [`bookings ${b.start} n`, t.count, b.wonCount]);
  }
  const v = result.views;
  if (v) {
    const groups = [
      ['stage', v.pipelineByStage],
      ['month', v.pipelineByMonth],
      ['aging', v.aging],
    ] as const;
    for (const [kind, rows] of groups)
      for (const g of rows) {
        const t = await totals({ kind, key: g.key });
        checks.push([`${kind} ${g.label} n`, t.count, g.openCount], [`${kind} ${g.label} Σ`, t.amount ?? 0, g.openAmount]);
      }
    for (const g of v.segments) {
      const t = await totals({ kind: 'segment', key: g.key });
      checks.push([`segment ${g.label} won`, t.wonCount, g.wonCount], [`segment ${g.label} lost`, t.lostCount, g.lostCount]);
      checks.push([`segment ${g.label} Σ`, t.wonAmount ?? 0, g.wonAmount]);
      if (g.avgCycleDays !== null) checks.push([`segment ${g.label} cycle`, t.wonCycle, g.avgCycleDays]);
    }
    for (const r of v.leaderboard) {
      const t = await totals({ kind: 'owner', key: r.key });
      checks.push([`owner ${r.label} won`, t.wonCount, r.wonCount], [`owner ${r.label} Σ won`, t.wonAmount ?? 0, r.wonAmount]);
      checks.push([`owner ${r.label} lost`, t.lostCount, r.lostCount], [`owner ${r.label} open`, t.openCount, r.openCount]);
      checks.push([`owner ${r.label} Σ open`, t.openAmount ?? 0, r.openAmount]);
    }
    for (const [i, step] of v.funnel.steps.entries()) {
      const t = await totals({ kind: 'funnel', key: i === 0 ? null : step.label });
      checks.push([`funnel ${step.label}`, t.count, step.count]);
    }
    if (typeof v.leadFunnel !== 'string')
      for (const l of v.leadFunnel)
        checks.push([`source ${l.label}`, (await totals({ kind: 'source', key: l.key })).count, l.opportunities]);
  }
  return checks.filter(([, got, want]) => !close(got, want)).map(([what, got, want]) => `${what}: drilled ${got}, mark ${want}`);
}

// Drill-through on the real engine: the deals behind every tile and mark add up to it (Maven
// and the demo), the Maven drills equal counts made in plain JS over the CSV, and paging,
// sorting and the text filter walk the whole set exactly once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DrillRow, DrillTarget } from '../../src/features/drill/contract';
import type { DashboardRequest } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { Analytics as Engine } from '../../workers/analytics/Analytics';
import { FIXTURES, fixture, loadFiles, openAnalytics } from './helpers/engine';
import { close, drillMismatches } from './helpers/drillMarks';

const MAVEN = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`));

interface Deal {
  agent: string;
  stage: string;
  engage: string;
  close: string;
  value: number | null;
}
/** The Maven pipeline read with plain string splitting (the file has no quoted fields). */
const deals: Deal[] = readFileSync(path.join(FIXTURES, 'maven-crm/sales_pipeline.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [, agent = '', , , stage = '', engage = '', closeDate = '', value = ''] = line.trim().split(',');
    return { agent, stage, engage, close: closeDate, value: value === '' ? null : Number(value) };
  });
const inQ3 = (d: Deal) => d.close >= '2017-07-01' && d.close < '2017-10-01';
const sum = (xs: Deal[]) => xs.reduce((s, d) => s + (d.value ?? 0), 0);

describe('drill-through on the Maven CRM export', () => {
  let analytics: Analytics;
  const dash = (period: string, more: Partial<DashboardRequest> = {}): DashboardRequest => ({
    period,
    fiscalStartMonth: 1,
    ...more,
  });
  const drill = (period: string, target: DrillTarget, more: Partial<DashboardRequest> = {}) =>
    analytics.drill({ dashboard: dash(period, more), target, limit: 10 });
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(analytics, MAVEN);
  });

  it('opens the won deals behind the won-amount tile, as counted in plain JS', async () => {
    const won = deals.filter((d) => d.stage === 'Won');
    const { totals, rows, title } = await drill('all', { kind: 'kpi', kpi: 'won_amount' });
    expect(totals.count).toBe(won.length);
    expect(totals.amount).toBe(sum(won));
    expect(totals.amount).toBe(10_005_534);
    expect(title).toMatch(/Won deals/);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({ status: 'won', file: 'sales_pipeline.csv' });
  });

  it('opens the closed deals of 2017 Q3 behind the win rate, and says what they are', async () => {
    const closed = deals.filter((d) => (d.stage === 'Won' || d.stage === 'Lost') && inQ3(d));
    const r = await drill('2017-Q3', { kind: 'kpi', kpi: 'win_rate' });
    expect(r.totals.count).toBe(closed.length);
    expect(r.totals.wonCount).toBe(closed.filter((d) => d.stage === 'Won').length);
    expect(r.note).toMatch(/won ÷ these deals/);
  });

  it("opens a rep's deals and an office's under the filters of the view", async () => {
    const darcel = deals.filter((d) => d.agent === 'Darcel Schlecht');
    const r = await drill('all', { kind: 'owner', key: 'Darcel Schlecht' });
    expect(r.totals.count).toBe(darcel.length);
    expect(r.totals.wonCount).toBe(349);
    expect(r.totals.wonAmount).toBe(1_153_214);
    const west = await drill('all', { kind: 'kpi', kpi: 'won_amount' }, { filters: { region: ['West'] } });
    expect(west.totals.amount).toBe(3_568_647);
  });

  it('opens open deals by stage and by age at the reference date, as counted in plain JS', async () => {
    const result = await analytics.dashboard(dash('all'));
    const ref = Date.parse(`${result.referenceDate}T00:00:00Z`);
    const engaging = deals.filter((d) => d.stage === 'Engaging');
    expect((await drill('all', { kind: 'stage', key: 'Engaging' })).totals.count).toBe(engaging.length);
    const old = engaging.filter((d) => (ref - Date.parse(`${d.engage}T00:00:00Z`)) / 86_400_000 > 180);
    expect((await drill('all', { kind: 'aging', key: 'over 180 days' })).totals.count).toBe(old.length);
    const undated = deals.filter((d) => d.stage === 'Prospecting' && d.engage === '');
    expect((await drill('all', { kind: 'aging', key: 'no created date' })).totals.count).toBe(undated.length);
  });

  it.each(['all', '2017-Q3', '2017-05', '2017'])('adds up to every tile and mark of period %s', async (period) => {
    const req = dash(period);
    expect(await drillMismatches(analytics, req, await analytics.dashboard(req))).toEqual([]);
  });

  it('adds up under filters, variants and another group-by', async () => {
    const req = dash('2017-Q2', {
      filters: { product: ['GTXPro', 'MG Advanced'] },
      segmentBy: 'manager',
      variants: { win_rate: 'won_over_all', avg_sales_cycle_days: 'all_closed' },
    });
    const result = await analytics.dashboard(req);
    expect(await drillMismatches(analytics, req, result)).toEqual([]);
    const created = await analytics.drill({ dashboard: req, target: { kind: 'kpi', kpi: 'win_rate' } });
    expect(close(created.totals.wonCount / created.totals.count, result.kpis.find((k) => k.id === 'win_rate')?.value)).toBe(true);
    const cycle = await analytics.drill({ dashboard: req, target: { kind: 'kpi', kpi: 'avg_sales_cycle_days' } });
    expect(close(cycle.totals.closedCycle, result.kpis.find((k) => k.id === 'avg_sales_cycle_days')?.value)).toBe(true);
  });

  it('pages through the whole set once, sorted, and filters by text', async () => {
    const won = deals.filter((d) => d.stage === 'Won' && inQ3(d));
    const seen: DrillRow[] = [];
    for (let offset = 0; ; offset += 400) {
      const page = await analytics.drill({
        dashboard: dash('2017-Q3'),
        target: { kind: 'kpi', kpi: 'won_amount' },
        sort: { column: 'amount', desc: true },
        offset,
        limit: 400,
      });
      seen.push(...page.rows);
      if (page.rows.length < 400) break;
    }
    expect(seen).toHaveLength(won.length);
    expect(new Set(seen.map((r) => `${r.file}:${r.line}`)).size).toBe(won.length);
    expect(seen.every((r, i) => i === 0 || (seen[i - 1]?.amount ?? 0) >= (r.amount ?? 0))).toBe(true);
    expect(seen.reduce((s, r) => s + (r.amount ?? 0), 0)).toBe(sum(won));
    const byName = await analytics.drill({
      dashboard: dash('2017-Q3'),
      target: { kind: 'kpi', kpi: 'won_amount' },
      sort: { column: 'owner', desc: false },
      search: 'darcel',
      limit: 1000,
    });
    expect(byName.totals.matched).toBe(won.filter((d) => d.agent === 'Darcel Schlecht').length);
    expect(byName.totals.count).toBe(won.length);
    expect(byName.rows.every((r) => r.owner === 'Darcel Schlecht')).toBe(true);
  });

  it('refuses a funnel step that does not exist instead of showing nothing', async () => {
    await expect(drill('all', { kind: 'funnel', key: 'No such stage' })).rejects.toThrow(/not a step/);
  });
});

describe('drill-through on the demo (stage history, quotas, spend, leads)', () => {
  let demo: Analytics;
  beforeAll(async () => {
    demo = new Engine(await openNodeEngine());
    await demo.loadDemo({ seed: 20261129, opportunities: 3000 });
  });

  it.each(['all', '2025', '2025-Q4', '2025-11'])('adds up to every tile and mark of period %s', async (period) => {
    const req: DashboardRequest = { period, fiscalStartMonth: 1 };
    const result = await demo.dashboard(req);
    expect(result.kpis.find((k) => k.id === 'won_count')?.value).toBeGreaterThan(0);
    expect(await drillMismatches(demo, req, result)).toEqual([]);
  });
});

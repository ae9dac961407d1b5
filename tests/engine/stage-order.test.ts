// Stage order from evidence, never from deal counts alone (docs/kpis.md, "Stage order"), and
// a funnel that never increases. Expected orders and counts are read off the fixtures by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResult } from '../../src/engine-api/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';

const MAVEN = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`));
const csv = (name: string, lines: string[]) => ({ name, data: new TextEncoder().encode(lines.join('\n') + '\n') });

const steps = (r: DashboardResult) => r.views!.funnel.steps.map((s) => [s.label, s.count]);
const stages = (r: DashboardResult) => r.views!.pipelineByStage.map((g) => g.key);

function neverIncreases(r: DashboardResult): void {
  const counts = r.views!.funnel.steps.map((s) => s.count);
  counts.slice(1).forEach((c, i) => expect(c).toBeLessThanOrEqual(counts[i] ?? 0));
}

describe('stage order from evidence', () => {
  let maven: Analytics;
  beforeAll(async () => {
    maven = await openAnalytics();
    await loadFiles(maven, MAVEN);
  });

  // Maven has no probability and no stage history; Engaging holds 1,589 open deals and
  // Prospecting 500, so an order by counts puts Engaging first. Its known pipeline does not.
  it('orders Maven Prospecting → Engaging → Won from its known pipeline', async () => {
    const r = await maven.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(r.views!.funnel.order).toBe('known stage names');
    expect(stages(r)).toEqual(['Prospecting', 'Engaging']);
    // Counted in sales_pipeline.csv: 8,800 deals; reached Engaging = 1,589 Engaging + 4,238 Won;
    // every deal (lost ones included: they entered the pipeline) reached Prospecting.
    expect(steps(r)).toEqual([
      ['Created', 8800],
      ['Prospecting', 8800],
      ['Engaging', 1589 + 4238],
      ['Won', 4238],
    ]);
    const engaging = r.views!.funnel.steps[2]!;
    expect(engaging.stepRate).toBeCloseTo((1589 + 4238) / 8800, 12);
    neverIncreases(r);
  });

  it("takes the user's order from the mapping over any evidence", async () => {
    const other = await openAnalytics();
    const proposal = await other.stageFiles(MAVEN);
    const plan = {
      mappings: proposal.plan.mappings.map((m) =>
        m.table === 'opportunities' ? { ...m, stageOrder: ['Engaging', 'Prospecting'] } : m,
      ),
    };
    await other.applyImport(plan);
    const r = await other.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(r.views!.funnel.order).toBe('your order');
    expect(stages(r)).toEqual(['Engaging', 'Prospecting']);
    // Engaging first: every deal reached it; Prospecting = deals at Prospecting or beyond it (Won).
    expect(steps(r)).toEqual([
      ['Created', 8800],
      ['Engaging', 8800],
      ['Prospecting', 500 + 4238],
      ['Won', 4238],
    ]);
  });

  // Not Maven, no probabilities, no history: stage names a sales team would use, with most
  // deals sitting in the late stage. Counts would put Negotiation first.
  it('orders an export without probabilities by its stage names, not its counts', async () => {
    const lines = ['Deal ID,Deal Name,Owner,Stage,Amount,Created,Expected Close'];
    const rows: [string, number][] = [
      ['Discovery', 2],
      ['Negotiation', 6],
      ['Proposal', 3],
      ['Closed Won', 4],
      ['Closed Lost', 1],
    ];
    let id = 0;
    for (const [stage, n] of rows)
      for (let i = 0; i < n; i++) lines.push(`D${++id},Deal ${id},Ann,${stage},1000,2024-01-0${(id % 9) + 1},2024-03-15`);
    const other = await openAnalytics();
    await loadFiles(other, [csv('deals.csv', lines)]);
    const r = await other.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(r.views!.funnel.order).toBe('known stage names');
    expect(stages(r)).toEqual(['Discovery', 'Proposal', 'Negotiation']);
    // 16 deals; reached Proposal: 3 + 6 + 4 won; Negotiation: 6 + 4; the lost one entered the first step.
    expect(steps(r)).toEqual([
      ['Created', 16],
      ['Discovery', 16],
      ['Proposal', 13],
      ['Negotiation', 10],
      ['Closed Won', 4],
    ]);
    neverIncreases(r);
  });

  // Stage history with one deal skipping a step: the skipped step still counts it, so no
  // later step holds more deals than an earlier one.
  it('orders by where stages sit in stage history, and fills skipped steps', async () => {
    const other = await openAnalytics();
    await loadFiles(other, [
      csv('opportunities.csv', [
        'opportunity_id,name,owner,stage,status,amount,currency,created_date,close_date',
        'A,a,Ann,Alpha,open,100,USD,2024-01-01,2024-06-30',
        'B,b,Ann,Gamma,open,100,USD,2024-01-01,2024-06-30',
        'C,c,Ann,Gamma,open,100,USD,2024-01-01,2024-06-30',
        'D,d,Ann,Gamma,open,100,USD,2024-01-01,2024-06-30',
        'E,e,Ann,Beta,open,100,USD,2024-01-01,2024-06-30',
        'F,f,Ann,Won,won,100,USD,2024-01-01,2024-02-01',
      ]),
      csv('stage_history.csv', [
        'opportunity_id,changed_at,stage,amount,close_date,probability,forecast_category',
        'A,2024-01-01,Alpha,100,2024-06-30,,pipeline',
        'B,2024-01-01,Alpha,100,2024-06-30,,pipeline',
        'B,2024-01-05,Beta,100,2024-06-30,,pipeline',
        'B,2024-01-09,Gamma,100,2024-06-30,,pipeline',
        'C,2024-01-01,Alpha,100,2024-06-30,,pipeline',
        'C,2024-01-09,Gamma,100,2024-06-30,,pipeline',
        'D,2024-01-01,Alpha,100,2024-06-30,,pipeline',
        'D,2024-01-09,Gamma,100,2024-06-30,,pipeline',
        'E,2024-01-01,Alpha,100,2024-06-30,,pipeline',
        'E,2024-01-05,Beta,100,2024-06-30,,pipeline',
        'F,2024-01-01,Alpha,100,2024-06-30,,pipeline',
        'F,2024-01-03,Beta,100,2024-06-30,,pipeline',
        'F,2024-01-04,Gamma,100,2024-06-30,,pipeline',
        'F,2024-02-01,Won,100,2024-02-01,,closed',
      ]),
    ]);
    const r = await other.dashboard({ period: 'all', fiscalStartMonth: 1 });
    // Positions in each deal's history (0 first … 1 last): Alpha 0 everywhere; Beta 0.5 (B),
    // 1 (E), 1/3 (F); Gamma 1, 1, 1, 2/3. No probabilities, and no stage names we know.
    expect(r.views!.funnel.order).toBe('stage history');
    expect(stages(r)).toEqual(['Alpha', 'Beta', 'Gamma']);
    // C and D skipped Beta: marking only the stages passed would give Beta 2 and Gamma 3.
    expect(steps(r)).toEqual([
      ['Created', 6],
      ['Alpha', 6],
      ['Beta', 5],
      ['Gamma', 4],
      ['Won', 1],
    ]);
  });
});

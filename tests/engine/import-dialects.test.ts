// Export dialects the messy corpus lacked (tests/fixtures/dialects/README.md, sums by hand):
// each loads through the normal import path with at most one confirmation (a proposal below
// 100 % is what the mapping screen shows; the test confirms it as a user would), reconciles
// row for row, and gives the hand-summed won amount in the right currency — never another number.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, openAnalytics } from './helpers/engine';

interface Case {
  readonly files: readonly string[];
  readonly won: number;
  readonly count: number;
  readonly currency: string | null;
  readonly leadToOpportunity?: number;
}

const CASES: Readonly<Record<string, Case>> = {
  'Zoho, narrow no-break space and euro after': { files: ['zoho-deals-de.csv'], won: 25184.56, count: 3, currency: 'EUR' },
  'Dynamics, TRUE/FALSE flags and m/d/yy': { files: ['dynamics-opportunities.csv'], won: 60500, count: 2, currency: 'USD' },
  "Swiss 1'234.50": { files: ['swiss-deals.csv'], won: 1013234.5, count: 3, currency: 'CHF' },
  'Indian grouping under "Deal Value (INR)"': { files: ['india-deals.csv'], won: 11358023.5, count: 3, currency: 'INR' },
  'French month names and no-break spaces': { files: ['french-affaires.csv'], won: 18650.5, count: 3, currency: null },
  'German leads with Ja/Nein and won-date-only deals naming them': {
    files: ['leads-de.csv', 'kunden-abschluesse.csv'],
    won: 17300,
    count: 2,
    currency: null,
    leadToOpportunity: 2 / 5,
  },
};

describe('export dialects', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const proposal = await analytics.stageFiles(c.files.map((f) => fixture(`dialects/${f}`)));
    // Nothing here reads two ways once the file's evidence is used: no question.
    expect(proposal.questions).toEqual([]);
    const result = await analytics.applyImport(proposal.plan);
    for (const f of result.files) {
      expect(f.rowsRejected, `${f.fileName} rejects: ${JSON.stringify(f.rejects)}`).toBe(0);
      expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsRejected + f.rowsSkipped);
    }
    const all = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(kpi(all, 'won_amount')).toBeCloseTo(c.won, 6);
    expect(kpi(all, 'won_count')).toBe(c.count);
    expect(all.currencies?.code ?? null).toBe(c.currency);
    if (c.leadToOpportunity !== undefined) expect(kpi(all, 'lead_to_opportunity_ratio')).toBeCloseTo(c.leadToOpportunity, 12);
  });

  it('reads the Dynamics flags as status: the open deal is pipeline, the FALSE/TRUE deal lost', async () => {
    const proposal = await analytics.stageFiles([fixture('dialects/dynamics-opportunities.csv')]);
    expect(proposal.plan.mappings[0]?.status).toEqual({ kind: 'flags', isWon: 'Is Won', isClosed: 'Is Closed' });
    await analytics.applyImport(proposal.plan);
    const all = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(kpi(all, 'win_rate')).toBeCloseTo(2 / 3, 12);
  });

  it('maps the German lead list by its codes, flags and first contact', async () => {
    const proposal = await analytics.stageFiles(['leads-de.csv', 'kunden-abschluesse.csv'].map((f) => fixture(`dialects/${f}`)));
    const leads = proposal.plan.mappings.find((m) => m.table === 'leads');
    expect(leads?.columns).toMatchObject({
      lead_id: { source: 'Interessent-Nr' },
      created_date: { source: 'Erstkontakt' },
      source: { source: 'Herkunft' },
      is_converted: { source: 'Ist Kunde geworden' },
    });
    const deals = proposal.plan.mappings.find((m) => m.table === 'opportunities');
    expect(deals?.columns['lead_id']).toEqual({ source: 'Interessent-Nr' });
    expect(deals?.status).toEqual({ kind: 'won_date', column: 'Gewonnen am' });
  });
});

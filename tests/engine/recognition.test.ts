// Each CRM's export layout, hand-made in tests/fixtures/crm/, is recognized with its preset
// and loads to the KPIs worked out by hand. The six deals are the same in every file:
//   won  A 1,000 (created 2024-01-10, closed 2024-02-09: 30 days)
//   won  B 2,500 (2024-02-01 → 2024-03-02: 30 days, 2024 is a leap year)
//   lost C   800
//   open D 4,000 and E 1,500
//   won  F   500 (2024-03-05 → 2024-03-25: 20 days)
// → won 4,000 from 3 deals, win rate 3/4, deal size 4,000/3, cycle 80/3 days, pipeline 5,500.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, openAnalytics } from './helpers/engine';

const all = (a: Analytics) => a.dashboard({ period: 'all', fiscalStartMonth: 1 });

async function expectKpis(a: Analytics, wonAmount = 4000): Promise<void> {
  const d = await all(a);
  expect(kpi(d, 'won_amount')).toBeCloseTo(wonAmount, 6);
  expect(kpi(d, 'won_count')).toBe(3);
  expect(kpi(d, 'win_rate')).toBe(0.75);
  expect(kpi(d, 'avg_deal_size')).toBeCloseTo(wonAmount / 3, 6);
  expect(kpi(d, 'avg_sales_cycle_days')).toBeCloseTo(80 / 3, 6);
  expect(kpi(d, 'open_pipeline')).toBeCloseTo(5500, 6);
}

describe('CRM presets on the real engine', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  it('Salesforce report: field labels, converted amount with its currency, Won/Closed flags', async () => {
    const file = fixture('crm/salesforce-report/opportunities_report.csv');
    const proposal = await analytics.stageFiles([file]);
    const [m] = proposal.plan.mappings;
    expect(m).toMatchObject({ table: 'opportunities', presetId: 'salesforce-opportunity-report', confidence: 1 });
    expect(m?.columns['amount']).toEqual({ source: 'Amount (converted)' });
    expect(m?.columns['currency']).toEqual({ source: 'Amount (converted) Currency' });
    expect(m?.status).toEqual({ kind: 'flags', isWon: 'Won', isClosed: 'Closed' });
    expect(proposal.needsReview).toBe(false);
    await analytics.applyImport(proposal.plan);
    // Deal A is EUR 1,000 = USD 1,100 converted: the converted amount is what adds up.
    await expectKpis(analytics, 4100);
  });

  it('Salesforce API: opportunities, users, accounts and leads join by id', async () => {
    const files = ['Opportunity.csv', 'User.csv', 'Account.csv', 'Lead.csv'].map((f) => fixture(`crm/salesforce-api/${f}`));
    const proposal = await analytics.stageFiles(files);
    expect(proposal.plan.mappings.map((m) => m.presetId)).toEqual([
      'salesforce-opportunity-api',
      'salesforce-user-api',
      'salesforce-account-api',
      'salesforce-lead-api',
    ]);
    // Deals name their owner by user id, so reps are keyed by the users' Id.
    expect(proposal.plan.mappings[1]?.columns['rep']).toEqual({ source: 'Id' });
    expect(proposal.joins?.map((j) => `${j.from.table}.${j.from.column}→${j.to.table}:${j.key}`)).toEqual([
      'opportunities.owner→reps:id',
      'opportunities.account_id→accounts:id',
      'leads.converted_opportunity_id→opportunities:id',
    ]);
    const result = await analytics.applyImport(proposal.plan);
    expect(result.files.map((f) => f.rowsLoaded)).toEqual([6, 2, 6, 4]);
    await expectKpis(analytics);
    const quality = await analytics.dataQuality();
    expect(quality.issues.find((i) => i.id === 'owners_missing_from_reps')?.count).toBe(0);
  });

  it('HubSpot deals with the Is Closed Won flags, and contacts as leads', async () => {
    const files = ['hubspot-crm-exports-all-deals-2024-04-01.csv', 'hubspot-crm-exports-all-contacts-2024-04-01.csv'].map((f) =>
      fixture(`crm/hubspot/${f}`),
    );
    const proposal = await analytics.stageFiles(files);
    const [deals, contacts] = proposal.plan.mappings;
    expect(deals).toMatchObject({ table: 'opportunities', presetId: 'hubspot-deals', confidence: 1 });
    expect(deals?.status).toEqual({ kind: 'flags', isWon: 'Is Closed Won', isClosed: 'Is closed' });
    expect(contacts).toMatchObject({ table: 'leads', presetId: 'hubspot-contacts', confidence: 1 });
    expect(contacts?.columns['converted_opportunity_id']).toEqual({ source: 'Associated Deal IDs' });
    const result = await analytics.applyImport(proposal.plan);
    expect(result.files.map((f) => f.rowsLoaded)).toEqual([6, 4]);
    await expectKpis(analytics);
  });

  it('HubSpot deals without the flags read won and lost from the deal stage', async () => {
    const proposal = await analytics.stageFiles([fixture('crm/hubspot/hubspot-crm-exports-deals-by-stage-2024-04-01.csv')]);
    expect(proposal.plan.mappings[0]?.status).toMatchObject({ kind: 'stage', column: 'Deal Stage' });
    await analytics.applyImport(proposal.plan);
    await expectKpis(analytics);
  });

  it.each(['en', 'de', 'fr', 'es', 'pt', 'nl'])('Pipedrive deals exported in %s', async (lang) => {
    const proposal = await analytics.stageFiles([fixture(`crm/pipedrive/deals-${lang}.csv`)]);
    const [m] = proposal.plan.mappings;
    expect(m).toMatchObject({ table: 'opportunities', presetId: `pipedrive-deals-${lang}`, confidence: 1 });
    // Closed deals close on their actual date; open ones on the expected date.
    expect(m?.columns['close_date']?.fallback).toBeDefined();
    await analytics.applyImport(proposal.plan);
    await expectKpis(analytics);
  });

  it('Zoho CRM potentials, with "Closed-Lost to Competition" as lost', async () => {
    const proposal = await analytics.stageFiles([fixture('crm/zoho/Potentials_2024_04_01.csv')]);
    const [m] = proposal.plan.mappings;
    expect(m).toMatchObject({ table: 'opportunities', presetId: 'zoho-potentials', confidence: 1 });
    expect(m?.columns['close_date']).toEqual({ source: 'Closing Date' });
    await analytics.applyImport(proposal.plan);
    await expectKpis(analytics);
  });

  it('Dynamics 365: actual revenue and close date for closed deals, estimates for open ones', async () => {
    const proposal = await analytics.stageFiles([fixture('crm/dynamics/Open_Opportunities_and_Closed.csv')]);
    const [m] = proposal.plan.mappings;
    expect(m).toMatchObject({ table: 'opportunities', presetId: 'dynamics-opportunities', confidence: 1 });
    expect(m?.columns['opportunity_id']).toEqual({ source: '(Do Not Modify) Opportunity' });
    expect(m?.status).toEqual({ kind: 'stage', column: 'Status', won: ['Won'], lost: ['Lost'] });
    await analytics.applyImport(proposal.plan);
    // Deal A was estimated at 1,200 to close 2/15 but closed 2/9 at 1,000.
    await expectKpis(analytics);
  });

  it('a generic spreadsheet is guessed, confirmed by the user, and loads', async () => {
    const proposal = await analytics.stageFiles([fixture('crm/generic/my deals (Q1).csv')]);
    const [m] = proposal.plan.mappings;
    expect(proposal.needsReview).toBe(true);
    expect(m).toMatchObject({ table: 'opportunities', presetId: 'generic' });
    expect(m?.confidence).toBeLessThan(1);
    expect(m?.columns['owner']).toEqual({ source: 'Salesperson' });
    if (!m) throw new Error('no mapping');
    // The user picks the id column and the stages the guesser read from the values.
    const confirmed = { ...m, columns: { ...m.columns, opportunity_id: { source: 'Deal' } } };
    expect(confirmed.status).toEqual({ kind: 'stage', column: 'Stage', won: ['Won'], lost: ['Lost'] });
    await analytics.applyImport({ mappings: [confirmed] });
    await expectKpis(analytics);
  });
});

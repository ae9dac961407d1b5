// The data-quality checks on the real engine: a hand-made file with one of each flaw
// (counts and money worked out by hand in the comments), and the demo's deliberate flaws.
import { beforeAll, describe, expect, it } from 'vitest';
import type { QualityIssue } from '../../src/features/import/contract';
import { DEMO_FLAWS } from '../../src/demo/flaws';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';

const byId = (issues: readonly QualityIssue[], id: QualityIssue['id']) => {
  const found = issues.find((i) => i.id === id);
  if (!found) throw new Error(`check ${id} missing`);
  return found;
};

describe('data quality on a file with one flaw of each kind', () => {
  let analytics: Analytics;
  let issues: readonly QualityIssue[];
  let referenceDate: string | null;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await loadFiles(
      analytics,
      ['opportunities.csv', 'reps.csv', 'accounts.csv'].map((f) => fixture(`crm/quality/${f}`)),
    );
    ({ issues, referenceDate } = await analytics.dataQuality({ examples: 10 }));
  });

  it('takes the latest date in the data as the reference date', () => {
    // Latest created date 2024-03-20; latest actual close 2024-03-10.
    expect(referenceDate).toBe('2024-03-20');
  });

  it('finds the deal closed before it was created, and its won amount', () => {
    const i = byId(issues, 'closed_before_created');
    expect(i).toMatchObject({ count: 1, amount: 700 });
    expect(i.examples).toEqual([
      { label: 'Q-2', detail: 'won: created 2024-03-20, closed 2024-03-01', file: 'opportunities.csv', line: 4 },
    ]);
    expect(i.effect).toBe(
      'Won amount includes $700 from 1 won deal closed before created; their negative cycles shorten the average sales cycle.',
    );
  });

  it('finds the open deal whose close date has passed', () => {
    const i = byId(issues, 'open_past_close');
    expect(i).toMatchObject({ count: 1, amount: 900 });
    expect(i.examples.map((e) => [e.label, e.line])).toEqual([['Q-7', 9]]);
    expect(i.effect).toContain('$900');
  });

  it('finds won deals at zero and without an amount', () => {
    const i = byId(issues, 'won_without_amount');
    expect(i.count).toBe(2);
    expect(i.examples.map((e) => [e.label, e.detail])).toEqual([
      ['Q-3', 'amount 0'],
      ['Q-4', 'no amount'],
    ]);
    expect(i.effect).toContain('1 deal at 0 lower the average deal size');
  });

  it('finds the duplicated id and the won amount it counts twice', () => {
    const i = byId(issues, 'duplicate_opportunity_ids');
    expect(i).toMatchObject({ count: 1, amount: 1000 });
    expect(i.examples).toEqual([{ label: 'Q-1', detail: '2 rows', file: 'opportunities.csv', line: 2 }]);
  });

  it('finds the owner missing from the reps file', () => {
    const i = byId(issues, 'owners_missing_from_reps');
    expect(i).toMatchObject({ count: 1, amount: 300 });
    expect(i.examples.map((e) => e.label)).toEqual(['Ghost Rep']);
  });

  it('finds the account written two ways, with the deals it splits', () => {
    const i = byId(issues, 'account_spellings');
    // Q-1 twice and Q-3: 1,000 + 1,000 + 0 won.
    expect(i).toMatchObject({ count: 1, amount: 2000 });
    expect(i.examples.map((e) => e.label)).toEqual(['"ACME, Inc." / "Acme Inc"']);
    expect(i.effect).toContain('3 deals');
  });

  it('says why a check could not run instead of reporting zero', () => {
    expect(byId(issues, 'duplicate_lead_ids').unavailable).toMatch(/No leads file/);
  });
});

describe('data quality on the demo data', () => {
  it("shows the demo's three deliberate flaws, each once", async () => {
    const analytics = await openAnalytics();
    await analytics.loadDemo({ seed: 20261129, opportunities: 300 });
    const { issues } = await analytics.dataQuality({ examples: 10 });
    const dup = byId(issues, 'duplicate_opportunity_ids');
    expect(dup.count).toBe(1);
    expect(dup.examples[0]?.label).toBe(DEMO_FLAWS.duplicateOpportunityId);
    const backdated = byId(issues, 'closed_before_created');
    expect(backdated.count).toBe(1);
    expect(backdated.examples[0]?.label).toBe(DEMO_FLAWS.closedBeforeCreatedId);
    const owners = byId(issues, 'owners_missing_from_reps');
    expect(owners.count).toBe(1);
    expect(owners.examples[0]?.label).toBe(DEMO_FLAWS.unknownOwner);
  });
});

describe('data quality on Maven', () => {
  // Counted in sales_pipeline.csv: 1,425 rows with an empty account (1,088 Engaging, 337
  // Prospecting, none won) — the panel must not say "no problems".
  it('flags the 1,425 deals without an account', async () => {
    const analytics = await openAnalytics();
    await loadFiles(
      analytics,
      ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`)),
    );
    const { issues } = await analytics.dataQuality({ examples: 3 });
    const none = byId(issues, 'deals_without_account');
    expect(none).toMatchObject({ count: 1425, amount: null });
    expect(none.examples).toHaveLength(3);
    // Maven names no currency: a plain number, never an invented $.
    expect(none.effect).toBe(
      "1,425 deals (0 won deals, 0 (currency not named) won) name no account: their won amount counts in CLV's total while no account does, they are never a new customer for CAC, and an industry filter leaves them out.",
    );
    // The user's choice of currency (settings) is used when the data names none, in the display locale.
    const chosen = await analytics.dataQuality({ examples: 1, currency: 'EUR', locale: 'de-DE' });
    expect(byId(chosen.issues, 'deals_without_account').effect).toMatch(/^1\.425 deals \(0 won deals, 0\s€ won\)/u);
    expect(chosen.currency).toBe('EUR');
  });
});

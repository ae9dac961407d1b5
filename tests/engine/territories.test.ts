// The planner's account list on the real engine: Maven figures recomputed from the CSV by hand
// (Python over sales_pipeline.csv), and the demo's geography and territories.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';
import type { Analytics } from '../../workers/analytics/Analytics';
import type { TerritoryAccounts } from '../../src/features/territories/contract';

const MAVEN = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`));

describe('territoryAccounts on Maven', () => {
  let result: TerritoryAccounts;
  beforeAll(async () => {
    const analytics = await openAnalytics();
    await loadFiles(analytics, MAVEN);
    result = await analytics.territoryAccounts();
  });

  it('lists the 85 accounts by name with their deal figures', () => {
    expect(result.accounts).toHaveLength(85);
    const acme = result.accounts.find((a) => a.id === 'Acme Corporation');
    expect(acme?.bookings).toBe(101_744);
    expect(acme?.wonCount).toBe(34);
    expect(acme?.lostCount).toBe(24);
    expect(acme?.openCount).toBe(10);
    // Maven gives revenue in millions of dollars; the importer stores dollars.
    expect(acme?.annualRevenue).toBeCloseTo(1_100_040_000, 0);
    expect(acme?.owner).not.toBeNull();
  });

  it('adds up to the reference won amount and counts the deals without an account', () => {
    const total = result.accounts.reduce((s, a) => s + a.bookings, 0);
    expect(total).toBeCloseTo(10_005_534, 2);
    expect(result.unmatchedDeals).toBe(1425);
  });
});

describe('territoryAccounts on the demo', () => {
  let analytics: Analytics;
  let result: TerritoryAccounts;
  beforeAll(async () => {
    analytics = await openAnalytics();
    await analytics.loadDemo({ seed: 7, opportunities: 1500 });
    result = await analytics.territoryAccounts();
  });

  it('gives every account a territory, a state and coordinates', () => {
    expect(result.accounts.length).toBeGreaterThan(50);
    for (const a of result.accounts) {
      expect(a.territory).toBeTruthy();
      expect(a.state).toMatch(/^[A-Z]{2}$/);
      expect(a.latitude).toBeGreaterThan(18);
      expect(a.longitude).toBeLessThan(-60);
    }
  });
});

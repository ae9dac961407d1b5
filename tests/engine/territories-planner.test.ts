// The territory worker's planner on real engine data (the demo and Maven): every account
// gets exactly one of the designed territories, locks hold, county designs are contiguous,
// and the reported deviation equals the one recomputed here from the accounts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TerritoryAccount } from '../../src/features/territories/contract';
import type { DesignRequest, DesignResponse } from '../../src/features/territories/core/plannerTypes';
import { TerritoryPlanner } from '../../workers/analytics/territories/TerritoryPlanner';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';

const atlas = (level: string) =>
  Promise.resolve(JSON.parse(readFileSync(path.resolve(`node_modules/us-atlas/${level}-10m.json`), 'utf8')) as Topology);

function request(accounts: readonly TerritoryAccount[], patch: Partial<DesignRequest>): DesignRequest {
  return {
    mode: 'accounts',
    territories: 5,
    tolerance: 0.05,
    seed: 3,
    fromCurrent: false,
    ids: accounts.map((a) => a.id),
    current: accounts.map((a) => a.territory),
    latitude: accounts.map((a) => a.latitude),
    longitude: accounts.map((a) => a.longitude),
    weights: accounts.map((a) => a.annualRevenue ?? 0),
    k: 1,
    locks: {},
    ...patch,
  };
}

/** Largest relative deviation of revenue per territory, from the accounts the design placed. */
function recomputed(accounts: readonly TerritoryAccount[], out: DesignResponse): number {
  const sums = new Map(out.territoryNames.map((n) => [n, 0]));
  out.assignment.forEach((t, i) => {
    if ((out.unitOf[i] ?? -1) >= 0) sums.set(t, (sums.get(t) ?? 0) + (accounts[i]?.annualRevenue ?? 0));
  });
  const values = [...sums.values()];
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.max(...values.map((v) => Math.abs(v - mean) / mean));
}

describe('planner on the demo accounts', () => {
  let accounts: readonly TerritoryAccount[];
  const planner = new TerritoryPlanner(atlas);
  beforeAll(async () => {
    const analytics = await openAnalytics();
    await analytics.loadDemo({ seed: 7, opportunities: 1500 });
    accounts = (await analytics.territoryAccounts()).accounts;
  });

  it('designs contiguous county territories and reports their balance truthfully', async () => {
    const out = await planner.design(request(accounts, { mode: 'counties', territories: 6 }));
    expect(out.units?.ids.length).toBeGreaterThan(3100);
    expect(out.discontiguous).toBe(0);
    expect(new Set(out.assignment)).toEqual(new Set(out.territoryNames));
    expect(out.territoryNames).toHaveLength(6);
    expect(out.maxDeviation).toBeCloseTo(recomputed(accounts, out), 9);
  });

  it('balances account points within ±5 % and is repeatable for a seed', async () => {
    const req = request(accounts, { mode: 'points', territories: 4 });
    const out = await planner.design(req);
    expect(out.unplaced).toBe(0);
    expect(out.discontiguous).toBe(0);
    expect(recomputed(accounts, out)).toBeLessThanOrEqual(0.05);
    expect((await planner.design(req)).assignment).toEqual(out.assignment);
  });

  it('rebalances from today keeping a locked account where it was sent', async () => {
    const first = accounts[0];
    const names = [...new Set(accounts.map((a) => a.territory))].sort();
    const other = names.find((n) => n !== first?.territory) ?? '';
    const out = await planner.design(request(accounts, { fromCurrent: true, locks: { [first?.id ?? '']: other } }));
    expect(out.assignment[0]).toBe(other);
    expect([...out.territoryNames].sort()).toEqual(names);
  });
});

describe('planner on Maven (no geography)', () => {
  it('assigns the 85 named accounts to 5 territories', async () => {
    const analytics = await openAnalytics();
    await loadFiles(
      analytics,
      ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'].map((f) => fixture(`maven-crm/${f}`)),
    );
    const { accounts } = await analytics.territoryAccounts();
    const out = await new TerritoryPlanner(atlas).design(request(accounts, {}));
    expect(out.assignment).toHaveLength(85);
    expect(new Set(out.assignment).size).toBe(5);
    expect(out.maxDeviation).toBeCloseTo(recomputed(accounts, out), 9);
  });
});

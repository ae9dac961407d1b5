// Standalone timing of the territory planner (npx tsx scripts/bench/territories.ts):
// US counties into 10/25/50 territories, rebalancing a ±25 % imbalance, and what-if moves.
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { Alignment } from '../../src/features/territories/core/alignment';
import { design, runToEnd } from '../../src/features/territories/core/design';
import { disruption } from '../../src/features/territories/core/disruption';
import { geoUnits } from '../../src/features/territories/core/geo';
import { imbalancedStart } from '../../src/features/territories/core/synthetic';
import { syntheticWeights } from '../../src/features/territories/core/synthetic';
import { summarize } from '../../src/features/territories/summary';

const topology = JSON.parse(readFileSync('node_modules/us-atlas/counties-10m.json', 'utf8')) as Topology;

function time<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const value = run();
  return [value, performance.now() - t0];
}

const [units, loadMs] = time(() => geoUnits(topology, 'counties'));
console.log(`counties: ${units.ids.length} units, adjacency built in ${loadMs.toFixed(0)} ms`);
const n = units.ids.length;
for (const territories of [10, 25, 50]) {
  const weights = syntheticWeights(n, 3, 7);
  const [out, ms] = time(() => runToEnd(design({ n, k: 3, weights, territories, graph: units.graph, tolerance: 0.05, seed: 1 })));
  const dev = (out.maxDeviation * 100).toFixed(2);
  console.log(
    `counties → ${territories}: ${ms.toFixed(0)} ms, max deviation ${dev} % (3 attributes), discontiguous ${out.discontiguous.length}`,
  );
}

const accounts = 10_000;
const weights = syntheticWeights(accounts, 1, 11);
const start = imbalancedStart(weights, 20, 0.25, 5);
const before = new Alignment({ n: accounts, k: 1, weights, territories: 20, tolerance: 0.05, seed: 1 }, start).maxDeviation();
const problem = { n: accounts, k: 1, weights, territories: 20, start, tolerance: 0.05, seed: 1 };
const [out, ms] = time(() => runToEnd(design(problem)));
const moved = disruption(start, out.assignment, new Float64Array(accounts).fill(1), weights);
console.log(
  `rebalance 10,000 accounts / 20 territories: ${(before * 100).toFixed(1)} % → ${(out.maxDeviation * 100).toFixed(2)} % in ${ms.toFixed(0)} ms, ` +
    `accounts moved ${((moved.accountsFraction ?? 0) * 100).toFixed(2)} %, potential moved ${((moved.potentialFraction ?? 0) * 100).toFixed(2)} %`,
);

const al = new Alignment(problem, out.assignment);
const [, whatIfMs] = time(() => {
  for (let i = 0; i < 1000; i++) {
    al.move(i, (i * 7) % 20);
    al.maxDeviation();
  }
});
console.log(`what-if move + metrics at 10,000 units: ${(whatIfMs / 1000).toFixed(4)} ms each`);

// The page's what-if path: one account changes territory, then the whole summary (rows and
// balance metrics) is recomputed from the 10,000 accounts.
const pageAccounts = Array.from({ length: accounts }, (_, i) => ({
  id: `A${i}`,
  name: `Account ${i}`,
  territory: `T${(start[i] ?? 0) + 1}`,
  owner: null,
  region: null,
  state: null,
  postalCode: null,
  country: null,
  latitude: null,
  longitude: null,
  annualRevenue: weights[i] ?? 0,
  employees: null,
  openPipeline: 0,
  bookings: 0,
  wonCount: i % 3,
  lostCount: i % 2,
  openCount: 0,
}));
const names = pageAccounts.map((a) => a.territory);
const [, summaryMs] = time(() => {
  for (let i = 0; i < 100; i++) {
    names[i] = 'T1';
    summarize(pageAccounts, names, 'annualRevenue', 'accounts');
  }
});
console.log(`page what-if (move + full summary of 10,000 accounts): ${(summaryMs / 100).toFixed(2)} ms each`);

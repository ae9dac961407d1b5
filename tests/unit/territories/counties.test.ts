// Quality on the real US county map (us-atlas): 10 and 50 territories, three balanced
// attributes, every territory within ±5 % (totals recomputed here) and contiguous.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { design, runToEnd } from '../../../src/features/territories/core/design';
import { geoUnits } from '../../../src/features/territories/core/geo';
import { components, discontiguousTerritories } from '../../../src/features/territories/core/graph';
import { syntheticWeights } from '../../../src/features/territories/core/synthetic';

const topology = JSON.parse(readFileSync(path.resolve('node_modules/us-atlas/counties-10m.json'), 'utf8')) as Topology;
const units = geoUnits(topology, 'counties');
const n = units.ids.length;

describe('US counties', () => {
  it('form one graph of the 3,142 counties of the 50 states and DC', () => {
    expect(n).toBe(3142);
    expect(components(units.graph).count).toBe(1);
    const cook = units.ids.indexOf('17031');
    const dupage = units.ids.indexOf('17043');
    const neighbours = [...units.graph.targets.subarray(units.graph.offsets[cook], units.graph.offsets[cook + 1])];
    expect(neighbours).toContain(dupage);
  });

  it('are flagged when a territory holds two counties far apart', () => {
    const assign = new Int32Array(n).fill(0);
    assign[units.ids.indexOf('17031')] = 1; // Cook, IL
    assign[units.ids.indexOf('06037')] = 1; // Los Angeles, CA
    expect(discontiguousTerritories(units.graph, assign, 2)).toEqual([1]);
  });

  for (const territories of [10, 50]) {
    it(`split into ${territories} contiguous territories within ±5 % on three attributes`, () => {
      const weights = syntheticWeights(n, 3, 7);
      const out = runToEnd(design({ n, k: 3, weights, territories, graph: units.graph, tolerance: 0.05, seed: 1 }));
      expect(discontiguousTerritories(units.graph, out.assignment, territories)).toEqual([]);
      for (let a = 0; a < 3; a++) {
        const sums = new Array<number>(territories).fill(0);
        out.assignment.forEach((t, u) => (sums[t] = (sums[t] ?? 0) + (weights[u * 3 + a] ?? 0)));
        const mean = sums.reduce((s, v) => s + v, 0) / territories;
        for (const s of sums) expect(Math.abs(s - mean) / mean).toBeLessThanOrEqual(0.05);
      }
    });
  }
});

// Monte Carlo mean and variance against the closed forms Σa·p and Σa²·p(1−p), within
// sampling error; the same seed gives the same draws.
import { describe, expect, it } from 'vitest';
import { groupDeals, probabilityAtLeast, simulate, simulateJoint } from '../../../src/features/forecast/core/monteCarlo';
import { Prng } from '../../../src/features/forecast/core/prng';

function deals(count: number, seed: number): { amounts: Float64Array; probs: Float64Array } {
  const rng = new Prng(seed);
  const amounts = new Float64Array(count);
  const probs = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    amounts[i] = Math.round(1000 + 50_000 * rng.next() ** 3);
    probs[i] = [0.1, 0.2, 0.4, 0.6, 0.8][rng.int(5)] ?? 0.1;
  }
  return { amounts, probs };
}

function closedForm(amounts: Float64Array, probs: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  let variance = 0;
  amounts.forEach((a, i) => {
    const p = probs[i] ?? 0;
    mean += a * p;
    variance += a * a * p * (1 - p);
  });
  return { mean, variance };
}

describe('Monte Carlo over open deals', () => {
  it.each([
    ['every deal drawn alone', 400, 1000],
    ['the long tail pooled by probability', 20_000, 300],
  ])('matches Σa·p and Σa²·p(1−p) (%s)', (_label, count, exact) => {
    const { amounts, probs } = deals(count, 7);
    const expected = closedForm(amounts, probs);
    const draws = 20_000;
    const dist = simulate({ groups: groupDeals(amounts, probs, exact), base: 0, extra: [], draws, seed: 11 });
    const sd = Math.sqrt(expected.variance);
    // Standard error of the mean is sd/√draws; allow 4 of them.
    expect(Math.abs(dist.mean - expected.mean)).toBeLessThan((4 * sd) / Math.sqrt(draws));
    // The sample variance's relative standard error is about √(2/draws) ≈ 1 %; allow 5 %.
    expect(dist.sd ** 2 / expected.variance).toBeGreaterThan(0.95);
    expect(dist.sd ** 2 / expected.variance).toBeLessThan(1.05);
  });

  it('adds the booked base and bootstraps new business from the pool', () => {
    const dist = simulate({ groups: [], base: 100, extra: [10, 20, 30], draws: 30_000, seed: 3 });
    expect(dist.mean).toBeCloseTo(120, 0);
    expect(dist.p10).toBe(110);
    expect(dist.p90).toBe(130);
  });

  it('is deterministic for a seed and gives the probability of reaching a target', () => {
    const groups = [{ p: 0.5, n: 1, sum: 100, sumSq: 10_000 }];
    const a = simulate({ groups, base: 0, extra: [], draws: 10_000, seed: 5 });
    const b = simulate({ groups, base: 0, extra: [], draws: 10_000, seed: 5 });
    expect(Array.from(a.sorted)).toEqual(Array.from(b.sorted));
    expect(Math.abs(probabilityAtLeast(a, 100) - 0.5)).toBeLessThan(0.02);
    expect(probabilityAtLeast(a, 0)).toBe(1);
  });

  it('simulates groups jointly: one past window of new business per draw for every group', () => {
    const parts = [
      { groups: [], base: 10, extra: [0, 100, 200] },
      { groups: [], base: 0, extra: [0, 1, 2] },
    ];
    const [a, b] = simulateJoint(parts, 3, 500, 3);
    expect(a?.length).toBe(500);
    for (let d = 0; d < 500; d++) expect(((a?.[d] ?? NaN) - 10) / 100).toBe(b?.[d]);
    expect(new Set(b).size).toBe(3);
  });
});

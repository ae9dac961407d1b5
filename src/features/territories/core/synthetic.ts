// Seeded synthetic attributes for benchmarks and tests: skewed (log-normal) and correlated,
// like potential, account count and workload of real geographic units.
import { SeededRandom } from './prng';

export function syntheticWeights(n: number, k: number, seed: number): Float64Array {
  const rng = new SeededRandom(seed);
  const w = new Float64Array(n * k);
  for (let u = 0; u < n; u++) {
    const size = Math.exp(0.6 * normal(rng));
    for (let a = 0; a < k; a++) w[u * k + a] = Math.round(1000 * size * Math.exp(0.3 * normal(rng)));
  }
  return w;
}

/** Box–Muller from the seeded stream. */
function normal(rng: SeededRandom): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * A start alignment whose territories are off by up to ±`spread` on potential: territory t
 * draws accounts with a probability that rises linearly from (1 − spread) to (1 + spread).
 */
export function imbalancedStart(weights: Float64Array, territories: number, spread: number, seed: number): Int32Array {
  const rng = new SeededRandom(seed);
  const share = Array.from(
    { length: territories },
    (_, t) => 1 + spread * (territories > 1 ? (2 * t) / (territories - 1) - 1 : 0),
  );
  const cumulative: number[] = [];
  let sum = 0;
  for (const s of share) cumulative.push((sum += s));
  return Int32Array.from(weights, () => {
    const x = rng.next() * sum;
    const t = cumulative.findIndex((c) => x < c);
    return t < 0 ? territories - 1 : t;
  });
}

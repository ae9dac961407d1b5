// Designs contiguous territories on a unit graph from scratch: grow regions, then boundary
// moves under a smooth objective, then under ever tighter tolerance bands. A few seeded
// restarts (a fixed number, so a seed always gives the same answer) keep the best result.
import { Alignment } from './alignment';
import { boundaryMoves } from './boundary';
import type { Graph } from './graph';
import { boundarySwaps } from './graphSwaps';
import { growRegions } from './grow';
import type { Problem } from './problem';
import { SeededRandom } from './prng';
import type { Steps } from './steps';

export const MAX_RESTARTS = 6;
const PASSES = 60;

export function* designGraph(p: Problem, g: Graph): Steps<Alignment> {
  let best: Alignment | null = null;
  for (let r = 0; r < MAX_RESTARTS; r++) {
    const span = (x: number) => (r + x) / MAX_RESTARTS;
    const rng = new SeededRandom(p.seed + r * 7919);
    const al = new Alignment(p);
    for (const step of growRegions(g, al, rng)) yield { ...step, fraction: span(step.fraction) };
    yield* boundaryMoves(g, al, rng, { maxPasses: PASSES, from: span(0.3), to: span(0.6) });
    for (const share of [0.8, 0.6, 0.4, 0.2]) {
      al.focus(share * p.tolerance);
      yield* boundaryMoves(g, al, rng, { maxPasses: PASSES, from: span(0.6), to: span(1) });
    }
    if (al.maxDeviation() > p.tolerance) {
      yield* boundarySwaps(g, al, 4 * p.territories);
      yield* boundaryMoves(g, al, rng, { maxPasses: PASSES, from: span(0.9), to: span(1) });
    }
    if (!best || al.maxDeviation() < best.maxDeviation()) best = al;
    yield { phase: 'balancing', fraction: span(1), maxDeviation: best.maxDeviation() };
    if (best.maxDeviation() <= p.tolerance) break;
  }
  return best ?? new Alignment(p);
}

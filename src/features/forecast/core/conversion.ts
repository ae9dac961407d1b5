// Empirical conversion: the chance that a deal open on an as-of date wins within the window,
// by its stage (when known) and age on that date, estimated only from windows that ended
// before the as-of date, and shrunk toward the stage's and then the overall rate so that
// small groups do not get 0 % or 100 %.
import type { Cell } from './types';

/** Pseudo-deals of prior weight: a cell with k deals is halfway between its own rate and the parent's. */
export const SHRINKAGE = 10;

export interface ConversionTable {
  readonly overall: number;
  /** Probability for a (stage, age bucket) cell, shrunk as above. */
  probability(stage: string | null, ageBucket: number): number;
  /** Deals seen in training (for the page's "based on n deals"). */
  readonly deals: number;
}

export function conversionTable(training: readonly Cell[]): ConversionTable {
  const key = (stage: string | null, age: number) => `${stage ?? '\u0000'}|${age}`;
  const cells = new Map<string, { n: number; won: number }>();
  const stages = new Map<string | null, { n: number; won: number }>();
  let n = 0;
  let won = 0;
  for (const c of training) {
    n += c.n;
    won += c.wonN;
    add(cells, key(c.stage, c.ageBucket), c);
    add(stages, c.stage, c);
  }
  const overall = n > 0 ? won / n : 0;
  return {
    overall,
    deals: n,
    probability(stage, ageBucket) {
      const s = stages.get(stage);
      const stageRate = s ? (s.won + SHRINKAGE * overall) / (s.n + SHRINKAGE) : overall;
      const c = cells.get(key(stage, ageBucket));
      return c ? (c.won + SHRINKAGE * stageRate) / (c.n + SHRINKAGE) : stageRate;
    },
  };
}

function add<K>(map: Map<K, { n: number; won: number }>, k: K, c: Cell): void {
  const e = map.get(k) ?? { n: 0, won: 0 };
  e.n += c.n;
  e.won += c.wonN;
  map.set(k, e);
}

// Seeded randomness for the demo generator.
//
// Every row is derived from (seed, stream, row index) alone, so any table can be streamed
// on its own, in any order, without holding earlier rows — and leads or stage history can
// re-derive "their" opportunity. Only integer ops and IEEE-exact float arithmetic
// (+ − × ÷, floor) are used: Math.exp/log/cos may differ in the last bit between JS engines,
// which would break "same seed, same bytes" between Node and a browser worker.

import { Mulberry32 } from '../random/mulberry32';

/** Independent random streams; a new table gets a new number, never a reused one. */
export const Stream = {
  opportunity: 1,
  account: 2,
  lead: 3,
  history: 4,
  rep: 5,
  quota: 6,
  spend: 7,
  leadCampaign: 8,
} as const;

/** murmur3's 32-bit finalizer: a cheap avalanche so adjacent indices give unrelated seeds. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit seed for one row of one stream; uses both halves of a seed above 2^32. */
export function rowSeed(seed: number, stream: number, index: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let h = mix32(lo ^ 0x9e3779b9);
  h = mix32(h ^ Math.imul(hi + 0x7f4a7c15, 0x27d4eb2f));
  h = mix32(h ^ Math.imul(stream, 0x165667b1));
  return mix32(h + Math.imul(index >>> 0, 0x61c88647) + Math.floor(index / 4294967296));
}

/** Element `i` of a list that is known to be long enough (keeps noUncheckedIndexedAccess honest). */
export function at<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new RangeError(`index ${i} outside list of ${list.length}`);
  return v;
}

/** mulberry32 (tiny, fast, and good enough for synthetic business data), one per row and stream. */
export class Rng extends Mulberry32 {
  static forRow(seed: number, stream: number, index: number): Rng {
    return new Rng(rowSeed(seed, stream, index));
  }

  /** Integer in [lo, hi], both inclusive. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return at(list, this.int(list.length));
  }

  /**
   * Approximately standard normal: Irwin–Hall sum of four uniforms, rescaled to unit variance.
   * Bounded at ±3.46, which conveniently keeps lognormal amounts free of absurd outliers.
   */
  normal(): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return (sum - 2) * 1.7320508075688772;
  }
}

/** A categorical distribution, set up once and sampled per row. */
export class Weighted<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let total = 0;
    entries.forEach((e, i) => {
      total += e[1];
      this.cumulative[i] = total;
    });
    this.cumulative.forEach((c, i) => (this.cumulative[i] = c / total));
  }

  pick(rng: Rng): T {
    const u = rng.next();
    const n = this.values.length;
    for (let i = 0; i < n - 1; i++) {
      if (u < (this.cumulative[i] ?? 1)) return at(this.values, i);
    }
    return at(this.values, n - 1);
  }
}

const LN2 = 0.6931471805599453;

/**
 * e^x from arithmetic alone (see the file comment): x = k·ln2 + r with |r| ≤ ln2/2,
 * then an 11-term Taylor series for e^r (relative error < 1e-13: invisible in 2-decimal money).
 */
export function detExp(x: number): number {
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let n = 1; n <= 11; n++) {
    term = (term * r) / n;
    sum += term;
  }
  let scale = 1;
  const base = k < 0 ? 0.5 : 2;
  for (let i = 0; i < Math.abs(k); i++) scale *= base;
  return sum * scale;
}

// mulberry32: a tiny seeded generator, used wherever pipelens needs repeatable randomness
// (the demo generator, territory designs, compensation simulations); never Math.random().

export class Mulberry32 {
  protected state: number;

  constructor(seed32: number) {
    this.state = seed32 >>> 0;
  }

  /** Uniform in [0, 1), a multiple of 2^-32 (exact in every engine). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

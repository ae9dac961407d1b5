// Seeded randomness for territory designs, so that a design is repeatable for a seed.
import { Mulberry32 } from '../../../random/mulberry32';

export class SeededRandom extends Mulberry32 {
  constructor(seed: number) {
    // Seed 0 is the form's empty value: give it a fixed, non-degenerate start.
    super(seed >>> 0 || 0x9e3779b9);
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }
}

// A mutable assignment of units to territories with per-territory loads kept up to date,
// so a move, its effect on balance, and the metrics cost O(k) / O(N·k) — what-if moves stay instant.
import type { Problem } from './problem';

export class Alignment {
  readonly assign: Int32Array;
  readonly loads: Float64Array;
  readonly counts: Int32Array;
  /** Mean load per attribute (total ÷ territories): the balance target. */
  readonly targets: Float64Array;
  private readonly inv: Float64Array;
  /** Deviation beyond which the objective adds a steep penalty (see focus()). */
  private band = Infinity;

  constructor(
    readonly problem: Problem,
    initial?: Int32Array,
  ) {
    const { n, k, territories, weights } = problem;
    this.assign = initial ? Int32Array.from(initial) : new Int32Array(n).fill(-1);
    this.loads = new Float64Array(territories * k);
    this.counts = new Int32Array(territories);
    this.targets = new Float64Array(k);
    for (let u = 0; u < n; u++) for (let a = 0; a < k; a++) this.targets[a] = (this.targets[a] ?? 0) + (weights[u * k + a] ?? 0);
    this.inv = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      const t = (this.targets[a] ?? 0) / territories;
      this.targets[a] = t;
      // An attribute that is zero everywhere cannot be unbalanced: it weighs nothing.
      this.inv[a] = t > 0 ? 1 / t : 0;
    }
    for (let u = 0; u < n; u++) {
      const t = this.assign[u] ?? -1;
      if (t >= 0) this.add(u, t);
    }
  }

  /**
   * Makes the objective punish deviations beyond `band` 50× harder: after the smooth search,
   * this steers moves toward the territories still outside the tolerance.
   */
  focus(band: number): void {
    this.band = band;
  }

  /** Per-(territory, attribute) cost of a deviation d. */
  private cost(d: number): number {
    const excess = Math.abs(d) - this.band;
    return excess > 0 ? d * d + 50 * excess * excess : d * d;
  }

  weight(u: number, a: number): number {
    return this.problem.weights[u * this.problem.k + a] ?? 0;
  }

  /** Relative deviation of territory t on attribute a. */
  deviation(t: number, a: number): number {
    return ((this.loads[t * this.problem.k + a] ?? 0) - (this.targets[a] ?? 0)) * (this.inv[a] ?? 0);
  }

  /** Σ over attributes of relative load: orders territories from light to heavy. */
  size(t: number): number {
    let s = 0;
    for (let a = 0; a < this.problem.k; a++) s += (this.loads[t * this.problem.k + a] ?? 0) * (this.inv[a] ?? 0);
    return s;
  }

  /** Change of the objective Σ deviation² when u goes to `to` (from its territory, or from nowhere). */
  moveDelta(u: number, to: number): number {
    const from = this.assign[u] ?? -1;
    if (from === to) return 0;
    const k = this.problem.k;
    let d = 0;
    for (let a = 0; a < k; a++) {
      const w = this.weight(u, a) * (this.inv[a] ?? 0);
      if (from >= 0) {
        const df = this.deviation(from, a);
        d += this.cost(df - w) - this.cost(df);
      }
      const dt = this.deviation(to, a);
      d += this.cost(dt + w) - this.cost(dt);
    }
    return d;
  }

  /** Change of the objective when a group of units, all in territory `from`, goes to `to`. */
  groupDelta(group: readonly number[], from: number, to: number): number {
    let d = 0;
    for (let a = 0; a < this.problem.k; a++) {
      let w = 0;
      for (const u of group) w += this.weight(u, a);
      w *= this.inv[a] ?? 0;
      const df = this.deviation(from, a);
      const dt = this.deviation(to, a);
      d += this.cost(df - w) - this.cost(df) + this.cost(dt + w) - this.cost(dt);
    }
    return d;
  }

  /** Change of the objective when u and v (in different territories) trade places. */
  swapDelta(u: number, v: number): number {
    const tu = this.assign[u] ?? -1;
    const tv = this.assign[v] ?? -1;
    let d = 0;
    for (let a = 0; a < this.problem.k; a++) {
      const diff = (this.weight(u, a) - this.weight(v, a)) * (this.inv[a] ?? 0);
      const du = this.deviation(tu, a);
      const dv = this.deviation(tv, a);
      d += this.cost(du - diff) - this.cost(du) + this.cost(dv + diff) - this.cost(dv);
    }
    return d;
  }

  move(u: number, to: number): void {
    const from = this.assign[u] ?? -1;
    if (from === to) return;
    if (from >= 0) this.remove(u, from);
    if (to >= 0) this.add(u, to);
    this.assign[u] = to;
  }

  /** Largest |deviation| over territories and attributes. */
  maxDeviation(): number {
    let worst = 0;
    for (let t = 0; t < this.problem.territories; t++) {
      for (let a = 0; a < this.problem.k; a++) worst = Math.max(worst, Math.abs(this.deviation(t, a)));
    }
    return worst;
  }

  /** Σ deviation²: the smooth objective the searches minimise. */
  objective(): number {
    let f = 0;
    for (let t = 0; t < this.problem.territories; t++)
      for (let a = 0; a < this.problem.k; a++) f += this.cost(this.deviation(t, a));
    return f;
  }

  /** Per-territory totals of attribute a. */
  column(a: number): number[] {
    return Array.from({ length: this.problem.territories }, (_, t) => this.loads[t * this.problem.k + a] ?? 0);
  }

  locked(u: number): boolean {
    return (this.problem.locks?.[u] ?? -1) >= 0;
  }

  private add(u: number, t: number): void {
    const k = this.problem.k;
    for (let a = 0; a < k; a++) this.loads[t * k + a] = (this.loads[t * k + a] ?? 0) + this.weight(u, a);
    this.counts[t] = (this.counts[t] ?? 0) + 1;
  }

  private remove(u: number, t: number): void {
    const k = this.problem.k;
    for (let a = 0; a < k; a++) this.loads[t * k + a] = (this.loads[t * k + a] ?? 0) - this.weight(u, a);
    this.counts[t] = (this.counts[t] ?? 0) - 1;
  }
}

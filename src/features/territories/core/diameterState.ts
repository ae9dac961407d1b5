// The state the diameter search works on (docs/territories.md, "Objectives"): an assignment
// with per-territory member lists and activity sums kept up to date, and — for a cap D on the
// diameter — how many units of its own territory each unit is farther than D from. A move
// updates all of it in O(size of the two territories), so the search can judge thousands of
// moves a second: the pairs farther apart than D and the balance excess are its penalties.
import type { Plane } from './compact';
import type { Graph } from './graph';

export class DiameterState {
  readonly n: number;
  readonly assign: Int32Array;
  readonly sums: Float64Array;
  readonly counts: Int32Array;
  private readonly members: Int32Array;
  private readonly pos: Int32Array;
  private readonly inv: Float64Array;
  private readonly mean: Float64Array;
  /** Units of its own territory farther than the cap from each unit. */
  readonly farOwn: Int32Array;
  /** Pairs of units in one territory farther apart than the cap. */
  pairs = 0;
  /** Squared cap per territory (one value for all, except while the search polishes one territory). */
  private readonly cap2: Float64Array;

  constructor(
    readonly g: Graph,
    readonly xy: Plane,
    /** Row-major n × attrs. */
    readonly weights: Float64Array,
    readonly attrs: number,
    readonly T: number,
    /** Tolerance the search aims at (a hair inside the user's, so rounding cannot cross it). */
    readonly tol: number,
    start: Int32Array,
  ) {
    this.n = g.n;
    this.assign = new Int32Array(this.n);
    this.sums = new Float64Array(T * attrs);
    this.counts = new Int32Array(T);
    this.members = new Int32Array(T * this.n);
    this.pos = new Int32Array(this.n);
    this.farOwn = new Int32Array(this.n);
    this.mean = new Float64Array(attrs);
    this.cap2 = new Float64Array(T).fill(Infinity);
    this.inv = new Float64Array(attrs);
    for (let u = 0; u < this.n; u++)
      for (let a = 0; a < attrs; a++) this.mean[a] = (this.mean[a] ?? 0) + (weights[u * attrs + a] ?? 0) / T;
    // An attribute that is zero everywhere cannot be unbalanced.
    this.mean.forEach((m, a) => (this.inv[a] = m > 0 ? 1 / m : 0));
    this.load(start);
  }

  d2(u: number, v: number): number {
    return ((this.xy.x[u] ?? 0) - (this.xy.x[v] ?? 0)) ** 2 + ((this.xy.y[u] ?? 0) - (this.xy.y[v] ?? 0)) ** 2;
  }

  /** Replaces the whole assignment (every unit must have a territory). */
  load(assign: Int32Array): void {
    this.assign.set(assign);
    this.sums.fill(0);
    this.counts.fill(0);
    for (let u = 0; u < this.n; u++) {
      const t = assign[u] ?? 0;
      this.pos[u] = this.counts[t] ?? 0;
      this.members[t * this.n + (this.counts[t] ?? 0)] = u;
      this.counts[t] = (this.counts[t] ?? 0) + 1;
      for (let a = 0; a < this.attrs; a++) this.sums[t * this.attrs + a] = (this.sums[t * this.attrs + a] ?? 0) + this.w(u, a);
    }
    this.recount();
  }

  setCap(d: number): void {
    this.cap2.fill(d * d);
    this.recount();
  }

  /** Caps per territory (their diameters, say), so one can be lowered while the others may not grow. */
  setCaps(caps: Float64Array): void {
    caps.forEach((d, t) => (this.cap2[t] = d * d));
    this.recount();
  }

  /** Largest distance between two units of territory t. */
  diameterOf(t: number): number {
    let worst = 0;
    const base = t * this.n;
    const m = this.counts[t] ?? 0;
    for (let i = 0; i < m; i++) {
      const u = this.members[base + i] ?? 0;
      for (let j = i + 1; j < m; j++) worst = Math.max(worst, this.d2(u, this.members[base + j] ?? 0));
    }
    return Math.sqrt(worst);
  }

  private recount(): void {
    this.pairs = 0;
    for (let u = 0; u < this.n; u++) {
      this.farOwn[u] = this.farIn(u, this.assign[u] ?? 0);
      this.pairs += this.farOwn[u] ?? 0;
    }
    this.pairs /= 2;
  }

  /** Units of territory t (other than u) farther than the cap from u. */
  farIn(u: number, t: number): number {
    const cap2 = this.cap2[t] ?? Infinity;
    if (cap2 === Infinity) return 0;
    let c = 0;
    const base = t * this.n;
    for (let i = 0; i < (this.counts[t] ?? 0); i++) if (this.d2(u, this.members[base + i] ?? 0) > cap2) c++;
    return c;
  }

  private w(u: number, a: number): number {
    return this.weights[u * this.attrs + a] ?? 0;
  }

  private dev(t: number, a: number): number {
    const inv = this.inv[a] ?? 0;
    return inv > 0 ? (this.sums[t * this.attrs + a] ?? 0) * inv - 1 : 0;
  }

  private excessOf(d: number): number {
    return Math.max(0, Math.abs(d) - this.tol);
  }

  /** Σ over territories and attributes of the relative deviation beyond the tolerance. */
  excess(): number {
    let e = 0;
    for (let t = 0; t < this.T; t++) for (let a = 0; a < this.attrs; a++) e += this.excessOf(this.dev(t, a));
    return e;
  }

  /** Set by balanceDelta (fields, not a returned object: it runs for every candidate move). */
  dExcess = 0;
  dSquare = 0;

  /**
   * Change of the balance excess and of Σ deviation² (a tie-break that keeps territories near
   * the mean, so later moves have room) when u goes to `to`: into dExcess and dSquare.
   */
  balanceDelta(u: number, to: number): void {
    const from = this.assign[u] ?? 0;
    let excess = 0;
    let square = 0;
    for (let a = 0; a < this.attrs; a++) {
      const wu = this.w(u, a) * (this.inv[a] ?? 0);
      const df = this.dev(from, a);
      const dt = this.dev(to, a);
      excess += this.excessOf(df - wu) - this.excessOf(df) + this.excessOf(dt + wu) - this.excessOf(dt);
      square += (df - wu) ** 2 - df * df + (dt + wu) ** 2 - dt * dt;
    }
    this.dExcess = excess;
    this.dSquare = square;
  }

  /** The same for u and v (in different territories) trading places. */
  swapDelta(u: number, v: number): { excess: number; square: number } {
    const tu = this.assign[u] ?? 0;
    const tv = this.assign[v] ?? 0;
    let excess = 0;
    let square = 0;
    for (let a = 0; a < this.attrs; a++) {
      const diff = (this.w(u, a) - this.w(v, a)) * (this.inv[a] ?? 0);
      const du = this.dev(tu, a);
      const dv = this.dev(tv, a);
      excess += this.excessOf(du - diff) - this.excessOf(du) + this.excessOf(dv + diff) - this.excessOf(dv);
      square += (du - diff) ** 2 - du * du + (dv + diff) ** 2 - dv * dv;
    }
    return { excess, square };
  }

  /** Does territory t carry any balance excess? */
  outside(t: number): boolean {
    for (let a = 0; a < this.attrs; a++) if (this.excessOf(this.dev(t, a)) > 0) return true;
    return false;
  }

  move(u: number, to: number): void {
    const from = this.assign[u] ?? 0;
    if (from === to) return;
    const n = this.n;
    // Out of `from`: its members lose u as a far partner; swap-remove u from the list.
    const last = this.members[from * n + (this.counts[from] ?? 1) - 1] ?? 0;
    this.members[from * n + (this.pos[u] ?? 0)] = last;
    this.pos[last] = this.pos[u] ?? 0;
    this.counts[from] = (this.counts[from] ?? 1) - 1;
    this.pairs -= this.farOwn[u] ?? 0;
    const capFrom = this.cap2[from] ?? Infinity;
    if (capFrom !== Infinity)
      for (let i = 0; i < (this.counts[from] ?? 0); i++) {
        const v = this.members[from * n + i] ?? 0;
        if (this.d2(u, v) > capFrom) this.farOwn[v] = (this.farOwn[v] ?? 0) - 1;
      }
    let far = 0;
    const capTo = this.cap2[to] ?? Infinity;
    if (capTo !== Infinity)
      for (let i = 0; i < (this.counts[to] ?? 0); i++) {
        const v = this.members[to * n + i] ?? 0;
        if (this.d2(u, v) > capTo) {
          this.farOwn[v] = (this.farOwn[v] ?? 0) + 1;
          far++;
        }
      }
    this.farOwn[u] = far;
    this.pairs += far;
    this.pos[u] = this.counts[to] ?? 0;
    this.members[to * n + (this.counts[to] ?? 0)] = u;
    this.counts[to] = (this.counts[to] ?? 0) + 1;
    for (let a = 0; a < this.attrs; a++) {
      this.sums[from * this.attrs + a] = (this.sums[from * this.attrs + a] ?? 0) - this.w(u, a);
      this.sums[to * this.attrs + a] = (this.sums[to * this.attrs + a] ?? 0) + this.w(u, a);
    }
    this.assign[u] = to;
  }

  /** Largest distance between two units of one territory. */
  maxDiameter(): number {
    let worst = 0;
    for (let t = 0; t < this.T; t++) worst = Math.max(worst, this.diameterOf(t));
    return worst;
  }
}

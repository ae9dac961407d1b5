// Territories of accounts on a map of units (counties, states or account points), where a
// unit may hold accounts of several territories (today's territories are whatever the CRM
// says) and most units hold none. A territory's land is every unit holding one of its
// accounts, plus the empty units nearest to it (a multi-source search from the occupied
// units, so every empty unit reaches its territory's accounts through its own territory's
// land). A territory is contiguous when its land is one piece of the unit graph.
// Named-account territories ("free") claim no land: they need not be contiguous.
import { neighbours, type Graph } from './graph';

export interface Piece {
  readonly territory: number;
  /** Units of this piece of the territory's land. */
  readonly units: number[];
}

export class MapPieces {
  /** Accounts of territory t in unit u (free territories are not counted): occ[t·N + u]. */
  private readonly occ: Int32Array;
  /** Accounts of non-free territories in u. */
  private readonly held: Int32Array;
  /** Territory of an empty unit (nearest occupied land), -1 when none reaches it. */
  readonly label: Int32Array;
  private readonly queueU: Int32Array;
  private readonly queueT: Int32Array;
  private readonly seen: Int32Array;
  private epoch = 0;
  /** Pieces per territory, recounted only for territories whose land changed since. */
  private readonly pieceCount: Int32Array;
  private readonly dirty: Uint8Array;

  constructor(
    readonly graph: Graph,
    readonly territories: number,
    readonly free: Uint8Array,
  ) {
    const n = graph.n;
    this.occ = new Int32Array(territories * n);
    this.held = new Int32Array(n);
    this.label = new Int32Array(n).fill(-1);
    this.queueU = new Int32Array(n * Math.max(1, territories));
    this.queueT = new Int32Array(n * Math.max(1, territories));
    this.seen = new Int32Array(n);
    this.pieceCount = new Int32Array(territories);
    this.dirty = new Uint8Array(territories).fill(1);
  }

  /** Count (+1) or uncount (-1) one account of territory t in unit u; call flood() afterwards. */
  change(t: number, u: number, by: 1 | -1): void {
    if (u < 0 || t < 0 || this.free[t]) return;
    const n = this.graph.n;
    this.occ[t * n + u] = (this.occ[t * n + u] ?? 0) + by;
    this.held[u] = (this.held[u] ?? 0) + by;
    // The unit may change hands between empty and held: its old label's land changes too.
    this.dirty[t] = 1;
    const was = this.label[u] ?? -1;
    if (was >= 0) this.dirty[was] = 1;
  }

  /** Does territory t's land include unit u? */
  has(t: number, u: number): boolean {
    if (this.free[t]) return false;
    if ((this.held[u] ?? 0) > 0) return (this.occ[t * this.graph.n + u] ?? 0) > 0;
    return this.label[u] === t;
  }

  /** Territories whose land includes u. */
  at(u: number): number[] {
    if ((this.held[u] ?? 0) === 0) return (this.label[u] ?? -1) >= 0 ? [this.label[u] ?? -1] : [];
    const out: number[] = [];
    const n = this.graph.n;
    for (let t = 0; t < this.territories; t++) if ((this.occ[t * n + u] ?? 0) > 0) out.push(t);
    return out;
  }

  /** Gives every empty unit the territory of the nearest occupied unit (ties: lower unit, then lower territory). */
  flood(): void {
    const n = this.graph.n;
    const before = Int32Array.from(this.label);
    this.label.fill(-1);
    let tail = 0;
    for (let u = 0; u < n; u++) {
      if ((this.held[u] ?? 0) === 0) continue;
      for (let t = 0; t < this.territories; t++) {
        if ((this.occ[t * n + u] ?? 0) > 0) {
          this.queueU[tail] = u;
          this.queueT[tail++] = t;
        }
      }
    }
    for (let head = 0; head < tail; head++) {
      const u = this.queueU[head] ?? 0;
      const t = this.queueT[head] ?? 0;
      for (const v of neighbours(this.graph, u)) {
        if ((this.held[v] ?? 0) > 0 || this.label[v] !== -1) continue;
        this.label[v] = t;
        this.queueU[tail] = v;
        this.queueT[tail++] = t;
      }
    }
    for (let u = 0; u < n; u++) {
      const a = before[u] ?? -1;
      const b = this.label[u] ?? -1;
      if (a === b) continue;
      if (a >= 0) this.dirty[a] = 1;
      if (b >= 0) this.dirty[b] = 1;
    }
  }

  /** The pieces of territory t's land (none for a free territory or one without land). */
  pieces(t: number): Piece[] {
    if (this.free[t]) return [];
    const epoch = ++this.epoch;
    const out: Piece[] = [];
    for (let s = 0; s < this.graph.n; s++) {
      if (this.seen[s] === epoch || !this.has(t, s)) continue;
      const units = [s];
      this.seen[s] = epoch;
      for (let head = 0; head < units.length; head++) {
        for (const v of neighbours(this.graph, units[head] ?? 0)) {
          if (this.seen[v] !== epoch && this.has(t, v)) {
            this.seen[v] = epoch;
            units.push(v);
          }
        }
      }
      out.push({ territory: t, units });
    }
    return out;
  }

  /** Σ over territories of their pieces beyond the first: 0 when every territory is contiguous. */
  extraPieces(): number {
    let extra = 0;
    for (let t = 0; t < this.territories; t++) {
      if (this.dirty[t]) {
        this.pieceCount[t] = this.pieces(t).length;
        this.dirty[t] = 0;
      }
      extra += Math.max(0, (this.pieceCount[t] ?? 0) - 1);
    }
    return extra;
  }

  /** One territory per unit for drawing: the one with most accounts there, else its land's, else -1. */
  display(): Int32Array {
    const n = this.graph.n;
    return Int32Array.from({ length: n }, (_, u) => {
      if ((this.held[u] ?? 0) === 0) return this.label[u] ?? -1;
      let pick = -1;
      let most = 0;
      for (let t = 0; t < this.territories; t++) {
        const c = this.occ[t * n + u] ?? 0;
        if (c > most) [most, pick] = [c, t];
      }
      return pick;
    });
  }
}

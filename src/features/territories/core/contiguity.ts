// Does territory t stay connected when unit u leaves it? Only u's neighbours in t need to
// find each other again without u, so the search stops as soon as they all have.
import { neighbours, type Graph } from './graph';

export class ConnectivityProbe {
  private readonly stamp: Int32Array;
  private epoch = 0;
  private readonly queue: Int32Array;

  constructor(private readonly graph: Graph) {
    this.stamp = new Int32Array(graph.n);
    this.queue = new Int32Array(graph.n);
  }

  canRemove(u: number, assign: Int32Array): boolean {
    const t = assign[u];
    const own: number[] = [];
    for (const v of neighbours(this.graph, u)) if (assign[v] === t) own.push(v);
    // No own neighbour: u is a stray piece (leaving helps); one: u is a leaf. The caller
    // keeps territories non-empty.
    if (own.length <= 1) return true;
    const epoch = ++this.epoch;
    this.stamp[u] = epoch;
    const first = own[0] as number;
    this.stamp[first] = epoch;
    let head = 0;
    let tail = 0;
    this.queue[tail++] = first;
    let missing = own.length - 1;
    const wanted = new Set(own.slice(1));
    while (head < tail) {
      const x = this.queue[head++] as number;
      for (const y of neighbours(this.graph, x)) {
        if (this.stamp[y] === epoch || assign[y] !== t) continue;
        this.stamp[y] = epoch;
        if (wanted.has(y) && --missing === 0) return true;
        this.queue[tail++] = y;
      }
    }
    return false;
  }

  /**
   * The pieces territory t falls into without u, largest first (each a list of units).
   * Used to move a cut-off piece along with u when u is a bottleneck.
   */
  piecesWithout(u: number, assign: Int32Array, limit: number): number[][] | null {
    const t = assign[u];
    const epoch = ++this.epoch;
    this.stamp[u] = epoch;
    const pieces: number[][] = [];
    for (const s of neighbours(this.graph, u)) {
      if (assign[s] !== t || this.stamp[s] === epoch) continue;
      const piece = [s];
      this.stamp[s] = epoch;
      for (let i = 0; i < piece.length; i++) {
        for (const y of neighbours(this.graph, piece[i] as number)) {
          if (this.stamp[y] === epoch || assign[y] !== t) continue;
          this.stamp[y] = epoch;
          piece.push(y);
        }
        // Two big pieces: u is a true bottleneck, nothing small to carry along.
        if (pieces.length > 0 && piece.length > limit && (pieces[0]?.length ?? 0) > limit) return null;
      }
      pieces.push(piece);
      pieces.sort((a, b) => b.length - a.length);
    }
    return pieces;
  }
}

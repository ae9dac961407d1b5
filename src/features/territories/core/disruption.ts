// Disruption of a new alignment against the start: how many accounts and how much potential
// change hands. Units may hold several accounts (a county), so both are weighted per unit.

export interface Disruption {
  readonly accountsMoved: number;
  /** Accounts moved ÷ accounts that had a territory at the start (null when none had one). */
  readonly accountsFraction: number | null;
  readonly potentialMoved: number;
  readonly potentialFraction: number | null;
}

export function disruption(
  start: Int32Array,
  assign: Int32Array,
  accounts: ArrayLike<number>,
  potential: ArrayLike<number>,
): Disruption {
  let moved = 0;
  let had = 0;
  let potMoved = 0;
  let potHad = 0;
  for (let u = 0; u < start.length; u++) {
    if ((start[u] ?? -1) < 0) continue;
    const acc = accounts[u] ?? 0;
    const pot = potential[u] ?? 0;
    had += acc;
    potHad += pot;
    if (assign[u] !== start[u]) {
      moved += acc;
      potMoved += pot;
    }
  }
  return {
    accountsMoved: moved,
    accountsFraction: had > 0 ? moved / had : null,
    potentialMoved: potMoved,
    potentialFraction: potHad > 0 ? potMoved / potHad : null,
  };
}

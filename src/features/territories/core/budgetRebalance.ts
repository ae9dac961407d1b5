// Rebalancing today's territories account by account within a disruption budget (docs/territories.md,
// "Minimal-disruption rebalancing"). Disruption is measured against each account's true
// starting territory, never against a map-snapped start. In order:
//   1. locks are applied (a lock is the user's decision: it counts as disruption, budget or not);
//   2. accounts without a territory go where they hurt balance least (no disruption);
//   3. contiguity: on a map, the smaller pieces of a split territory are handed to a
//      neighbouring territory, cheapest piece first, while the budget allows;
//   4. balance: the move that helps the neediest territory most per unit of disruption,
//      while the budget allows and no territory breaks into more pieces, until every
//      territory is within the tolerance; the best prefix of these moves (by largest
//      deviation) is kept, so the result is never less balanced than where this phase began.
import { Alignment } from './alignment';
import { MapPieces, type Piece } from './mapPieces';
import { neighbours, type Graph } from './graph';
import type { Steps } from './steps';

export interface BudgetProblem {
  /** Accounts. */
  readonly n: number;
  readonly k: number;
  /** Balanced attributes, n × k row-major. */
  readonly weights: Float64Array;
  readonly territories: number;
  /** Territory of each account today (-1: none). */
  readonly start: Int32Array;
  /** Territory an account is locked to, or -1. */
  readonly locks?: Int32Array;
  readonly tolerance: number;
  /** What moving each account costs (1 per account, or its potential). */
  readonly cost: Float64Array;
  /** Most cost the moves may add up to. */
  readonly budget: number;
  /** The map: unit of each account (-1: unplaced, no contiguity for it) and the unit graph. */
  readonly unitOf?: Int32Array;
  readonly graph?: Graph;
  /** Named-account territories: judged on balance and disruption only. */
  readonly free?: Uint8Array;
  /** Potential per account, to report potential moved along the way (cost when absent). */
  readonly potential?: Float64Array;
}

export interface BudgetPoint {
  readonly moved: number;
  readonly cost: number;
  readonly potential: number;
  readonly maxDeviation: number;
}

export interface BudgetOutcome {
  readonly assignment: Int32Array;
  readonly maxDeviation: number;
  /** Cost of all accounts away from their start (locks included). */
  readonly spent: number;
  readonly moved: number;
  /** Today first, then every kept step. */
  readonly tradeoff: BudgetPoint[];
  /** Pieces of split territories beyond each one's largest, with their accounts. */
  readonly pieces: { readonly territory: number; readonly units: number; readonly accounts: number }[];
  readonly discontiguous: number[];
  /** Territories split on the map today, before any move. */
  readonly splitToday: number;
  /** Territory drawn on each map unit (null without a map). */
  readonly unitTerritory: Int32Array | null;
}

const EPS = 1e-12;

export function* budgetRebalance(p: BudgetProblem): Steps<BudgetOutcome> {
  const al = new Alignment(
    { n: p.n, k: p.k, weights: p.weights, territories: p.territories, tolerance: p.tolerance, seed: 0 },
    p.start,
  );
  const map = p.graph && p.unitOf ? new MapPieces(p.graph, p.territories, p.free ?? new Uint8Array(p.territories)) : null;
  const unit = (i: number) => p.unitOf?.[i] ?? -1;
  const state = { moved: 0, spent: 0, potential: 0 };
  const tradeoff: BudgetPoint[] = [{ moved: 0, cost: 0, potential: 0, maxDeviation: al.maxDeviation() }];
  const potentialOf = p.potential ?? p.cost;
  const apply = (i: number, to: number) => {
    const from = al.assign[i] ?? -1;
    if (from === to) return;
    const home = p.start[i] ?? -1;
    const sign = home < 0 ? 0 : (from === home ? 1 : 0) - (to === home ? 1 : 0);
    state.moved += sign;
    state.spent += sign * (p.cost[i] ?? 0);
    state.potential += sign * (potentialOf[i] ?? 0);
    map?.change(from, unit(i), -1);
    map?.change(to, unit(i), 1);
    al.move(i, to);
  };
  for (let i = 0; i < p.n; i++) map?.change(al.assign[i] ?? -1, unit(i), 1);
  map?.flood();
  let splitToday = 0;
  for (let t = 0; t < p.territories && map; t++) if (map.pieces(t).length > 1) splitToday++;
  for (let i = 0; i < p.n; i++) {
    const lock = p.locks?.[i] ?? -1;
    if (lock >= 0) apply(i, lock);
  }
  for (let i = 0; i < p.n; i++) if ((al.assign[i] ?? -1) < 0) apply(i, leastHarm(al, i));
  map?.flood();
  if (map) yield* restoreContiguity(p, al, map, state, apply);
  tradeoff.push({ moved: state.moved, cost: state.spent, potential: state.potential, maxDeviation: al.maxDeviation() });
  yield* balanceWithin(p, al, map, state, apply, tradeoff);
  const pieces = map ? splitPieces(p, al, map) : [];
  return {
    assignment: Int32Array.from(al.assign),
    // Recomputed from scratch: incremental loads can never flatter the result.
    maxDeviation: new Alignment(al.problem, al.assign).maxDeviation(),
    spent: state.spent,
    moved: state.moved,
    tradeoff,
    pieces,
    discontiguous: [...new Set(pieces.map((x) => x.territory))].sort((a, b) => a - b),
    splitToday,
    unitTerritory: map ? map.display() : null,
  };
}

type Apply = (i: number, to: number) => void;
type State = { moved: number; spent: number; potential: number };

function leastHarm(al: Alignment, i: number): number {
  let best = Infinity;
  let pick = 0;
  for (let t = 0; t < al.problem.territories; t++) {
    const d = al.moveDelta(i, t);
    if (d < best) [best, pick] = [d, t];
  }
  return pick;
}

/** Budget cost of moving account i to `to` (negative when it goes back home). */
function costOf(p: BudgetProblem, al: Alignment, i: number, to: number): number {
  const home = p.start[i] ?? -1;
  const from = al.assign[i] ?? -1;
  if (home < 0) return 0;
  return (from === home ? (p.cost[i] ?? 0) : 0) - (to === home ? (p.cost[i] ?? 0) : 0);
}

/** Accounts of territory t (not locked elsewhere) whose unit is in the piece. */
function accountsIn(p: BudgetProblem, al: Alignment, t: number, units: readonly number[]): number[] {
  const inPiece = new Set(units);
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) if (al.assign[i] === t && inPiece.has(p.unitOf?.[i] ?? -1)) out.push(i);
  return out;
}

function* restoreContiguity(p: BudgetProblem, al: Alignment, map: MapPieces, state: State, apply: Apply): Steps<void> {
  for (let round = 0; round < p.territories * 4; round++) {
    const options = strayPieces(p, al, map).sort((a, b) => a.cost - b.cost);
    let done = false;
    for (const piece of options) {
      if (state.spent + piece.cost > p.budget + EPS) break;
      if (piece.accounts.some((i) => (p.locks?.[i] ?? -1) === piece.territory)) continue;
      const before = map.extraPieces();
      const receivers = new Set<number>();
      for (const u of piece.units) for (const v of neighbours(map.graph, u)) for (const r of map.at(v)) receivers.add(r);
      receivers.delete(piece.territory);
      const ranked = [...receivers].sort(
        (a, b) => al.groupDelta(piece.accounts, piece.territory, a) - al.groupDelta(piece.accounts, piece.territory, b) || a - b,
      );
      for (const r of ranked) {
        for (const i of piece.accounts) apply(i, r);
        map.flood();
        if (map.extraPieces() < before) {
          done = true;
          break;
        }
        for (const i of piece.accounts) apply(i, piece.territory);
        map.flood();
      }
      if (done) break;
    }
    yield { phase: 'restoring contiguity', fraction: 0.2, maxDeviation: al.maxDeviation() };
    if (!done) return;
  }
}

interface Stray extends Piece {
  readonly accounts: number[];
  readonly cost: number;
}

/** Every piece of a split territory except its costliest (the one it keeps). */
function strayPieces(p: BudgetProblem, al: Alignment, map: MapPieces): Stray[] {
  const out: Stray[] = [];
  for (let t = 0; t < p.territories; t++) {
    const pieces = map.pieces(t);
    if (pieces.length < 2) continue;
    const withCost = pieces.map((piece) => {
      const accounts = accountsIn(p, al, t, piece.units);
      return { ...piece, accounts, cost: accounts.reduce((s, i) => s + costOf(p, al, i, -2), 0) };
    });
    withCost.sort((a, b) => b.accounts.length - a.accounts.length || b.cost - a.cost);
    out.push(...withCost.slice(1));
  }
  return out;
}

function splitPieces(p: BudgetProblem, al: Alignment, map: MapPieces): BudgetOutcome['pieces'] {
  return strayPieces(p, al, map).map((s) => ({ territory: s.territory, units: s.units.length, accounts: s.accounts.length }));
}

/** Territories outside the tolerance, worst first. */
function needy(al: Alignment): number[] {
  const worst: [number, number][] = [];
  for (let t = 0; t < al.problem.territories; t++) {
    let d = 0;
    for (let a = 0; a < al.problem.k; a++) d = Math.max(d, Math.abs(al.deviation(t, a)));
    if (d > al.problem.tolerance) worst.push([t, d]);
  }
  return worst.sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([t]) => t);
}

/** Territories an account in unit u may go to without leaving the map's land: there, next door, or named. */
function reachable(p: BudgetProblem, map: MapPieces | null, u: number): number[] {
  if (!map || u < 0) return Array.from({ length: p.territories }, (_, t) => t);
  const out = new Set<number>(map.at(u));
  for (const v of neighbours(map.graph, u)) for (const t of map.at(v)) out.add(t);
  for (let t = 0; t < p.territories; t++) if (p.free?.[t]) out.add(t);
  return [...out];
}

interface Candidate {
  readonly moves: readonly (readonly [number, number])[];
  readonly score: number;
}

/** Most account pairs a swap search looks at per territory (keeps large books interactive). */
const MAX_PAIRS = 400_000;

function* balanceWithin(
  p: BudgetProblem,
  al: Alignment,
  map: MapPieces | null,
  state: State,
  apply: Apply,
  tradeoff: BudgetPoint[],
): Steps<void> {
  const meanCost = Math.max(EPS, p.cost.reduce((s, c) => s + c, 0) / Math.max(1, p.n));
  const history: [number, number][] = [];
  let best = { at: 0, dev: al.maxDeviation() };
  const score = (delta: number, cost: number) => (cost <= 0 ? delta * 1e6 : delta / (cost / meanCost));
  for (let step = 0; step < 2 * p.n; step++) {
    // Where an account of each unit may go, for this step (the land changes with every move).
    const reach = new Map<number, number[]>();
    const reachOf = (u: number) => {
      let hit = reach.get(u);
      if (!hit) reach.set(u, (hit = reachable(p, map, u)));
      return hit;
    };
    const movable = (i: number) => (p.locks?.[i] ?? -1) < 0;
    const singles = (w: number): Candidate[] => {
      const out: Candidate[] = [];
      for (let i = 0; i < p.n; i++) {
        const from = al.assign[i] ?? -1;
        if (!movable(i) || (al.counts[from] ?? 0) <= 1) continue;
        const options = reachOf(p.unitOf?.[i] ?? -1);
        if (from !== w && !options.includes(w)) continue;
        for (const to of from === w ? options : [w]) {
          if (to === from) continue;
          const delta = al.moveDelta(i, to);
          const cost = costOf(p, al, i, to);
          if (delta < -EPS && state.spent + cost <= p.budget + EPS) out.push({ moves: [[i, to]], score: score(delta, cost) });
        }
      }
      return out;
    };
    // Two accounts trading places fix one attribute without upsetting another (an account count).
    const swaps = (w: number): Candidate[] => {
      const out: Candidate[] = [];
      let pairs = 0;
      for (let i = 0; i < p.n && pairs < MAX_PAIRS; i++) {
        if (al.assign[i] !== w || !movable(i)) continue;
        const options = reachOf(p.unitOf?.[i] ?? -1);
        for (let j = 0; j < p.n && pairs < MAX_PAIRS; j++) {
          const t = al.assign[j] ?? -1;
          if (t === w || t < 0 || !movable(j) || !options.includes(t) || !reachOf(p.unitOf?.[j] ?? -1).includes(w)) continue;
          pairs++;
          const delta = al.swapDelta(i, j);
          const cost = costOf(p, al, i, t) + costOf(p, al, j, w);
          if (delta < -EPS && state.spent + cost <= p.budget + EPS)
            out.push({
              moves: [
                [i, t],
                [j, w],
              ],
              score: score(delta, cost),
            });
        }
      }
      return out;
    };
    const tryApply = (c: Candidate, before: number): boolean => {
      const undo = c.moves.map(([i]) => [i, al.assign[i] ?? -1] as const);
      for (const [i, to] of c.moves) apply(i, to);
      map?.flood();
      if (!map || map.extraPieces() <= before) {
        for (const u of undo) history.push([u[0], u[1]]);
        return true;
      }
      for (const [i, from] of undo) apply(i, from);
      map.flood();
      return false;
    };
    let moved = 0;
    search: for (const find of [singles, swaps]) {
      for (const w of needy(al)) {
        const candidates = find(w).sort((a, b) => a.score - b.score);
        const before = map ? map.extraPieces() : 0;
        for (const c of candidates.slice(0, 64)) {
          if (tryApply(c, before)) {
            moved = c.moves.length;
            break search;
          }
        }
      }
    }
    if (moved === 0) break;
    const dev = al.maxDeviation();
    for (let m = 0; m < moved; m++)
      tradeoff.push({ moved: state.moved, cost: state.spent, potential: state.potential, maxDeviation: dev });
    if (dev < best.dev - EPS) best = { at: history.length, dev };
    if (step % 8 === 7)
      yield { phase: 'rebalancing', fraction: Math.min(0.99, state.spent / Math.max(EPS, p.budget)), maxDeviation: dev };
  }
  // Keep the best prefix: later steps that lowered Σ deviation² but raised the largest deviation are undone.
  while (history.length > best.at) {
    const [i, from] = history.pop() ?? [0, 0];
    apply(i, from);
    tradeoff.pop();
  }
  map?.flood();
}

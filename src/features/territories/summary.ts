// Per-territory figures and balance metrics for any assignment of accounts to territory
// names — today's, a proposed one, or one after what-if moves. O(accounts), no engine call.
import type { TerritoryAccount } from './contract';
import { balanceMetrics, type BalanceMetrics } from './core/metrics';
import { measureOf, type Measure } from './measures';

export interface TerritoryRow {
  readonly territory: string;
  readonly accounts: number;
  readonly potential: number;
  readonly workload: number;
  readonly bookings: number;
  /** won ÷ (won + lost) by count; null without closed deals. */
  readonly winRate: number | null;
}

export interface Summary {
  readonly rows: readonly TerritoryRow[];
  readonly potential: BalanceMetrics | null;
  readonly workload: BalanceMetrics | null;
  /** Accounts without a territory: shown as a count, left out of the balance. */
  readonly unassigned: number;
  /** Accounts whose potential value is missing (they add nothing to potential). */
  readonly missingPotential: number;
}

export function summarize(
  accounts: readonly TerritoryAccount[],
  territoryOf: readonly (string | null)[],
  potential: Measure,
  workload: Measure,
  /** Territories that exist even when empty (a design's names): an empty one is 100 % under. */
  names: readonly string[] = [],
): Summary {
  const byName = new Map<
    string,
    { accounts: number; potential: number; workload: number; bookings: number; won: number; lost: number }
  >();
  for (const name of names) byName.set(name, { accounts: 0, potential: 0, workload: 0, bookings: 0, won: 0, lost: 0 });
  let unassigned = 0;
  let missingPotential = 0;
  accounts.forEach((a, i) => {
    const name = territoryOf[i] ?? null;
    if (name === null || name === '') {
      unassigned++;
      return;
    }
    let row = byName.get(name);
    if (!row) byName.set(name, (row = { accounts: 0, potential: 0, workload: 0, bookings: 0, won: 0, lost: 0 }));
    const p = measureOf(a, potential);
    if (p === null) missingPotential++;
    row.accounts++;
    row.potential += p ?? 0;
    row.workload += measureOf(a, workload) ?? 0;
    row.bookings += a.bookings;
    row.won += a.wonCount;
    row.lost += a.lostCount;
  });
  const rows = [...byName]
    .sort((x, y) => x[0].localeCompare(y[0], 'en', { numeric: true }))
    .map(([territory, r]) => ({
      territory,
      accounts: r.accounts,
      potential: r.potential,
      workload: r.workload,
      bookings: r.bookings,
      winRate: r.won + r.lost > 0 ? r.won / (r.won + r.lost) : null,
    }));
  return {
    rows,
    potential: balanceMetrics(rows.map((r) => r.potential)),
    workload: balanceMetrics(rows.map((r) => r.workload)),
    unassigned,
    missingPotential,
  };
}

/** Share of accounts that had a territory and now have another one; null when none had one. */
export function accountsMovedFraction(current: readonly (string | null)[], proposed: readonly (string | null)[]): number | null {
  let had = 0;
  let moved = 0;
  current.forEach((c, i) => {
    if (c === null || c === '') return;
    had++;
    if (proposed[i] !== c) moved++;
  });
  return had > 0 ? moved / had : null;
}

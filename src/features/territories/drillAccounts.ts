// The accounts behind a territory row's drill-through (docs/drill.md, "Territory rows"): the
// assignment lives on this screen (today's grouping, or the design after what-if moves), so
// the screen names the accounts and the engine lists their deals.
import type { TerritoryAccount } from './contract';
import { parseTerritoryKey } from '../../queries/territoryDrill';

export function territoryAccountIds(
  key: string,
  accounts: readonly TerritoryAccount[],
  current: readonly (string | null)[],
  proposed: readonly string[] | null,
): string[] | null {
  const t = parseTerritoryKey(key);
  const of = t?.design === 'today' ? current : proposed;
  // Not loaded or not designed yet: no answer rather than an empty territory.
  if (!t || !of || accounts.length === 0) return null;
  return accounts.filter((_, i) => of[i] === t.name).map((a) => a.id);
}

// Which of today's territories are named-account territories (enterprise reps' lists of
// accounts rather than land): those whose accounts mostly carry a territory name that says
// so. They are judged on balance and disruption only, never on contiguity (docs/territories.md).
import type { TerritoryAccount } from './contract';

const NAMED = /\b(named|enterprise|strategic|key accounts?|global accounts?|major accounts?)\b/i;

export function namedTerritories(accounts: readonly TerritoryAccount[], current: readonly (string | null)[]): string[] {
  const votes = new Map<string, { named: number; all: number }>();
  current.forEach((t, i) => {
    if (t === null) return;
    const v = votes.get(t) ?? { named: 0, all: 0 };
    v.all++;
    if (NAMED.test(t) || NAMED.test(accounts[i]?.territory ?? '')) v.named++;
    votes.set(t, v);
  });
  return [...votes]
    .filter(([, v]) => v.named * 2 > v.all)
    .map(([t]) => t)
    .sort();
}

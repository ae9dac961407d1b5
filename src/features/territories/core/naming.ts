// Names for newly designed territories: a lock's territory keeps the lock's name; the others
// take the current territory name they share the most accounts with (greedy), so "accounts
// moved" compares like with like; any left get T1, T2, ….
import type { DesignRequest } from './plannerTypes';

export function nameTerritories(
  unitTerritory: Int32Array,
  territories: number,
  req: DesignRequest,
  unitOf: Int32Array,
  lockNames: readonly string[],
): string[] {
  const names: (string | null)[] = Array.from({ length: territories }, (_, t) => lockNames[t] ?? null);
  const used = new Set(lockNames);
  const overlap = new Map<string, number>();
  req.current.forEach((name, i) => {
    const u = unitOf[i] ?? -1;
    if (name === null || u < 0) return;
    const key = `${unitTerritory[u] ?? 0}\u0000${name}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  });
  const pairs = [...overlap].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [key] of pairs) {
    const [tText, name = ''] = key.split('\u0000');
    const t = Number(tText);
    if (names[t] !== null || used.has(name)) continue;
    names[t] = name;
    used.add(name);
  }
  let next = 1;
  return names.map((name) => {
    if (name !== null) return name;
    while (used.has(`T${next}`)) next++;
    used.add(`T${next}`);
    return `T${next}`;
  });
}

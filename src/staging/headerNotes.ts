// What the reader tells the user about a file's header (docs/architecture.md, "Reading
// choices"): a file with no table at all, and header names used by more than one column. The
// engine renames repeats (`Amount`, `Amount_1`); we name the groups so that recognition uses
// none of them on its own and the user maps the one they mean.

/** Staged column names whose header names are the same (ignoring case and spaces), per repeated name. */
export function duplicateHeaders(header: readonly string[], staged: readonly string[]): string[][] {
  const groups = new Map<string, { positions: number[]; names: string[] }>();
  const n = Math.min(header.length, staged.length);
  for (let i = 0; i < n; i++) {
    const key = (header[i] ?? '').trim().toLowerCase();
    if (key === '') continue;
    const group = groups.get(key) ?? { positions: [], names: [] };
    group.positions.push(i + 1);
    group.names.push(staged[i] ?? '');
    groups.set(key, group);
  }
  return [...groups.values()].filter((g) => g.names.length > 1).map((g) => g.names);
}

export function duplicateNote(
  fileName: string,
  header: readonly string[],
  group: readonly string[],
  staged: readonly string[],
): string {
  const positions = group.map((name) => staged.indexOf(name) + 1);
  const shown = header[(positions[0] ?? 1) - 1]?.trim() ?? group[0];
  return (
    `${fileName}: the header "${shown}" names ${group.length} columns (${positions.join(', ')}), read as ` +
    `${group.map((g) => `"${g}"`).join(', ')}. None of them is used until you choose which one a field takes.`
  );
}

export function emptyNote(fileName: string): string {
  return `${fileName} is empty: it has no header and no rows, so nothing is loaded from it.`;
}

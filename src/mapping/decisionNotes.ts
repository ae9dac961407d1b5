// What the import report states about how values were read, where the reading is a
// convention the user should know: unit suffixes scaled, two-digit years and their pivot.
import type { TableMapping } from './types';

export function decisionNotes(mapping: TableMapping, fileName: string): string[] {
  const notes: string[] = [];
  for (const [column, d] of Object.entries(mapping.decisions ?? {})) {
    if (d.units)
      notes.push(
        `${fileName}: "${column}" has values with unit suffixes, read as k = thousand, M/Mio = million, B/Mrd = billion.`,
      );
    if (d.dateFormat?.includes('%y'))
      notes.push(`${fileName}: "${column}" writes two-digit years, read as 00–68 → 2000–2068 and 69–99 → 1969–1999.`);
  }
  return notes;
}

// A lead file's other columns, kept (docs/leads.md, "By attribute"): every staged column the
// mapping does not read becomes an attribute named by its header, one row per loaded lead row
// and non-blank value (trimmed text, never converted), so the lead screen can group by it.
import { LEAD_ATTRIBUTES_TABLE } from '../canonical/schema';
import { quoteIdent, type SqlQuery } from '../platform/sql/sql';
import { stagedWithLines } from '../staging/lineMapSql';
import type { StagedSource } from './loadSql';
import type { TableMapping } from './types';
import { blankToNull } from './values';

/** The staged columns no canonical column reads (a fallback column counts as read). */
export function unmappedColumns(m: Pick<TableMapping, 'columns'>, stagingColumns: readonly string[]): string[] {
  const used = new Set(Object.values(m.columns).flatMap((s) => [s.source, ...(s.fallback ? [s.fallback] : [])]));
  return stagingColumns.filter((c) => !used.has(c));
}

/**
 * Inserts the attributes of the rows of `src` that loaded: each staged row is found again by its
 * file and line (the provenance every lead row keeps), so a rejected or blank row keeps none.
 * Null when the file has no other column.
 */
export function leadAttributesInsert(m: Pick<TableMapping, 'columns'>, src: StagedSource): SqlQuery | null {
  const columns = unmappedColumns(m, src.stagingColumns);
  if (columns.length === 0) return null;
  const staged = stagedWithLines(src.stagingTable, src.firstDataLine, src.lineMap);
  const params: string[] = [];
  const parts = columns.map((col) => {
    params.push(col.trim());
    const value = blankToNull(quoteIdent(col));
    return `SELECT ${staged.line} AS line, ?::VARCHAR AS name, ${value} AS value FROM ${staged.from} WHERE ${value} IS NOT NULL`;
  });
  params.push(src.fileName);
  const sql = `INSERT INTO ${quoteIdent(LEAD_ATTRIBUTES_TABLE)} (lead_id, name, value)
    SELECT l.lead_id, a.name, a.value FROM (${parts.join(' UNION ALL ')}) a
    JOIN leads l ON l.source_file = ? AND l.source_line = a.line`;
  return { sql, params };
}

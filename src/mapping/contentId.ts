// A sheet of deals (or leads) without an id column still loads: each row's id is a hash of
// its values (docs/recognition.md, "Rows without an id"). The hash reads the values in header
// order sorted by name, so a re-export of the same sheet — rows or columns in another
// order, another file name — gives every row the same id. Identical rows share one id and
// are reported as duplicates; the file and line stay on the row as its provenance.
import { quoteIdent } from '../platform/sql/sql';
import type { TableMapping, TargetTable } from './types';

/** The table's own record id, which a hash may stand in for (references never are). */
export const OWN_ID: Readonly<Partial<Record<TargetTable, string>>> = { opportunities: 'opportunity_id', leads: 'lead_id' };

/** Prefix of every made id, so that nobody takes it for the CRM's. */
export const CONTENT_ID_PREFIX = 'row-';

/** True when the mapping leaves the table's own id to the content hash. */
export function usesContentId(m: Pick<TableMapping, 'table' | 'columns'>): boolean {
  if (m.table === 'ignore') return false;
  const own = OWN_ID[m.table];
  return own !== undefined && !m.columns[own];
}

/** SQL for one row's id: the first 16 hex digits of the MD5 of its trimmed values (blank = empty). */
export function contentIdExpr(columns: readonly string[]): string {
  const sorted = [...columns].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Unit separator between values: "a","bc" and "ab","c" hash apart.
  const values = sorted.map((c) => `coalesce(trim(${quoteIdent(c)}), '')`);
  const joined = values.length > 0 ? `concat_ws(chr(31), ${values.join(', ')})` : `''`;
  return `'${CONTENT_ID_PREFIX}' || substr(md5(${joined}), 1, 16)`;
}

// What a staged column's values look like, for recognition by content (contentRecognize.ts):
// how many are filled and distinct, how many read as an id (a hash, a UUID or an integer)
// and how many as a date. One query per file; the shapes are deliberately loose, because
// they only propose a mapping that the conversion then checks value by value.
import { quoteIdent, type SqlQuery } from '../platform/sql/sql';

export interface ColumnProfile {
  readonly name: string;
  /** Non-blank values. */
  readonly filled: number;
  readonly distinct: number;
  /** Values shaped like a record id: 16+ hex digits, a UUID, an integer, or a code like `L-100`. */
  readonly idLike: number;
  /** Of those, hex hashes and UUIDs (an integer alone is also a count or an amount). */
  readonly hashLike: number;
  /** Values shaped like a date (with or without a time). */
  readonly dateLike: number;
}

export interface FileProfile {
  readonly fileId: string;
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
}

const HASH = '[0-9A-Fa-f]{16,64}|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const INTEGER = '[0-9]{1,18}';
// A record code: a short letter prefix and a number (`L-100`, `OP-00042`, `CRM#7`); only an id
// under an id-like header (contentRecognize.ts), since a code alone may be anything.
const CODE = '[A-Za-z]{1,8}[-_/.#]?[0-9]{1,15}';
const DATE = '[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}([ T].*)?';

export function profileColumnsQuery(table: string, columns: readonly string[]): SqlQuery {
  const parts = columns.flatMap((name, i) => {
    const v = `NULLIF(TRIM(${quoteIdent(name)}), '')`;
    return [
      `count(${v})::INTEGER AS c${i}_filled`,
      `count(DISTINCT ${v})::INTEGER AS c${i}_distinct`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, '${HASH}|${INTEGER}|${CODE}'))::INTEGER AS c${i}_id`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, '${HASH}'))::INTEGER AS c${i}_hash`,
      `count(*) FILTER (WHERE regexp_full_match(${v}, '${DATE}'))::INTEGER AS c${i}_date`,
    ];
  });
  return { sql: `SELECT count(*)::INTEGER AS rows${parts.map((p) => `, ${p}`).join('')} FROM ${quoteIdent(table)}`, params: [] };
}

export function fileProfileFromRow(fileId: string, columns: readonly string[], row: Record<string, unknown>): FileProfile {
  const num = (key: string) => (typeof row[key] === 'number' ? row[key] : 0);
  return {
    fileId,
    rows: num('rows'),
    columns: columns.map((name, i) => ({
      name,
      filled: num(`c${i}_filled`),
      distinct: num(`c${i}_distinct`),
      idLike: num(`c${i}_id`),
      hashLike: num(`c${i}_hash`),
      dateLike: num(`c${i}_date`),
    })),
  };
}

/** Distinct values two columns of two staged files share. */
export function sharedValuesQuery(a: { table: string; column: string }, b: { table: string; column: string }): SqlQuery {
  const sql = `SELECT count(*)::INTEGER AS shared FROM
    (SELECT DISTINCT NULLIF(TRIM(${quoteIdent(a.column)}), '') AS v FROM ${quoteIdent(a.table)}) x
    JOIN (SELECT DISTINCT NULLIF(TRIM(${quoteIdent(b.column)}), '') AS v FROM ${quoteIdent(b.table)}) y USING (v)`;
  return { sql, params: [] };
}

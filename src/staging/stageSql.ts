// File → staging: every file is read as text (all VARCHAR) into its own table first,
// so typing decisions are made later, per column, with every failure counted.
// Rows the CSV reader cannot parse at all land in a per-file rejects table.
import { quoteIdent, quoteLiteral, type SqlQuery } from '../platform/sql/sql';

export interface StagingNames {
  /** The name the file is registered under in DuckDB's virtual file system (ours, not the user's). */
  readonly path: string;
  readonly table: string;
  readonly rejectsTable: string;
  readonly rejectsScan: string;
  /** Rows rejected before the CSV reader saw them (a JSON line that is not a record). */
  readonly extraRejects: string;
  /** Breakpoints between record numbers and file lines (src/staging/lineMap.ts), when they drift. */
  readonly lineMap: string;
}

export function stagingNames(fileId: string): StagingNames {
  return {
    path: `${fileId}.csv`,
    table: `stg_${fileId}`,
    rejectsTable: `rej_${fileId}`,
    rejectsScan: `rejscan_${fileId}`,
    extraRejects: `rejx_${fileId}`,
    lineMap: `lines_${fileId}`,
  };
}

/** The dialect the sniffer chose (or the user): passed explicitly so DuckDB does not guess again. */
export interface CsvDialect {
  readonly delimiter: string;
}

export function stageCsvSql(n: StagingNames, dialect?: CsvDialect): SqlQuery {
  // read_csv takes no parameters; the path is our own generated name, quoted anyway.
  const explicit = dialect ? [`delim = ${quoteLiteral(dialect.delimiter)}`, `quote = '"'`, `escape = '"'`] : [];
  const options = [
    ...explicit,
    'all_varchar = true',
    'header = true',
    'store_rejects = true',
    `rejects_table = ${quoteLiteral(n.rejectsTable)}`,
    `rejects_scan = ${quoteLiteral(n.rejectsScan)}`,
  ];
  return {
    sql: `CREATE OR REPLACE TABLE ${quoteIdent(n.table)} AS SELECT * FROM read_csv(${quoteLiteral(n.path)}, ${options.join(', ')})`,
    params: [],
  };
}

export function countRowsSql(table: string): SqlQuery {
  return { sql: `SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)}`, params: [] };
}

export function parserRejectsSql(n: StagingNames): SqlQuery {
  // DuckDB logs a short row once per missing column: one reject per line, the first error.
  const reason = `error_type::VARCHAR || ' (' || error_message || ')'`;
  const csv = `SELECT line::INTEGER AS line, arg_min(${reason}, column_idx) AS reason, any_value(csv_line) AS raw FROM ${quoteIdent(n.rejectsTable)} GROUP BY line`;
  const extra = `SELECT line, reason, raw FROM ${quoteIdent(n.extraRejects)}`;
  return { sql: `SELECT * FROM (${csv} UNION ALL ${extra}) ORDER BY line`, params: [] };
}

export function createExtraRejectsSql(n: StagingNames): SqlQuery {
  return {
    sql: `CREATE OR REPLACE TABLE ${quoteIdent(n.extraRejects)} (line INTEGER, reason VARCHAR, raw VARCHAR)`,
    params: [],
  };
}

export function insertExtraRejectSql(n: StagingNames, line: number, reason: string, raw: string): SqlQuery {
  return { sql: `INSERT INTO ${quoteIdent(n.extraRejects)} VALUES (?, ?, ?)`, params: [line, reason, raw] };
}

export function deleteRowidsSql(table: string, rowids: readonly number[]): SqlQuery {
  return {
    sql: `DELETE FROM ${quoteIdent(table)} WHERE rowid IN (${rowids.map(() => '?').join(', ') || 'NULL'})`,
    params: rowids,
  };
}

export function sampleRowsSql(table: string, limit: number): SqlQuery {
  return { sql: `SELECT * FROM ${quoteIdent(table)} LIMIT ?`, params: [limit] };
}

export function distinctValuesSql(table: string, column: string, limit: number): SqlQuery {
  const col = quoteIdent(column);
  return {
    sql: `SELECT TRIM(${col}) AS value, count(*)::INTEGER AS n FROM ${quoteIdent(table)} WHERE NULLIF(TRIM(${col}), '') IS NOT NULL GROUP BY 1 ORDER BY n DESC, value LIMIT ?`,
    params: [limit],
  };
}

export function dropStagingSql(n: StagingNames): SqlQuery[] {
  return [n.table, n.rejectsTable, n.rejectsScan, n.extraRejects, n.lineMap].map((t) => ({
    sql: `DROP TABLE IF EXISTS ${quoteIdent(t)}`,
    params: [],
  }));
}

export function describeSql(table: string): SqlQuery {
  return { sql: `DESCRIBE ${quoteIdent(table)}`, params: [] };
}

/** Rows that repeat the header (exports glued together, page breaks): every cell equals its column's name. */
export function repeatedHeaderWhere(columns: readonly string[], header: readonly string[]): SqlQuery {
  // Plain equality (no TRIM) keeps this scan cheap on a million rows: a glued-in header is verbatim.
  const names = columns.map((_, i) => header[i] ?? '');
  const conds = columns.map((c, i) => (names[i] === '' ? `coalesce(${quoteIdent(c)}, '') = ''` : `${quoteIdent(c)} = ?`));
  return { sql: conds.join(' AND ') || 'FALSE', params: names.filter((n) => n !== '') };
}

export function countWhereSql(table: string, where: SqlQuery): SqlQuery {
  return { sql: `SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)} WHERE ${where.sql}`, params: where.params };
}

/** Deleting keeps the other rows' rowids, so source lines stay right after a removed row. */
export function deleteWhereSql(table: string, where: SqlQuery): SqlQuery {
  return { sql: `DELETE FROM ${quoteIdent(table)} WHERE ${where.sql}`, params: where.params };
}

/** Non-blank values in a column (to drop the empty column a trailing delimiter makes). */
export function countFilledSql(table: string, column: string): SqlQuery {
  return { sql: `SELECT count(NULLIF(TRIM(${quoteIdent(column)}), ''))::INTEGER AS n FROM ${quoteIdent(table)}`, params: [] };
}

export function dropColumnSql(table: string, column: string): SqlQuery {
  return { sql: `ALTER TABLE ${quoteIdent(table)} DROP COLUMN ${quoteIdent(column)}`, params: [] };
}

/** Parser rejects by kind, e.g. to notice invalid UTF-8 deep in a file that looked like UTF-8. */
export function rejectKindsSql(n: StagingNames): SqlQuery {
  return { sql: `SELECT error_type AS kind, count(*)::INTEGER AS n FROM ${quoteIdent(n.rejectsTable)} GROUP BY 1`, params: [] };
}

/** Moves the parser's line numbers by `shift` (it counts from the slice it read, not the file). */
export function shiftRejectLinesSql(n: StagingNames, shift: number): SqlQuery {
  return { sql: `UPDATE ${quoteIdent(n.rejectsTable)} SET line = line::BIGINT + ?`, params: [Math.trunc(shift)] };
}

/**
 * The CSV reader drops the rows it rejects, so the rows after one would be numbered a line too
 * early (source_line = rowid + first data line). This rebuilds the table with a placeholder in
 * each rejected row's place, in file order, then deletes the placeholders: deleted rows keep
 * their rowids, so every row's rowid is again its position among the data rows.
 */
export function realignAfterRejectsSql(n: StagingNames, columns: readonly string[], firstDataLine: number): SqlQuery[] {
  const gaps = quoteIdent(`gaps_${n.table}`);
  const rebuilt = quoteIdent(`${n.table}__aligned`);
  const cols = columns.map(quoteIdent);
  const line = Math.trunc(firstDataLine);
  const q = (sql: string): SqlQuery => ({ sql, params: [] });
  return [
    // a = the rowid at which the j-th gap opens: its row index minus the gaps before it.
    q(
      `CREATE OR REPLACE TEMP TABLE ${gaps} AS SELECT idx, idx - (row_number() OVER (ORDER BY idx) - 1) AS a FROM (SELECT DISTINCT line::BIGINT - ${line} AS idx FROM ${quoteIdent(n.rejectsTable)}) WHERE idx >= 0`,
    ),
    q(
      `CREATE OR REPLACE TABLE ${rebuilt} AS SELECT ${cols.join(', ')} FROM (` +
        `SELECT ${cols.join(', ')}, s.rowid + (SELECT count(*) FROM ${gaps} g WHERE g.a <= s.rowid) AS __idx FROM ${quoteIdent(n.table)} s ` +
        `UNION ALL SELECT ${cols.map((c) => `NULL AS ${c}`).join(', ')}, idx AS __idx FROM ${gaps}) ORDER BY __idx`,
    ),
    q(`DROP TABLE ${quoteIdent(n.table)}`),
    q(`ALTER TABLE ${rebuilt} RENAME TO ${quoteIdent(n.table)}`),
    q(`DELETE FROM ${quoteIdent(n.table)} WHERE rowid IN (SELECT idx FROM ${gaps})`),
    q(`DROP TABLE ${gaps}`),
  ];
}

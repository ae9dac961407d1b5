// File → staging: every file is read as text (all VARCHAR) into its own table first,
// so typing decisions are made later, per column, with every failure counted.
// Rows the CSV reader cannot parse at all land in a per-file rejects table.
import { quoteIdent, quoteLiteral, type SqlQuery } from '../queries/sql';

export interface StagingNames {
  /** The name the file is registered under in DuckDB's virtual file system (ours, not the user's). */
  readonly path: string;
  readonly table: string;
  readonly rejectsTable: string;
  readonly rejectsScan: string;
}

export function stagingNames(fileId: string): StagingNames {
  return {
    path: `${fileId}.csv`,
    table: `stg_${fileId}`,
    rejectsTable: `rej_${fileId}`,
    rejectsScan: `rejscan_${fileId}`,
  };
}

export function stageCsvSql(n: StagingNames): SqlQuery {
  // read_csv takes no parameters; the path is our own generated name, quoted anyway.
  const options = [
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
  return {
    sql: `SELECT line::INTEGER AS line, error_type AS reason, csv_line AS raw FROM ${quoteIdent(n.rejectsTable)} ORDER BY line`,
    params: [],
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
  return [n.table, n.rejectsTable, n.rejectsScan].map((t) => ({ sql: `DROP TABLE IF EXISTS ${quoteIdent(t)}`, params: [] }));
}

export function describeSql(table: string): SqlQuery {
  return { sql: `DESCRIBE ${quoteIdent(table)}`, params: [] };
}

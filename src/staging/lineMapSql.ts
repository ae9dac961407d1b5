// The line map in SQL: breakpoints stored per staged file, and the ASOF joins that turn the
// engine's reject lines and the staging rowids into the lines the user sees in the file.
import { quoteIdent, type SqlQuery } from '../platform/sql/sql';
import type { LineBreakpoint } from './lineMap';
import type { StagingNames } from './stageSql';

/** Column names no export uses, so a join with the staging table cannot make a name ambiguous. */
export const LM = { r: '__lm_r', d: '__lm_d', p: '__lm_p' } as const;
const BATCH = 500;

export function lineMapSql(n: StagingNames, points: readonly LineBreakpoint[]): SqlQuery[] {
  const table = quoteIdent(n.lineMap);
  const create = `CREATE OR REPLACE TABLE ${table} (${LM.r} BIGINT, ${LM.d} BIGINT, ${LM.p} BIGINT)`;
  const inserts: SqlQuery[] = [];
  for (let at = 0; at < points.length; at += BATCH) {
    const batch = points.slice(at, at + BATCH);
    inserts.push({
      sql: `INSERT INTO ${table} VALUES ${batch.map(() => '(?, ?, ?)').join(', ')}`,
      params: batch.flatMap((p) => [p.rline, p.dline, p.pline]),
    });
  }
  return [{ sql: create, params: [] }, ...inserts];
}

/** Records the CSV reader found: rows it staged and rows it rejected (one reject row per column error). */
export function engineRecordsSql(n: StagingNames): SqlQuery {
  const rejected = `(SELECT count(DISTINCT line) FROM ${quoteIdent(n.rejectsTable)})`;
  return { sql: `SELECT ((SELECT count(*) FROM ${quoteIdent(n.table)}) + ${rejected})::INTEGER AS n`, params: [] };
}

/** Rewrites the reject lines from one numbering to another (engine → record, record → file line). */
function remapRejectsSql(n: StagingNames, from: string, to: string): SqlQuery {
  const rej = quoteIdent(n.rejectsTable);
  const map = `SELECT r.line AS old_line, l.${to} + (r.line - l.${from}) AS new_line FROM (SELECT DISTINCT line::BIGINT AS line FROM ${rej}) r ASOF JOIN ${quoteIdent(n.lineMap)} l ON r.line >= l.${from}`;
  return { sql: `UPDATE ${rej} SET line = m.new_line FROM (${map}) m WHERE ${rej}.line = m.old_line`, params: [] };
}

/** The engine counts empty lines and a multi-line record as one line: back to record lines. */
export const rejectsToRecordLinesSql = (n: StagingNames) => remapRejectsSql(n, LM.d, LM.r);

/** Record lines → the lines of the file, once the rejects no longer need record numbers. */
export const rejectsToFileLinesSql = (n: StagingNames) => remapRejectsSql(n, LM.r, LM.p);

/**
 * The FROM clause and line expression for reading a staging table with each row's file line:
 * `rowid + firstDataLine` is the record line, the map moves it to the file line.
 */
export function stagedWithLines(
  table: string,
  firstDataLine: number,
  lineMap?: string,
): { from: string; line: string; row: string } {
  const rline = `rowid + ${Math.trunc(firstDataLine)}`;
  if (!lineMap) return { from: quoteIdent(table), line: rline, row: rline };
  const from = `(SELECT *, ${rline} AS "__lm_row" FROM ${quoteIdent(table)}) s ASOF LEFT JOIN ${quoteIdent(lineMap)} l ON s."__lm_row" >= l.${LM.r}`;
  return { from, line: `coalesce(l.${LM.p} + (s."__lm_row" - l.${LM.r}), s."__lm_row")`, row: `s."__lm_row"` };
}

// Staged text → canonical rows. Every row is accounted for: loaded, rejected (with column,
// reason and raw value) or skipped as blank. Nothing unreadable is loaded as NULL or 0.
// Two passes over the staged rows share one converting SELECT (docs/architecture.md,
// "Load path"): the first keeps only the rows that do not load (blank or with their first
// problem), the second inserts the others — every staged row the first did not keep —
// straight into the canonical table; no wide table of raw and typed values is materialized.
import { OPPORTUNITY_EXTRAS, type ColumnDef } from '../canonical/schema';
import { quoteIdent, type SqlQuery, type SqlValue } from '../platform/sql/sql';
import { stagedWithLines } from '../staging/lineMapSql';
import { contentIdExpr, OWN_ID, usesContentId } from './contentId';
import { hasProvenance, targetColumns } from './targets';
import type { StatusRule, TableMapping, TargetTable } from './types';
import { typedFirst } from './typedRead';
import { blankToNull, convertExpr, type ColumnDecisions } from './values';

export interface StagedSource {
  readonly fileName: string;
  readonly stagingTable: string;
  readonly stagingColumns: readonly string[];
  /** Line number of the first data row in the file (the header is line 1). */
  readonly firstDataLine: number;
  /** The staged file's line map table, when records and file lines drift (multi-line fields, empty lines). */
  readonly lineMap?: string;
}

export interface LoadStatements {
  readonly convert: SqlQuery;
  readonly rejects: SqlQuery;
  readonly insert: SqlQuery;
  readonly counts: SqlQuery;
  readonly dropConvert: SqlQuery;
}

const raw = (col: string) => quoteIdent(`r:${col}`);
const val = (col: string) => quoteIdent(`v:${col}`);

export function loadStatements(m: TableMapping & { table: TargetTable }, src: StagedSource): LoadStatements {
  const convTable = quoteIdent(`conv_${m.fileId}`);
  const contentId = usesContentId(m) ? OWN_ID[m.table] : undefined;
  const mapped = targetColumns(m.table).filter((c) => m.columns[c.name] || c.name === contentId);
  const needsStatus = m.table === 'opportunities';
  const converted = (params: SqlValue[]) => {
    const staged = stagedWithLines(src.stagingTable, src.firstDataLine, src.lineMap);
    const selects = [`${staged.row} AS __row`, `${staged.line} AS __line`, `${blankRow(src.stagingColumns)} AS __blank`];
    for (const col of mapped) {
      if (col.name === contentId) {
        // No id column: the row's id is a hash of its values (src/mapping/contentId.ts).
        const id = contentIdExpr(src.stagingColumns);
        selects.push(`${id} AS ${raw(col.name)}`, `${id} AS ${val(col.name)}`);
      } else selects.push(...columnSelects(m, col));
    }
    if (needsStatus) selects.push(`${statusExpr(m.status, params)} AS "v:status"`, `${statusRawExpr(m.status)} AS "r:status"`);
    const checks = errorChecks(m.table, mapped, needsStatus);
    // The engine computes only the columns the outer query reads: the problem pass converts
    // just the typed and required columns, the insert pass every mapped one.
    return `(SELECT *, ${checks} AS __err FROM (SELECT ${selects.join(', ')} FROM ${staged.from}))`;
  };
  const convertParams: SqlValue[] = [];
  const convert = `CREATE OR REPLACE TEMP TABLE ${convTable} AS SELECT __row, __line, __blank, __err FROM ${converted(convertParams)} WHERE __blank OR __err IS NOT NULL`;
  return {
    convert: { sql: convert, params: convertParams },
    rejects: {
      sql: `INSERT INTO import_rejects SELECT ?, __line, __err.col, __err.reason, __err.raw FROM ${convTable} WHERE __err IS NOT NULL`,
      params: [src.fileName],
    },
    insert: insertStatement(m.table, mapped, needsStatus, converted, src.fileName, convTable),
    counts: {
      sql: `SELECT (SELECT count(*) FROM ${quoteIdent(src.stagingTable)})::INTEGER AS total, count(*) FILTER (WHERE __blank)::INTEGER AS blank, count(*) FILTER (WHERE __err IS NOT NULL)::INTEGER AS rejected FROM ${convTable}`,
      params: [],
    },
    dropConvert: { sql: `DROP TABLE IF EXISTS ${convTable}`, params: [] },
  };
}

function columnSelects(m: TableMapping, col: ColumnDef): string[] {
  const source = m.columns[col.name];
  if (!source) return [];
  let rawCol = quoteIdent(source.source);
  let typed = convert(rawCol, col.kind, m.decisions?.[source.source] ?? {});
  if (source.fallback !== undefined) {
    // Where the source is blank the fallback is read (actual close date, else expected).
    const fb = quoteIdent(source.fallback);
    typed = `CASE WHEN ${blankToNull(rawCol)} IS NULL THEN ${convert(fb, col.kind, m.decisions?.[source.fallback] ?? {})} ELSE ${typed} END`;
    rawCol = `coalesce(${blankToNull(rawCol)}, ${fb})`;
  }
  if (source.scale !== undefined && source.scale !== 1)
    typed = `CAST(${typed} * ${Number(source.scale)} AS ${col.kind === 'money' ? 'DECIMAL(18,2)' : 'DOUBLE'})`;
  // A text column's raw value is its value: no second copy (errorChecks never reads it).
  if (col.kind === 'text') return [`${typed} AS ${val(col.name)}`];
  return [`${blankToNull(rawCol)} AS ${raw(col.name)}`, `${typed} AS ${val(col.name)}`];
}

/** values.ts's conversion, behind the typed cast when the decided format allows it (typedRead.ts). */
function convert(rawCol: string, kind: ColumnDef['kind'], d: ColumnDecisions): string {
  return typedFirst(rawCol, kind, d, convertExpr(rawCol, kind, d));
}

function blankRow(columns: readonly string[]): string {
  if (columns.length === 0) return 'TRUE';
  return `coalesce(${columns.map((c) => blankToNull(quoteIdent(c))).join(', ')}) IS NULL`;
}

function statusExpr(rule: StatusRule | undefined, params: SqlValue[]): string {
  if (!rule) return 'NULL';
  if (rule.kind === 'flags') {
    const won = convertExpr(quoteIdent(rule.isWon), 'boolean');
    const closed = convertExpr(quoteIdent(rule.isClosed), 'boolean');
    // Blank flags mean false (Salesforce reports print 1 or nothing); unreadable ones reject.
    const bad = (col: string, parsed: string) => `(${blankToNull(quoteIdent(col))} IS NOT NULL AND ${parsed} IS NULL)`;
    return `CASE WHEN ${bad(rule.isWon, won)} OR ${bad(rule.isClosed, closed)} THEN NULL WHEN coalesce(${won}, FALSE) THEN 'won' WHEN coalesce(${closed}, FALSE) THEN 'lost' ELSE 'open' END`;
  }
  if (rule.kind === 'won_date') return `CASE WHEN ${blankToNull(quoteIdent(rule.column))} IS NOT NULL THEN 'won' END`;
  const stage = `lower(${blankToNull(quoteIdent(rule.column))})`;
  const list = (values: readonly string[]) => {
    params.push(...values.map((v) => v.trim().toLowerCase()));
    return values.map(() => '?').join(', ');
  };
  const won = rule.won.length ? `WHEN ${stage} IN (${list(rule.won)}) THEN 'won' ` : '';
  const lost = rule.lost.length ? `WHEN ${stage} IN (${list(rule.lost)}) THEN 'lost' ` : '';
  return `CASE ${won}${lost}ELSE 'open' END`;
}

function statusRawExpr(rule: StatusRule | undefined): string {
  if (!rule) return 'NULL';
  if (rule.kind !== 'flags') return blankToNull(quoteIdent(rule.column));
  return `concat_ws('/', ${blankToNull(quoteIdent(rule.isWon))}, ${blankToNull(quoteIdent(rule.isClosed))})`;
}

/** The first problem of a row as {col, reason, raw}, or NULL when the row loads. */
function errorChecks(table: TargetTable, mapped: readonly ColumnDef[], needsStatus: boolean): string {
  const cases: string[] = [];
  for (const col of mapped) {
    if (col.kind === 'text') continue;
    cases.push(
      `WHEN ${raw(col.name)} IS NOT NULL AND ${val(col.name)} IS NULL THEN {'col': '${col.name}', 'reason': 'cannot be read as ${col.kind}', 'raw': ${raw(col.name)}}`,
    );
  }
  if (needsStatus)
    cases.push(
      `WHEN "v:status" IS NULL THEN {'col': 'status', 'reason': 'cannot tell whether the deal is open, won or lost', 'raw': "r:status"}`,
    );
  const required = targetColumns(table).filter((c) => c.required);
  for (const col of required) {
    const present = mapped.some((c) => c.name === col.name);
    const value = present ? val(col.name) : 'NULL';
    cases.push(`WHEN ${value} IS NULL THEN {'col': '${col.name}', 'reason': 'required value is missing', 'raw': NULL::VARCHAR}`);
  }
  return `CASE WHEN __blank THEN NULL ${cases.join(' ')} END`;
}

function insertStatement(
  table: TargetTable,
  mapped: readonly ColumnDef[],
  withStatus: boolean,
  converted: (params: SqlValue[]) => string,
  fileName: string,
  convTable: string,
): SqlQuery {
  const names = mapped.map((c) => c.name);
  const values = mapped.map((c) => val(c.name));
  if (withStatus) {
    // Only opportunities have a status: they also start their extras (src/canonical/schema.ts).
    names.push('status', ...OPPORTUNITY_EXTRAS.map((x) => x.name));
    values.push('"v:status"', ...OPPORTUNITY_EXTRAS.map((x) => x.initial));
  }
  const params: SqlValue[] = [];
  if (hasProvenance(table)) {
    names.push('source_file', 'source_line');
    values.push('?', '__line');
    params.push(fileName);
  }
  // The outer SELECT's parameters come first, then the converting subquery's.
  const from = converted(params);
  // The rows that do not load are exactly those the problem pass kept (blank, or with a
  // problem), each by its staging row: leaving them out by row spares this pass the row
  // checks and the raw copies they read (about a fifth of its time).
  const sql = `INSERT INTO ${quoteIdent(table)} (${names.map(quoteIdent).join(', ')}) SELECT ${values.join(', ')} FROM ${from} ANTI JOIN ${convTable} USING (__row)`;
  return { sql, params };
}

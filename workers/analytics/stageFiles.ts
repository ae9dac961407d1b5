// File → staging table. The file is registered under our own name (the user's file
// name never reaches SQL), read as text, and described for recognition. Every row of the
// file ends up staged, rejected by the parser (with its line) or counted as skipped.
import type { FileInput, FileReadOptions, FileReading, StagedColumn, StagedFile } from '../../src/engine-api/types';
import {
  countFilledSql,
  countRowsSql,
  countWhereSql,
  createExtraRejectsSql,
  deleteRowidsSql,
  deleteWhereSql,
  describeSql,
  dropColumnSql,
  dropStagingSql,
  insertExtraRejectSql,
  parserRejectsSql,
  realignAfterRejectsSql,
  rejectKindsSql,
  repeatedHeaderWhere,
  sampleRowsSql,
  shiftRejectLinesSql,
  stageCsvSql,
  stagingNames,
  type StagingNames,
} from '../../src/staging/stageSql';
import type { AnalyticsContext, StagedEntry } from './context';
import { type LineBreakpoint, needsLineMap } from '../../src/staging/lineMap';
import { engineRecordsSql, lineMapSql, rejectsToFileLinesSql, rejectsToRecordLinesSql } from '../../src/staging/lineMapSql';
import { MIXED_UTF8 } from '../../src/staging/encodingGuess';
import { duplicateHeaders, duplicateNote, emptyNote } from '../../src/staging/headerNotes';
import { sliceData } from './readers/bytes';
import { type Layout, sniffLayout } from './readers/layout';
import { mapLines } from './readers/lines';
import { type TextSource, prepareSource } from './readers/prepare';

const SAMPLE_ROWS = 5;
const EMPTY_TABLE = new TextEncoder().encode('column1\n');

export async function stageFile(
  ctx: AnalyticsContext,
  input: FileInput,
  options: FileReadOptions = {},
  /** Staging a file again with other options keeps its id, so the rest of the plan still fits. */
  reuseId?: string,
): Promise<StagedEntry> {
  const source = await prepareSource(input, options);
  // Our own CSV (from a workbook, Parquet or JSON) has a known delimiter; a user override is for text files.
  const delimiter = source.delimiter ?? options.delimiter;
  const layout = await sniffLayout(source.data, { report: source.report, ...(delimiter ? { delimiter } : {}) });
  const fileId = reuseId ?? ctx.nextFileId();
  const names = stagingNames(fileId);
  await ctx.host.registerFile(names.path, layout.empty ? EMPTY_TABLE : sliceData(source.data, layout.start, layout.end));
  readCsv(ctx, names, layout, input.name);
  if (source.guessedUtf8 && hasInvalidUnicode(ctx, names)) {
    // The sample looked like UTF-8 but the file is not: read it again, line by line where it mixes encodings.
    dropStaged(ctx, fileId);
    return stageFile(ctx, input, { ...options, encoding: MIXED_UTF8 }, fileId);
  }
  const firstDataLine = layout.firstDataLine + source.lineShift;
  // Text files may have quoted line breaks and empty lines: find where each record starts.
  const lines =
    source.reading.format === 'csv' && !layout.empty
      ? await mapLines(
          source.data,
          { start: layout.dataStart, end: layout.end },
          layout.delimiter,
          firstDataLine,
          ctx.sql.one<{ n: number }>(engineRecordsSql(names)).n,
        )
      : [];
  const { repeated, columns, lineMap } = tidy(ctx, names, source, layout, firstDataLine, lines);
  const reading: FileReading = {
    ...source.reading,
    ...(source.reading.format === 'csv' ? { delimiter: layout.delimiter } : {}),
    preambleRows: layout.preambleRows,
    footerRows: layout.footerRows,
    repeatedHeaderRows: repeated,
    ...headerFindings(input.name, layout, columns, source.reading.notes ?? []),
  };
  const info: StagedFile = {
    fileId,
    fileName: input.name,
    rowsStaged: ctx.sql.one<{ n: number }>(countRowsSql(names.table)).n,
    parserRejects: ctx.sql.rows(parserRejectsSql(names)).length,
    columns: sampleColumns(ctx, names.table, columns),
    stageValues: [],
    reading,
  };
  const skippedRows = layout.preambleRows + layout.footerRows + repeated;
  return { info, firstDataLine, skippedRows, input, options, ...(lineMap ? { lineMap } : {}) };
}

/** An empty file and repeated header names, said in the reading's notes. */
function headerFindings(fileName: string, layout: Layout, columns: readonly string[], notes: readonly string[]) {
  if (layout.empty) return { empty: true, notes: [...notes, emptyNote(fileName)] };
  const groups = duplicateHeaders(layout.header, columns);
  const all = [...notes, ...groups.map((g) => duplicateNote(fileName, layout.header, g, columns))];
  return { ...(groups.length > 0 ? { repeatedHeaders: groups } : {}), ...(all.length > 0 ? { notes: all } : {}) };
}

/** After the read: file line numbers on rejects, row ids that match lines, no glued-in headers. */
function tidy(
  ctx: AnalyticsContext,
  names: StagingNames,
  source: TextSource,
  layout: Layout,
  firstDataLine: number,
  lines: readonly LineBreakpoint[],
) {
  // DuckDB numbers lines from the slice it was given (header = line 1); ours count from the top of the file.
  ctx.sql.run(shiftRejectLinesSql(names, firstDataLine - 2));
  // Its numbers count empty lines and a multi-line record as one line: make them record numbers first.
  const mapped = needsLineMap(lines);
  if (mapped) for (const q of [...lineMapSql(names, lines), rejectsToRecordLinesSql(names)]) ctx.sql.run(q);
  rejectBadRecords(ctx, names, source);
  const all = describe(ctx, names.table);
  if (ctx.sql.rows(rejectKindsSql(names)).length > 0) {
    for (const q of realignAfterRejectsSql(names, all, firstDataLine)) ctx.sql.run(q);
  }
  if (mapped) ctx.sql.run(rejectsToFileLinesSql(names));
  const repeated = layout.empty ? 0 : removeRepeatedHeaders(ctx, names.table, all, layout.header);
  const columns = dropEmptyTrailingColumns(ctx, names.table, all, layout.header);
  return { repeated, columns, lineMap: mapped ? names.lineMap : undefined };
}

function readCsv(ctx: AnalyticsContext, names: StagingNames, layout: Layout, fileName: string): void {
  try {
    ctx.sql.run(stageCsvSql(names, { delimiter: layout.delimiter }));
    ctx.sql.run(createExtraRejectsSql(names));
  } catch (error) {
    throw new Error(
      `${fileName} could not be read as a table: ${error instanceof Error ? error.message : String(error)}. Check that it is a CSV, Excel, Parquet or JSON export.`,
      { cause: error },
    );
  }
}

function hasInvalidUnicode(ctx: AnalyticsContext, names: StagingNames): boolean {
  return ctx.sql.rows<{ kind: string }>(rejectKindsSql(names)).some((r) => /unicode|encoding/i.test(r.kind));
}

/** JSON records that were not records: their placeholder rows become rejects with the line. */
function rejectBadRecords(ctx: AnalyticsContext, names: StagingNames, source: TextSource): void {
  if (source.bad.size === 0) return;
  // Placeholders sit at data-row index = rowid (JSON has no preamble).
  const rowids = [...source.bad.keys()];
  ctx.sql.run(deleteRowidsSql(names.table, rowids));
  for (const bad of source.bad.values()) ctx.sql.run(insertExtraRejectSql(names, bad.line, bad.reason, bad.raw));
}

function describe(ctx: AnalyticsContext, table: string): string[] {
  return ctx.sql.rows<{ column_name: string }>(describeSql(table)).map((r) => r.column_name);
}

function removeRepeatedHeaders(
  ctx: AnalyticsContext,
  table: string,
  columns: readonly string[],
  header: readonly string[],
): number {
  if (columns.length !== header.length || header.every((h) => h.trim() === '')) return 0;
  const where = repeatedHeaderWhere(columns, header);
  const n = ctx.sql.one<{ n: number }>(countWhereSql(table, where)).n;
  if (n > 0) ctx.sql.run(deleteWhereSql(table, where));
  return n;
}

/** A trailing delimiter makes a nameless, empty last column: drop it rather than show it. */
function dropEmptyTrailingColumns(
  ctx: AnalyticsContext,
  table: string,
  columns: readonly string[],
  header: readonly string[],
): string[] {
  const kept = [...columns];
  while (kept.length > 1 && (header[kept.length - 1] ?? '').trim() === '') {
    const last = kept[kept.length - 1] as string;
    if (ctx.sql.one<{ n: number }>(countFilledSql(table, last)).n > 0) break;
    ctx.sql.run(dropColumnSql(table, last));
    kept.pop();
  }
  return kept;
}

function sampleColumns(ctx: AnalyticsContext, table: string, columns: readonly string[]): StagedColumn[] {
  const samples = ctx.sql.rows<Record<string, unknown>>(sampleRowsSql(table, SAMPLE_ROWS));
  return columns.map((name) => ({
    name,
    samples: samples
      .map((r) => r[name])
      .filter((v) => v != null && v !== '')
      .map(String),
  }));
}

export function dropStaged(ctx: AnalyticsContext, fileId: string): void {
  for (const q of dropStagingSql(stagingNames(fileId))) ctx.sql.run(q);
  ctx.host.db.dropFile(stagingNames(fileId).path);
  ctx.staged.delete(fileId);
}

/**
 * Stages one file again with the user's reading options (delimiter, encoding, sheet), under
 * the same id and in the same place among the staged files. When the new reading fails, the
 * file is staged as it was and the error goes to the user.
 */
export async function restageFile(ctx: AnalyticsContext, fileId: string, options: FileReadOptions): Promise<void> {
  const old = ctx.staged.get(fileId);
  if (!old) throw new Error(`File ${fileId} is no longer staged; drop it again.`);
  const order = [...ctx.staged.keys()];
  const put = (entry: StagedEntry) => {
    const entries = new Map(ctx.staged);
    entries.set(fileId, entry);
    ctx.staged.clear();
    for (const id of order) {
      const e = entries.get(id);
      if (e) ctx.staged.set(id, e);
    }
  };
  dropStaged(ctx, fileId);
  try {
    put(await stageFile(ctx, old.input, options, fileId));
  } catch (error) {
    dropStaged(ctx, fileId);
    put(await stageFile(ctx, old.input, old.options, fileId));
    throw error;
  }
}

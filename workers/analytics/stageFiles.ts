// File → staging table. The file is registered under our own name (the user's file
// name never reaches SQL), read as text, and described for recognition.
import type { FileInput, StagedColumn, StagedFile } from '../../src/engine-api/types';
import {
  countRowsSql,
  describeSql,
  dropStagingSql,
  parserRejectsSql,
  sampleRowsSql,
  stageCsvSql,
  stagingNames,
} from '../../src/staging/stageSql';
import type { AnalyticsContext, StagedEntry } from './context';

const SAMPLE_ROWS = 5;

export async function stageFile(ctx: AnalyticsContext, input: FileInput): Promise<StagedEntry> {
  const fileId = ctx.nextFileId();
  const names = stagingNames(fileId);
  await ctx.host.registerFile(names.path, input.data);
  try {
    ctx.sql.run(stageCsvSql(names));
  } catch (error) {
    throw new Error(`${input.name} could not be read as CSV: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const rowsStaged = ctx.sql.one<{ n: number }>(countRowsSql(names.table)).n;
  const parserRejects = ctx.sql.rows(parserRejectsSql(names)).length;
  const samples = ctx.sql.rows<Record<string, unknown>>(sampleRowsSql(names.table, SAMPLE_ROWS));
  const headers = ctx.sql.rows<{ column_name: string }>(describeSql(names.table));
  const columns: StagedColumn[] = headers.map(({ column_name }) => ({
    name: column_name,
    samples: samples
      .map((r) => r[column_name])
      .filter((v) => v != null && v !== '')
      .map(String),
  }));
  const info: StagedFile = { fileId, fileName: input.name, rowsStaged, parserRejects, columns, stageValues: [] };
  return { info, firstDataLine: 2, skippedRows: 0 };
}

export function dropStaged(ctx: AnalyticsContext, fileId: string): void {
  for (const q of dropStagingSql(stagingNames(fileId))) ctx.sql.run(q);
  ctx.host.db.dropFile(stagingNames(fileId).path);
  ctx.staged.delete(fileId);
}

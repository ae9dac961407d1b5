// One cube table out of its Parquet partitions into plain columns: text as dictionary codes
// (as the dashboard's own cube loader gives them), numbers as Float64Array with NaN for NULL.
// Every value is checked against its declared type: a count that is NULL or a month that is not
// a month fails the open with the file's name, never becomes 0 or another date.
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type FileMetaData } from 'hyparquet';
import { CUBE_TABLES, type CubeColumnType, type CubePartition, type CubeTableName } from '../../../src/engine-api/cubeManifest';
import { TextColumnBuilder, type ColumnCube } from '../../../src/queries/columnCube';
import { rangeFile, type Fetcher, type FetchLog } from './rangeFile';

export interface TableRows {
  readonly name: CubeTableName;
  /** Rows as read, values normalized (months as YYYY-MM-DD text, numbers as numbers, NULL as null). */
  readonly rows: readonly Record<string, string | number | null>[];
}

type Value = string | number | null;

export async function readTable(
  name: CubeTableName,
  partitions: readonly CubePartition[],
  base: string,
  fetcher: Fetcher,
  log: FetchLog,
): Promise<TableRows> {
  const columns = CUBE_TABLES[name];
  const rows: Record<string, Value>[] = [];
  for (const part of partitions) {
    const label = part.path;
    const file = rangeFile(new URL(part.path, base).href, part.bytes, label, fetcher, log);
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(file);
    } catch (error) {
      throw new Error(damaged(label, error), { cause: error });
    }
    const have = new Set(parquetSchema(metadata).children.map((c) => c.element.name));
    const lacking = columns.filter(([c]) => !have.has(c)).map(([c]) => c);
    if (lacking.length > 0) throw new Error(`The cube file ${label} has no column ${lacking.join(', ')} (table ${name}).`);
    if (Number(metadata.num_rows) !== part.rows) {
      throw new Error(`The cube file ${label} holds ${Number(metadata.num_rows)} rows; the manifest lists ${part.rows}.`);
    }
    const compressors = needsCompressors(metadata) ? (await import('hyparquet-compressors')).compressors : undefined;
    let read: Record<string, unknown>[];
    try {
      read = await parquetReadObjects({
        file,
        metadata,
        columns: columns.map(([c]) => c),
        ...(compressors ? { compressors } : {}),
      });
    } catch (error) {
      throw new Error(damaged(label, error), { cause: error });
    }
    for (const raw of read) {
      const row: Record<string, Value> = {};
      for (const [col, type] of columns) row[col] = normalize(raw[col], type, () => `${label}, column ${col}`);
      rows.push(row);
    }
  }
  return { name, rows };
}

function damaged(label: string, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  // Our own messages (missing, truncated) say it all already.
  if (why.startsWith('The cube file')) return why;
  return `The cube file ${label} is not a readable Parquet file (${why}); it may be truncated. Rebuild the cubes.`;
}

function needsCompressors(metadata: FileMetaData): boolean {
  return metadata.row_groups.some((g) =>
    g.columns.some((c) => !['UNCOMPRESSED', 'SNAPPY'].includes(c.meta_data?.codec ?? 'UNCOMPRESSED')),
  );
}

const MONTH_TEXT = /^\d{4}-\d{2}-01$/;

function normalize(v: unknown, type: CubeColumnType, where: () => string): Value {
  const bad = (what: string): never => {
    throw new Error(`The cube file ${where()} holds ${what}; a ${type} column cannot (docs/warehouse.md, "Column types").`);
  };
  if (v === null || v === undefined) {
    return type === 'count' || type === 'flag' ? bad('NULL') : null;
  }
  switch (type) {
    case 'text':
      return typeof v === 'string' ? v : bad(`the value ${String(v)}`);
    case 'month': {
      const text = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : '';
      return MONTH_TEXT.test(text) ? text : bad(`"${String(v)}", not the first day of a month`);
    }
    case 'flag':
      if (v === true || v === 1 || v === 1n) return 1;
      if (v === false || v === 0 || v === 0n) return 0;
      return bad(`the flag ${String(v)}`);
    case 'count': {
      const n = typeof v === 'bigint' ? Number(v) : v;
      return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : bad(`the count ${String(v)}`);
    }
    case 'measure': {
      const n = typeof v === 'bigint' ? Number(v) : v;
      return typeof n === 'number' && Number.isFinite(n) ? n : bad(`the measure ${String(v)}`);
    }
  }
}

/** The rows as the in-memory cube the dashboard scans (src/features/dashboard/core/cubeScan.ts). */
export function toColumnCube(table: TableRows): ColumnCube {
  const n = table.rows.length;
  const text: Record<string, ReturnType<TextColumnBuilder['build']>> = {};
  const num: Record<string, Float64Array> = {};
  for (const [col, type] of CUBE_TABLES[table.name]) {
    if (type === 'text' || type === 'month') {
      const builder = new TextColumnBuilder(n);
      table.rows.forEach((r, i) => builder.set(i, toText(r[col])));
      text[col] = builder.build();
    } else {
      num[col] = Float64Array.from(table.rows, (r) => (typeof r[col] === 'number' ? r[col] : NaN));
    }
  }
  return { n, text, num };
}

const toText = (v: Value | undefined): string | null => (typeof v === 'string' ? v : null);

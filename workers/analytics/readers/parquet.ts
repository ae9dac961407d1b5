// Parquet → CSV text with hyparquet (pure JS; snappy/gzip/zstd/brotli/lz4 via
// hyparquet-compressors). DuckDB-WASM's own Parquet reader is an extension we cannot load offline.
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { type Cell, csvRow } from '../../../src/staging/csvText';

export async function readParquet(bytes: Uint8Array, fileName: string): Promise<string> {
  const file = bytes.slice().buffer;
  try {
    const metadata = parquetMetadata(file);
    const columns = parquetSchema(metadata).children.map((c) => c.element.name);
    const rows = await parquetReadObjects({ file, metadata, compressors });
    const parts = [csvRow(columns)];
    for (const row of rows) parts.push(csvRow(columns.map((c) => parquetCell(row[c]))));
    return parts.join('');
  } catch (error) {
    throw new Error(
      `${fileName} could not be read as Parquet (${error instanceof Error ? error.message : String(error)}). The file may be damaged or cut short: export it again.`,
      { cause: error },
    );
  }
}

/** Dates as ISO text (date-only when midnight UTC), nested values as JSON. */
export function parquetCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return value;
  return String(value);
}

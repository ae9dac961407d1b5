// Parquet → CSV text with hyparquet (pure JS; snappy built in, gzip/zstd/brotli/lz4 via
// hyparquet-compressors, loaded only when a column chunk uses one of them — its brotli decoder
// alone is larger than the rest of the reader). DuckDB-WASM's own Parquet reader is an
// extension we cannot load offline.
import { type FileMetaData, parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { csvRow } from '../../../src/staging/csvText';
import { parquetCell } from './cells';

export async function readParquet(bytes: Uint8Array, fileName: string): Promise<string> {
  const file = bytes.slice().buffer;
  try {
    const metadata = parquetMetadata(file);
    const columns = parquetSchema(metadata).children.map((c) => c.element.name);
    const compressors = needsCompressors(metadata) ? (await import('hyparquet-compressors')).compressors : undefined;
    const rows = await parquetReadObjects({ file, metadata, ...(compressors ? { compressors } : {}) });
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

/** Any column chunk compressed with something other than snappy (which hyparquet reads itself)? */
function needsCompressors(metadata: FileMetaData): boolean {
  return metadata.row_groups.some((g) =>
    g.columns.some((c) => !['UNCOMPRESSED', 'SNAPPY'].includes(c.meta_data?.codec ?? 'UNCOMPRESSED')),
  );
}

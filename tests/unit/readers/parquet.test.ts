// The Parquet reader loads hyparquet-compressors only for codecs hyparquet cannot read itself:
// files compressed with gzip (written here) must still read, snappy and uncompressed ones too.
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { readParquet } from '../../../workers/analytics/readers/parquet';

function file(codec: 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP'): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'opportunity_id', data: ['A-1', 'A-2', 'A-3'], type: 'STRING' },
      { name: 'amount', data: [10.5, 2000, -3], type: 'DOUBLE' },
    ],
    codec,
    compressors: { GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)) },
  });
  return new Uint8Array(buffer);
}

describe('Parquet codecs', () => {
  it.each(['UNCOMPRESSED', 'SNAPPY', 'GZIP'] as const)('reads a %s file', async (codec) => {
    const csv = await readParquet(file(codec), `deals-${codec}.parquet`);
    expect(csv.trim().split(/\r?\n/)).toEqual(['opportunity_id,amount', 'A-1,10.5', 'A-2,2000', 'A-3,-3']);
  });
});

// A dropped file → UTF-8 CSV text the engine can read. Plain UTF-8 CSV (the common case)
// passes through untouched (a lazy slice of the File, no copy); other encodings are decoded
// in JS; workbooks, Parquet and JSON are parsed in JS and written out as CSV. SheetJS and the
// Parquet reader with its decompressors are loaded only when such a file is dropped (most
// drops are CSV, and they are most of the engine worker's JavaScript).
import type { FileInput, FileReadOptions, FileReading } from '../../../src/engine-api/types';
import {
  SNIFF_BYTES,
  bomLength,
  decodeSample,
  detectEncoding,
  detectFormat,
  type TextEncoding,
} from '../../../src/staging/sniff';
import { decodeLegacy, decodeMixed, guessLegacy, MIXED_UTF8, mixedNote } from '../../../src/staging/encodingGuess';
import { type FileData, byteSize, decodeAll, readAll, readBytes, sliceData } from './bytes';
import { readJson, readNdjson } from './json';

export interface BadRecord {
  readonly line: number;
  readonly reason: string;
  readonly raw: string;
}

export interface TextSource {
  /** UTF-8 CSV text without a byte-order mark. */
  readonly data: FileData;
  readonly reading: Pick<FileReading, 'format' | 'encoding' | 'sheets' | 'sheet' | 'encodingAlternatives' | 'notes'>;
  /** Look for report title lines and footers (text exports and workbooks, not JSON or Parquet). */
  readonly report: boolean;
  readonly delimiter?: string;
  /** Added to line numbers: JSON rows are numbered by record, not by line of our CSV. */
  readonly lineShift: number;
  /** Records that could not be read, by 0-based data-row index: staged as placeholders, then rejected. */
  readonly bad: ReadonlyMap<number, BadRecord>;
  /** True when the encoding was guessed from a sample (a later invalid byte may prove it wrong). */
  readonly guessedUtf8: boolean;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export async function prepareSource(input: FileInput, options: FileReadOptions = {}): Promise<TextSource> {
  const head = await readBytes(input.data, 0, SNIFF_BYTES);
  const guess = options.encoding ? { encoding: options.encoding, bom: bomLength(head, options.encoding) } : detectEncoding(head);
  const format = detectFormat(head, input.name, decodeSample(head, guess));
  const structured = { report: false, lineShift: -1, guessedUtf8: false, delimiter: ',' } as const;
  switch (format) {
    case 'xlsx': {
      const { readWorkbook } = await import('./xlsx');
      const book = readWorkbook(await readAll(input.data), input.name, options.sheet);
      const reading = { format, sheets: book.sheets, sheet: book.sheet };
      return { data: utf8(book.csv), reading, report: true, delimiter: ',', lineShift: 0, bad: new Map(), guessedUtf8: false };
    }
    case 'parquet': {
      const { readParquet } = await import('./parquet');
      const csv = await readParquet(await readAll(input.data), input.name);
      return { ...structured, data: utf8(csv), reading: { format }, bad: new Map() };
    }
    case 'json':
    case 'ndjson': {
      const text = await decodeAll(input.data, guess.encoding, guess.bom);
      const json = format === 'json' ? readJson(text, input.name) : readNdjson(text);
      return { ...structured, data: utf8(json.csv), reading: { format, encoding: guess.encoding }, bad: json.bad };
    }
    case 'csv': {
      const text = await textCsv(input.data, guess.encoding, guess.bom, input.name);
      const alternatives = guess.alternatives?.length ? { encodingAlternatives: guess.alternatives } : {};
      return {
        ...text,
        reading: { ...alternatives, ...text.reading },
        guessedUtf8: !options.encoding && guess.encoding === 'utf-8',
      };
    }
  }
}

async function textCsv(
  data: FileData,
  encoding: TextEncoding,
  bom: number,
  fileName: string,
): Promise<Omit<TextSource, 'guessedUtf8'>> {
  const common = { report: true, lineShift: 0, bad: new Map<number, BadRecord>() };
  const reading = (chosen: TextEncoding, more: Partial<TextSource['reading']> = {}) => ({
    reading: { format: 'csv' as const, encoding: chosen, ...more },
  });
  // DuckDB reads UTF-8 itself: hand it the file as it is, minus the BOM.
  if (encoding === 'utf-8') return { ...common, ...reading(encoding), data: sliceData(data, bom, byteSize(data)) };
  if (encoding !== MIXED_UTF8) return { ...common, ...reading(encoding), data: utf8(await decodeAll(data, encoding, bom)) };
  // UTF-8 that turned out not to be: a few lines in Windows-1252, or the whole file in a legacy encoding.
  const bytes = (await readAll(data)).subarray(bom);
  const mixed = decodeMixed(bytes);
  if (mixed.legacyLines === 0) return { ...common, ...reading('utf-8'), data: bytes };
  if (mixed.utf8Chars > 0) {
    return { ...common, ...reading(MIXED_UTF8, { notes: [mixedNote(fileName, mixed)] }), data: utf8(mixed.text) };
  }
  const from = mixed.firstLegacyOffset;
  const legacy = guessLegacy(bytes.subarray(from, from + SNIFF_BYTES));
  const alternatives = legacy.alternatives.length > 0 ? { encodingAlternatives: legacy.alternatives } : {};
  return { ...common, ...reading(legacy.encoding, alternatives), data: utf8(decodeLegacy(bytes, legacy.encoding)) };
}

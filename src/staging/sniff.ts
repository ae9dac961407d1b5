// What kind of file is this? Magic bytes first (a workbook renamed .csv is still a
// workbook), then the extension, then the text itself. Pure: works on the first bytes.

import { decodeLegacy, decodeMixed, guessLegacy, LEGACY_ENCODINGS, MIXED_UTF8, type LegacyEncoding } from './encodingGuess';

export type FileFormat = 'csv' | 'xlsx' | 'parquet' | 'json' | 'ndjson';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | typeof MIXED_UTF8 | LegacyEncoding;

export const TEXT_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', MIXED_UTF8, ...LEGACY_ENCODINGS];

export const isLegacy = (encoding: TextEncoding): encoding is LegacyEncoding =>
  (LEGACY_ENCODINGS as readonly string[]).includes(encoding);

/** How many leading bytes the sniffers look at. */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PAR1 = [0x50, 0x41, 0x52, 0x31];

export function detectFormat(head: Uint8Array, fileName: string, headText: string): FileFormat {
  if (startsWith(head, ZIP) || startsWith(head, OLE)) return 'xlsx';
  if (startsWith(head, PAR1)) return 'parquet';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (['xlsx', 'xlsm', 'xls', 'xlsb', 'ods'].includes(ext)) return 'xlsx';
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  const text = headText.trimStart();
  if (ext === 'json' || text.startsWith('[')) return text.startsWith('{') && looksLikeNdjson(text) ? 'ndjson' : 'json';
  if (text.startsWith('{')) return looksLikeNdjson(text) ? 'ndjson' : 'json';
  return 'csv';
}

/** NDJSON: the first line is a complete JSON object on its own, and another object follows. */
function looksLikeNdjson(text: string): boolean {
  const [first = '', ...rest] = text.split(/\r?\n/);
  if (!rest.some((line) => line.trimStart().startsWith('{'))) return false;
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

export interface EncodingGuess {
  readonly encoding: TextEncoding;
  /** Length of the byte-order mark to drop, 0 when there is none. */
  readonly bom: number;
  /** Other legacy encodings that read the sample as plausibly but differently. */
  readonly alternatives?: readonly TextEncoding[];
}

export function bomLength(head: Uint8Array, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (encoding === 'utf-16le') return startsWith(head, [0xff, 0xfe]) ? 2 : 0;
  if (encoding === 'utf-16be') return startsWith(head, [0xfe, 0xff]) ? 2 : 0;
  return 0;
}

/** BOM, then NUL-byte patterns (UTF-16 without a BOM), then UTF-8 validity; else Windows-1252. */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: 2 };
  const n = Math.min(head.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = n / 2;
  if (half > 0 && oddZeros > half * 0.3 && evenZeros < half * 0.05) return { encoding: 'utf-16le', bom: 0 };
  if (half > 0 && evenZeros > half * 0.3 && oddZeros < half * 0.05) return { encoding: 'utf-16be', bom: 0 };
  if (isUtf8(head)) return { encoding: 'utf-8', bom: 0 };
  return guessNotUtf8(head);
}

/**
 * Bytes that are not all UTF-8: some lines wholly valid UTF-8 with accented letters among
 * Windows-1252 ones (a file appended to by two programs; legacy text is practically never
 * valid UTF-8 by chance), or else one legacy encoding, the one that reads most plausibly.
 */
export function guessNotUtf8(bytes: Uint8Array): EncodingGuess {
  if (decodeMixed(bytes).utf8Chars > 0) return { encoding: MIXED_UTF8, bom: 0 };
  const legacy = guessLegacy(bytes);
  return { encoding: legacy.encoding, bom: 0, alternatives: legacy.alternatives };
}

/** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the sample. */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return false;
    for (let k = 1; k < len; k++) {
      if (i + k >= bytes.length) return true;
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return false;
    }
    i += len;
  }
  return true;
}

/** Text of the sample; a cut-off character at the end becomes U+FFFD, which sniffing ignores. */
export function decodeSample(head: Uint8Array, guess: EncodingGuess): string {
  const bytes = head.subarray(guess.bom);
  if (guess.encoding === MIXED_UTF8) return decodeMixed(bytes).text;
  return isLegacy(guess.encoding) ? decodeLegacy(bytes, guess.encoding) : new TextDecoder(guess.encoding).decode(bytes);
}

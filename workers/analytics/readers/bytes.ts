// Byte access to a dropped file without copying it: the browser's File is sliced lazily,
// test bytes are viewed in place. Only the sniffers' head and tail are ever read here.
import { fixCp1252 } from '../../../src/staging/cp1252';
import { decodeMixed, MIXED_UTF8 } from '../../../src/staging/encodingGuess';

export type FileData = Blob | Uint8Array;

export const byteSize = (data: FileData) => (data instanceof Uint8Array ? data.byteLength : data.size);

/** A view of [start, end): no copy for bytes, a lazy slice for a File. */
export function sliceData(data: FileData, start: number, end: number): FileData {
  return data instanceof Uint8Array ? data.subarray(start, end) : data.slice(start, end);
}

export async function readBytes(data: FileData, start: number, end: number): Promise<Uint8Array> {
  const part = sliceData(data, Math.max(0, start), Math.min(byteSize(data), end));
  return part instanceof Uint8Array ? part : new Uint8Array(await part.arrayBuffer());
}

/** The whole file as bytes (for formats that must be parsed in JS: XLSX, Parquet, JSON). */
export async function readAll(data: FileData): Promise<Uint8Array> {
  return readBytes(data, 0, byteSize(data));
}

/** The whole file decoded to text, chunk by chunk (UTF-16 and Windows-1252 files). */
export async function decodeAll(data: FileData, encoding: string, skip: number): Promise<string> {
  if (encoding === MIXED_UTF8) return decodeMixed((await readAll(data)).subarray(skip)).text;
  const decoder = new TextDecoder(encoding);
  const fix = encoding === 'windows-1252' ? fixCp1252 : (text: string) => text;
  const size = byteSize(data);
  const CHUNK = 8 * 1024 * 1024;
  const parts: string[] = [];
  for (let at = skip; at < size; at += CHUNK) {
    parts.push(fix(decoder.decode(await readBytes(data, at, at + CHUNK), { stream: at + CHUNK < size })));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

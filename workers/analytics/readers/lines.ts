// Reads a text file's data rows to find where each record starts in the file
// (src/staging/lineMap.ts): first the quick line-by-line scan, and the quote-aware full
// scan only when the quick one cannot be right (a quoted line break, bare-CR line ends).
// Only CSV text files need it: workbook, Parquet and JSON rows are numbered by row.
import { LineScanner, PlainLineScanner, type LineBreakpoint } from '../../../src/staging/lineMap';
import { type FileData, readBytes } from './bytes';

const CHUNK = 8 * 1024 * 1024;

interface Range {
  readonly start: number;
  readonly end: number;
}

async function eachChunk(data: FileData, range: Range, push: (bytes: Uint8Array) => void): Promise<void> {
  for (let at = range.start; at < range.end; at += CHUNK) push(await readBytes(data, at, Math.min(range.end, at + CHUNK)));
}

/** `engineRecords`: how many records the CSV reader found (staged rows + rows it rejected). */
export async function mapLines(
  data: FileData,
  range: Range,
  delimiter: string,
  firstDataLine: number,
  engineRecords: number,
): Promise<LineBreakpoint[]> {
  const plain = new PlainLineScanner(firstDataLine);
  await eachChunk(data, range, (bytes) => plain.push(bytes));
  const points = plain.finish();
  if (plain.sawLf && plain.records === engineRecords) return points;
  const full = new LineScanner(delimiter, firstDataLine);
  await eachChunk(data, range, (bytes) => full.push(bytes));
  return full.finish();
}

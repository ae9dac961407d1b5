// Where the table is in a UTF-8 CSV text: the delimiter, the header (after any report
// preamble) and the end of the data (before any report footer), as byte offsets, so the
// engine can be handed exactly the table without copying the file.
import { detectDelimiter, isEmptyLine, locateHeader, parseRecords } from '../../../src/staging/dialect';
import { locateFooter } from '../../../src/staging/footer';
import { SNIFF_BYTES } from '../../../src/staging/sniff';
import { type FileData, byteSize, readBytes } from './bytes';

export interface Layout {
  /** No row at all, not even a header. */
  readonly empty: boolean;
  readonly delimiter: string;
  readonly header: readonly string[];
  /** Byte offsets: the header starts at `start`; the data ends at `end` (a footer may follow). */
  readonly start: number;
  readonly end: number;
  /** Byte offset where the data rows start (after the header). */
  readonly dataStart: number;
  /** File line of the first row after the header. */
  readonly firstDataLine: number;
  readonly preambleRows: number;
  readonly footerRows: number;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

export async function sniffLayout(data: FileData, opts: { delimiter?: string; report: boolean }): Promise<Layout> {
  const size = byteSize(data);
  const headText = decode(await readBytes(data, 0, SNIFF_BYTES));
  const delimiter = opts.delimiter ?? detectDelimiter(headText);
  const records = parseRecords(headText, delimiter, 500);
  const located = opts.report ? locateHeader(records) : firstRow(records);
  if (!located)
    return {
      empty: true,
      delimiter,
      header: [],
      start: 0,
      end: size,
      dataStart: 0,
      firstDataLine: 2,
      preambleRows: 0,
      footerRows: 0,
    };
  const { header, preambleRows } = located;
  const start = byteLength(headText.slice(0, header.start));
  const headerEnd = byteLength(headText.slice(0, header.end));
  const footer = opts.report ? await findFooter(data, headerEnd, delimiter) : null;
  return {
    empty: false,
    delimiter,
    header: header.fields,
    start,
    end: footer?.end ?? size,
    dataStart: headerEnd,
    firstDataLine: header.nextLine,
    preambleRows,
    footerRows: footer?.rows ?? 0,
  };
}

function firstRow(records: ReturnType<typeof parseRecords>) {
  const index = records.findIndex((r) => !isEmptyLine(r));
  const header = records[index];
  return header ? { header, preambleRows: 0 } : null;
}

/** Reads the last bytes of the file from a line start and looks for a report footer there. */
async function findFooter(data: FileData, headerEnd: number, delimiter: string): Promise<{ end: number; rows: number } | null> {
  const size = byteSize(data);
  let from = Math.max(headerEnd, size - SNIFF_BYTES);
  let tail = await readBytes(data, from, size);
  if (from > headerEnd) {
    // Start on a line boundary: after the first line break in the tail.
    const cut = tail.findIndex((b) => b === 0x0a || b === 0x0d);
    if (cut < 0) return null;
    const skip = tail[cut] === 0x0d && tail[cut + 1] === 0x0a ? cut + 2 : cut + 1;
    tail = tail.subarray(skip);
    from += skip;
  }
  const text = decode(tail);
  const footer = locateFooter(text, delimiter);
  return footer ? { end: from + byteLength(text.slice(0, footer.start)), rows: footer.rows } : null;
}

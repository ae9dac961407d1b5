// Where each data record really starts in the file. The engine numbers records, not lines:
// a quoted field with line breaks is one record over several lines, and an empty line is
// no record at all (DuckDB still counts it in its reject line numbers). This scanner walks
// the UTF-8 bytes once (the quote, delimiter and line-break bytes never occur inside a
// multi-byte character) and keeps only the breakpoints where the three numberings drift.

/**
 * From record `rline` on (record line = first data line + record index, the numbering the
 * staging table's rowids give), records sit on consecutive lines: the record at
 * `rline + k` starts on physical line `pline + k`, and the engine's reject line for it is
 * `dline + k` — until the next breakpoint.
 */
export interface LineBreakpoint {
  readonly rline: number;
  readonly dline: number;
  readonly pline: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Collects a breakpoint wherever a record's lines stop following from the previous breakpoint. */
class Breakpoints {
  readonly points: LineBreakpoint[] = [];
  constructor(private readonly first: number) {}

  record(index: number, emptyLinesBefore: number, line: number): void {
    const rline = this.first + index;
    const dline = rline + emptyLinesBefore;
    const last = this.points[this.points.length - 1];
    const shift = last ? rline - last.rline : 0;
    if (!last || last.pline + shift !== line || last.dline + shift !== dline) this.points.push({ rline, dline, pline: line });
  }
}

/** The full scan: quote-aware, byte by byte (CR, LF or CRLF line ends). */
export class LineScanner {
  private readonly delim: number;
  private readonly map: Breakpoints;
  private line: number;
  private records = 0;
  private emptyLines = 0;
  private inQuotes = false;
  /** A quote seen inside quotes: closing, unless the next byte is a quote too (an escaped ""). */
  private quoteSeen = false;
  private fieldStart = true;
  private recordOpen = false;
  private afterCr = false;

  constructor(delimiter: string, firstDataLine: number) {
    this.delim = delimiter.charCodeAt(0);
    this.map = new Breakpoints(firstDataLine);
    this.line = firstDataLine;
  }

  /** One tight loop over the bytes with the state in locals: this runs over every byte of the file. */
  push(bytes: Uint8Array): void {
    const delim = this.delim;
    let { inQuotes, quoteSeen, fieldStart, recordOpen, afterCr } = this;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      const crlf = afterCr && b === LF;
      afterCr = b === CR;
      if (crlf) continue; // the line break was counted at the CR
      if (inQuotes) {
        if (!quoteSeen) {
          if (b === QUOTE) quoteSeen = true;
          else if (b === LF || b === CR) this.line++;
          continue;
        }
        quoteSeen = false;
        if (b === QUOTE) continue; // "" inside quotes
        inQuotes = false; // the quote closed the field: read this byte outside quotes
      }
      if (b === LF || b === CR) {
        if (recordOpen) this.records++;
        else this.emptyLines++;
        recordOpen = false;
        fieldStart = true;
        this.line++;
        continue;
      }
      if (!recordOpen) {
        recordOpen = true;
        this.recordStart();
      }
      if (b === QUOTE && fieldStart) inQuotes = true;
      fieldStart = b === delim;
    }
    this.inQuotes = inQuotes;
    this.quoteSeen = quoteSeen;
    this.fieldStart = fieldStart;
    this.recordOpen = recordOpen;
    this.afterCr = afterCr;
  }

  /** The breakpoints; the first record always has one. */
  finish(): LineBreakpoint[] {
    return this.map.points;
  }

  private recordStart(): void {
    this.map.record(this.records, this.emptyLines, this.line);
  }
}

/**
 * The quick scan: line by line with the native byte search, taking every non-empty line for
 * one record. Right unless a quoted field holds a line break — which shows as more records
 * here than the engine read (`records`), and then the full scan must run.
 */
export class PlainLineScanner {
  private readonly map: Breakpoints;
  private line: number;
  records = 0;
  private emptyLines = 0;
  private open = false;
  /** A bare-CR file (old Mac) has no LF: only the full scan reads it. */
  sawLf = false;

  constructor(firstDataLine: number) {
    this.map = new Breakpoints(firstDataLine);
    this.line = firstDataLine;
  }

  push(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length) {
      const lf = bytes.indexOf(LF, i);
      const end = lf < 0 ? bytes.length : lf;
      // A CRLF line with nothing before the CR is empty.
      const content = end > i && !(lf >= 0 && end - i === 1 && bytes[i] === CR);
      if (content && !this.open) {
        this.open = true;
        this.map.record(this.records, this.emptyLines, this.line);
      }
      if (lf < 0) return;
      this.sawLf = true;
      if (this.open) this.records++;
      else this.emptyLines++;
      this.open = false;
      this.line++;
      i = lf + 1;
    }
  }

  finish(): LineBreakpoint[] {
    if (this.open) this.records++;
    this.open = false;
    return this.map.points;
  }
}

/** True when the map changes anything: some record is not on the line its index suggests. */
export function needsLineMap(points: readonly LineBreakpoint[]): boolean {
  return points.some((p) => p.pline !== p.rline || p.dline !== p.rline);
}

/** The physical line of a record line (for tests and small lists; SQL does the same with an ASOF join). */
export function physicalLine(points: readonly LineBreakpoint[], rline: number): number {
  let at: LineBreakpoint | undefined;
  for (const p of points) if (p.rline <= rline) at = p;
  return at ? at.pline + (rline - at.rline) : rline;
}

// CSV dialect from a sample: a quote-aware record splitter, the delimiter that gives the
// most consistent field counts, and where the header starts (report titles and filter
// lines above it are a preamble). Pure functions over text; no engine involved.

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface TextRecord {
  readonly fields: readonly string[];
  /** 1-based line on which the record starts, and the line after it ends. */
  readonly line: number;
  readonly nextLine: number;
  /** Character offsets in the text: where the record starts and where the next one starts. */
  readonly start: number;
  readonly end: number;
  /** False when the text ran out inside the record (a cut-off sample). */
  readonly complete: boolean;
  /** A line with no characters at all (not even `""`). */
  readonly empty: boolean;
}

/** Splits text into records (RFC 4180 quotes, "" escapes; CRLF, LF or CR line ends). */
export function parseRecords(text: string, delim: string, maxRecords = Infinity): TextRecord[] {
  const out: TextRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < text.length && out.length < maxRecords) {
    const start = i;
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let complete = false;
    while (i < text.length) {
      const ch = text[i] as string;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (ch === '"') {
          quoted = false;
          i++;
        } else {
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
          field += ch;
          i++;
        }
      } else if (ch === '"') {
        quoted = true;
        i++;
      } else if (ch === delim) {
        fields.push(field);
        field = '';
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        complete = true;
        break;
      } else {
        field += ch;
        i++;
      }
    }
    if (!complete && !quoted) complete = true;
    const empty = fields.length === 0 && field === '' && /^[\r\n]*$/.test(text.slice(start, i));
    out.push({
      fields: [...fields, field],
      line: startLine,
      nextLine: line,
      start,
      end: i,
      complete: complete && !quoted,
      empty,
    });
  }
  return out;
}

/** A line with no characters at all: DuckDB skips these, so they are not rows. */
export const isEmptyLine = (r: TextRecord) => r.empty;

/** A row whose every field is blank (`""`, `,,,`): a row, but one that carries nothing. */
export const isBlankRecord = (r: TextRecord) => r.fields.every((f) => f.trim() === '');

function modalCount(records: readonly TextRecord[]): { count: number; hits: number } {
  const freq = new Map<number, number>();
  for (const r of records) if (r.fields.length > 1) freq.set(r.fields.length, (freq.get(r.fields.length) ?? 0) + 1);
  let best = { count: 1, hits: 0 };
  for (const [count, hits] of freq) if (hits > best.hits || (hits === best.hits && count > best.count)) best = { count, hits };
  return best;
}

const SAMPLE_RECORDS = 200;

/** The delimiter whose field count is the same on most records; comma when nothing splits. */
export function detectDelimiter(sample: string): Delimiter {
  let best: { delim: Delimiter; hits: number } = { delim: ',', hits: 0 };
  for (const delim of DELIMITERS) {
    const records = parseRecords(sample, delim, SAMPLE_RECORDS).filter((r) => r.complete);
    const { hits } = modalCount(records);
    if (hits > best.hits) best = { delim, hits };
  }
  return best.delim;
}

export interface HeaderLocation {
  /** Index of the header among the sample's records. */
  readonly index: number;
  readonly header: TextRecord;
  /** Records above the header that are rows (not empty lines): the preamble, skipped. */
  readonly preambleRows: number;
  /** The field count most data rows have. */
  readonly width: number;
}

/**
 * The header is the first record that looks like a row of the table: at least two filled
 * cells and at least half the usual width. Title, "Filtered By:" and blank lines above it
 * (Salesforce report exports) are the preamble.
 */
export function locateHeader(records: readonly TextRecord[]): HeaderLocation | null {
  const complete = records.filter((r) => r.complete && !isEmptyLine(r));
  if (complete.length === 0) return null;
  const { count: width } = modalCount(complete);
  const minWidth = Math.max(2, Math.ceil(width / 2));
  let index = records.findIndex(
    (r) => !isEmptyLine(r) && r.fields.length >= minWidth && r.fields.filter((f) => f.trim() !== '').length >= 2,
  );
  if (width === 1 || index < 0) index = records.findIndex((r) => !isEmptyLine(r));
  const header = records[index];
  if (!header) return null;
  const preambleRows = records.slice(0, index).filter((r) => !isEmptyLine(r)).length;
  return { index, header, preambleRows, width };
}

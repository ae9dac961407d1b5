// Report footers: the lines after the data that are not data ("Grand Totals (12 records)",
// "Confidential Information - Do Not Distribute", "Copyright (c) … salesforce.com"). They are
// found on the file's tail, cut off before the engine reads the file, and counted as skipped.
import { isBlankRecord, isEmptyLine, parseRecords } from './dialect';

/** First cells that end a report; totals may carry sums in the other cells. */
const TOTALS = /^(grand\s+totals?|sub-?totals?|totals?|summe|gesamt|total général)\b\s*(\(.*\))?\s*:?\s*$/i;
const NOTICES =
  /^(confidential|copyright\b|©|\(c\)\s|(report\s+)?(generated|exported|printed|run)\s+(by|on|at)\b|salesforce\.com|powered by\b|end of report\b)/i;

export function isFooterRecord(fields: readonly string[]): boolean {
  const first = (fields[0] ?? '').trim();
  const restBlank = fields.slice(1).every((f) => f.trim() === '');
  if (TOTALS.test(first)) return true;
  return NOTICES.test(first) && restBlank;
}

export interface FooterLocation {
  /** Character offset in the tail text where the footer block starts. */
  readonly start: number;
  /** Footer rows (footer lines and blank rows among them; empty lines are not rows). */
  readonly rows: number;
}

/**
 * Walks back from the end of the file over footer lines and blank rows; the block counts
 * only when it holds at least one footer line. `tail` must start at a line boundary.
 */
export function locateFooter(tail: string, delim: string): FooterLocation | null {
  // Lines are parsed one by one: quotes in a cut-off tail cannot span lines reliably,
  // and footer lines never contain line breaks.
  const lines = splitLines(tail);
  let start = tail.length;
  let rows = 0;
  let footers = 0;
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k];
    if (!line) break;
    const [record] = parseRecords(line.text, delim, 1);
    if (!record || isEmptyLine(record)) {
      start = line.start;
      continue;
    }
    if (isBlankRecord(record)) rows++;
    else if (isFooterRecord(record.fields)) {
      rows++;
      footers++;
    } else break;
    start = line.start;
  }
  if (footers === 0) return null;
  // Blank rows between the data and the footer are cut with it: skipped either way.
  return { start, rows };
}

interface Line {
  readonly text: string;
  readonly start: number;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}

// The one CSV writer (RFC 4180) every feature uses for downloads. Text cells that a
// spreadsheet would read as a formula are neutralised, so an exported account name like
// `=HYPERLINK(...)` stays text when the file is opened in Excel or Sheets — also in a
// semicolon locale, which splits cells at `;` (README, "What we test against").

export type CsvValue = string | number | boolean | null | undefined;

/**
 * A formula character (OWASP "CSV injection": `= + - @`, tab, CR) at the start of the text or
 * right after a `,`, `;` or line break, past any spaces or quotes: the start of a cell to a
 * spreadsheet that splits there, whichever locale it is in and however it treats quotes.
 */
const FORMULA_START = /(^|[,;\r\n])([ "]*)(?=[=+\-@\t\r])/g;

const NEEDS_QUOTES = /[",;\r\n]/;

/** A text value made safe for spreadsheets in comma and semicolon locales: each such start gets a `'`. */
export function neutraliseFormula(text: string): string {
  return text.replace(FORMULA_START, "$1$2'");
}

/** One field: numbers as written by JS (dot decimal), text neutralised and quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  // Quoted when it holds a delimiter of either locale's CSV (`,` or `;`), a quote or a line
  // break: a semicolon-locale spreadsheet would otherwise split `Acme;=1+2` and run the formula.
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records as CSV text, CRLF line breaks as RFC 4180 asks. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A whole file: header then rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvLines([header, ...rows]);
}

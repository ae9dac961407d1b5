// The one CSV writer (RFC 4180) every feature uses for downloads. Text cells that a
// spreadsheet would read as a formula are neutralised, so an exported account name like
// `=HYPERLINK(...)` stays text when the file is opened in Excel or Sheets.

export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text value made safe for spreadsheets: a leading formula character gets a `'` before it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers as written by JS (dot decimal), text neutralised and quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Records as CSV text, CRLF line breaks as RFC 4180 asks. */
export function csvLines(rows: readonly (readonly CsvValue[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A whole file: header then rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvLines([header, ...rows]);
}

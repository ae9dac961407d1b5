// Tables as .xlsx workbooks, written with SheetJS (@e965/xlsx, loaded only when a user asks
// for a workbook). Numbers stay numbers; text that a spreadsheet would run as a formula is
// neutralised the same way as in CSV.
import { neutraliseFormula, type CsvValue } from './csv';

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], not blank. */
export function sheetName(title: string): string {
  const cleaned = title
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  return cleaned || 'Sheet1';
}

function cell(value: CsvValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/** Excel's rows per sheet, less the header row. */
const MAX_ROWS = 1_048_575;

/** One sheet per table; bytes of an .xlsx file. */
export async function xlsxBytes(
  sheets: readonly { title: string; header: readonly string[]; rows: readonly (readonly CsvValue[])[] }[],
): Promise<Uint8Array> {
  const tooLong = sheets.find((s) => s.rows.length > MAX_ROWS);
  if (tooLong)
    throw new Error(
      `${tooLong.rows.length.toLocaleString('en-US')} rows do not fit one Excel sheet (${MAX_ROWS.toLocaleString('en-US')}); export CSV or filter.`,
    );
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  const used = new Set<string>();
  for (const sheet of sheets) {
    let name = sheetName(sheet.title);
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${sheetName(sheet.title).slice(0, 27)} (${n})`;
    used.add(name.toLowerCase());
    const aoa = [sheet.header.map(cell), ...sheet.rows.map((r) => r.map(cell))];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), name);
  }
  const out: unknown = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true });
  if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS did not return the workbook bytes.');
  return new Uint8Array(out);
}

// XLSX (and XLS/ODS) → CSV text, in the worker, with SheetJS (@e965/xlsx, the maintained
// release). Values are written raw: numbers unformatted, date cells as ISO dates, so the
// staged text is what the workbook holds, not what a display format made of it.
import * as XLSX from '@e965/xlsx';
import { type Cell, blankCsvRow, csvRow } from '../../../src/staging/csvText';

export interface WorkbookText {
  readonly sheets: readonly string[];
  readonly sheet: string;
  readonly csv: string;
}

export function readWorkbook(bytes: Uint8Array, fileName: string, sheet?: string): WorkbookText {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellText: false });
  } catch (error) {
    throw new Error(
      `${fileName} could not be opened as a workbook (${error instanceof Error ? error.message : String(error)}). The file may be damaged: open it in Excel and save it again, or export it as CSV.`,
      { cause: error },
    );
  }
  const sheets = book.SheetNames;
  if (sheets.length === 0) throw new Error(`${fileName} has no sheets.`);
  if (sheet !== undefined && !sheets.includes(sheet)) {
    throw new Error(`${fileName} has no sheet "${sheet}"; its sheets are ${sheets.map((s) => `"${s}"`).join(', ')}.`);
  }
  // By default the first sheet that has any cell: a cover sheet is often empty.
  const chosen = sheet ?? sheets.find((s) => book.Sheets[s]?.['!ref']) ?? (sheets[0] as string);
  const ws = book.Sheets[chosen];
  return { sheets, sheet: chosen, csv: ws ? sheetCsv(ws) : '' };
}

function sheetCsv(ws: XLSX.WorkSheet): string {
  const ref = ws['!ref'];
  if (!ref) return '';
  const range = XLSX.utils.decode_range(ref);
  const width = range.e.c - range.s.c + 1;
  const dense = ws['!data'];
  const parts: string[] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: Cell[] = [];
    let filled = false;
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = dense ? dense[r]?.[c] : ws[XLSX.utils.encode_cell({ r, c })];
      const value = cellText(cell);
      if (value !== '') filled = true;
      cells.push(value);
    }
    // Empty sheet rows stay rows (blank, skipped by the loader) so line numbers match the sheet.
    parts.push(filled ? csvRow(cells) : blankCsvRow(width));
  }
  return parts.join('');
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && typeof cell.v === 'number' && cell.z !== undefined && isDateFormat(cell.z)) return serialToIso(cell.v);
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  if (cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  return String(cell.v);
}

function isDateFormat(format: string | number): boolean {
  const fmt: unknown = typeof format === 'number' ? XLSX.SSF.get_table()[format] : format;
  return typeof fmt === 'string' && XLSX.SSF.is_date(fmt) === true;
}

/** Excel's serial day (day 0 = 1899-12-30) → ISO date, with the time when there is one. */
export function serialToIso(serial: number): string {
  const ms = Math.round(serial * 86_400_000) + Date.UTC(1899, 11, 30);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

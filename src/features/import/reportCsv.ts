// The import report and the data-quality findings as CSV files a user can keep: RFC 4180
// (CRLF, quotes doubled, fields with a comma, quote or line break quoted), and every text
// cell that a spreadsheet would run as a formula (= + - @ tab CR) neutralised with a quote.
import type { DataQualityResult } from './contract';
import type { ImportResult } from '../../engine-api/types';

import { csvLines, type CsvValue } from '../../export/csv';
import type { ExportData } from '../../export/tables';

// The shared writer, under the names this module's callers and tests use.
export { csvField as csvCell, csvLines as toCsv } from '../../export/csv';

const REPORT_HEADER = [
  'record',
  'file',
  'loaded_as',
  'preset',
  'rows_read',
  'rows_loaded',
  'rows_rejected',
  'rows_skipped',
  'line',
  'column',
  'reason',
  'value',
];

/** One "file" record per file (its reconciliation), then one "rejected" record per rejected row shown. */
export function importReportCsv(result: ImportResult): string {
  return csvLines(importReportRows(result));
}

function importReportRows(result: ImportResult): CsvValue[][] {
  const rows: CsvValue[][] = [REPORT_HEADER];
  for (const f of result.files) {
    rows.push(['file', f.fileName, f.table, f.presetId, f.rowsRead, f.rowsLoaded, f.rowsRejected, f.rowsSkipped]);
  }
  for (const f of result.files) {
    for (const r of f.rejects)
      rows.push(['rejected', f.fileName, f.table, f.presetId, null, null, null, null, r.line, r.column, r.reason, r.raw]);
  }
  for (const note of result.notes) rows.push(['note', null, null, null, null, null, null, null, null, null, note]);
  return rows;
}

export function qualityCsv(result: DataQualityResult): string {
  return csvLines(qualityRows(result));
}

function qualityRows(result: DataQualityResult): CsvValue[][] {
  // The amount column names its currency, so a kept file never holds a bare number whose currency is lost.
  const amount = result.currency ? `amount (${result.currency})` : 'amount';
  const rows: CsvValue[][] = [['check', 'title', 'count', amount, 'effect', 'example', 'detail', 'file', 'line']];
  for (const i of result.issues) {
    rows.push([i.id, i.title, i.unavailable ? null : i.count, i.amount, i.effect]);
    for (const e of i.examples) rows.push([i.id, null, null, null, null, e.label, e.detail, e.file, e.line]);
  }
  return rows;
}

/** A CSV of this module as an export table (header, rows) that keeps its exact text for CSV. */
function asTable(csvRows: readonly (readonly CsvValue[])[], csv: string): ExportData {
  const [header = [], ...rows] = csvRows;
  return { header: header.map((h) => String(h ?? '')), rows, csv };
}

export function importReportTable(result: ImportResult): ExportData {
  return asTable(importReportRows(result), importReportCsv(result));
}

export function qualityTable(result: DataQualityResult): ExportData {
  return asTable(qualityRows(result), qualityCsv(result));
}

// The lead list as a file (docs/leads.md, "The leads of a row"; docs/exports.md): every matching lead
// with the canonical header, through the page's one export control. A CSV is the table alone, so a
// machine reads it as is; the workbook's Context sheet carries what the rows are (title, period,
// filters, data, as of) plus the list's own lines (totals, cost per lead, text filter, rules).
import { LEAD_LIST_COLUMNS, type LeadListRow } from './contract';
import type { CsvValue } from '../../export/csv';
import type { ExportData } from '../../export/tables';
import { LEAD_EXPORT_HEADER } from './leadListColumns';

function cells(row: LeadListRow): CsvValue[] {
  return LEAD_LIST_COLUMNS.map((c) => row[c]);
}

export function leadListTable(rows: readonly LeadListRow[], context: readonly string[]): ExportData {
  return { header: LEAD_LIST_COLUMNS.map((c) => LEAD_EXPORT_HEADER[c]), rows: rows.map(cells), context };
}

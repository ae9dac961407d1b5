// The lead list as a file (docs/leads.md, "The leads of a row"; docs/exports.md): every matching lead
// with the canonical header, through the page's one export control. A CSV is the table alone, so a
// machine reads it as is; the workbook's Context sheet carries what the rows are (title, period,
// filters, data, as of) plus the list's own lines (totals, cost per lead, text filter, rules).
import { LEAD_LIST_COLUMNS, type LeadListColumn, type LeadListRow } from './contract';
import type { CsvValue } from '../../export/csv';
import type { ExportData } from '../../export/tables';
import { LEAD_EXPORT_HEADER } from './leadListColumns';

/** The list's columns: `attribute` only when the row's attribute has no column of its own. */
export function leadListColumns(attributeLabel: string | null): readonly LeadListColumn[] {
  return attributeLabel === null ? LEAD_LIST_COLUMNS.filter((c) => c !== 'attribute') : LEAD_LIST_COLUMNS;
}

/**
 * `attributeHeader`: the attribute column's header (the canonical column's name, or the file's own
 * header for another column); null when the list does not carry it.
 */
export function leadListTable(
  rows: readonly LeadListRow[],
  context: readonly string[],
  attributeHeader: string | null = null,
): ExportData {
  const columns = leadListColumns(attributeHeader);
  const header = columns.map((c) => (c === 'attribute' && attributeHeader !== null ? attributeHeader : LEAD_EXPORT_HEADER[c]));
  return { header, rows: rows.map((row) => columns.map((c): CsvValue => row[c])), context };
}

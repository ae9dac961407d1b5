// The lead list as a file (docs/leads.md, "The leads of a row"): a file read away from the page
// must say what it holds, so the CSV starts with its context lines (what the rows are, period,
// filters, data, as of, totals) and a blank line before the header; the workbook has the leads on
// one sheet and the same context on a second. One CSV writer (src/export/csv.ts).
import { LEAD_LIST_COLUMNS, type LeadListRow } from './contract';
import { csvLines, toCsv, type CsvValue } from '../../export/csv';
import { LEAD_EXPORT_HEADER } from './leadListColumns';

const header = (): string[] => LEAD_LIST_COLUMNS.map((c) => LEAD_EXPORT_HEADER[c]);

function cells(row: LeadListRow): CsvValue[] {
  return LEAD_LIST_COLUMNS.map((c) => row[c]);
}

export function leadListCsv(context: readonly string[], rows: readonly LeadListRow[]): string {
  return `${csvLines(context.map((line) => [line]))}\r\n${toCsv(header(), rows.map(cells))}`;
}

export function leadListSheets(
  context: readonly string[],
  rows: readonly LeadListRow[],
): { title: string; header: readonly string[]; rows: readonly (readonly CsvValue[])[] }[] {
  return [
    { title: 'Leads', header: header(), rows: rows.map(cells) },
    { title: 'About', header: ['About these leads'], rows: context.map((line) => [line]) },
  ];
}

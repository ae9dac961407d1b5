// CSV and XLSX of the whole pivot (every row, up to 100 columns), raw numbers, with the row,
// column and grand totals. A cell with no deals or no input is empty, never 0.
import type { PivotResult } from './contract';
import type { CsvValue } from '../../export/csv';
import type { ExportData } from '../../export/tables';
import { DIM_LABELS, MEASURE_LABELS } from './labels';
import type { PivotModel, PivotView } from './PivotModel.svelte';

const EXPORT_COLS = 100;

/** Header and rows of the pivot's pages (all pages share the same columns). */
export function pivotTable(pages: readonly PivotResult[]): { title: string; header: string[]; rows: CsvValue[][] } {
  const first = pages[0];
  if (!first) return { title: 'pivot', header: [], rows: [] };
  const value = (p: PivotResult, r: number, c: number): CsvValue => p.cells.find((x) => x.r === r && x.c === c)?.value ?? null;
  const corner = [first.rows ? DIM_LABELS[first.rows] : '', first.cols ? DIM_LABELS[first.cols] : '']
    .filter((s) => s)
    .join(' \\ ');
  const header = [corner || MEASURE_LABELS[first.measure], ...first.colKeys.map((k) => k.label), 'Total'];
  const rows: CsvValue[][] = [];
  for (const p of pages) {
    p.rowKeys.forEach((k, i) => rows.push([k.label, ...p.colKeys.map((_, j) => value(p, i, j)), value(p, i, -1)]));
  }
  rows.push(['Total', ...first.colKeys.map((_, j) => value(first, -1, j)), value(first, -1, -1)]);
  const title = `${MEASURE_LABELS[first.measure].replace(/ \(.*\)$/, '')} ${first.periodLabel}`;
  return { title, header, rows };
}

/** The whole pivot as an export table, read when the user asks (the panel's ExportMenu writes it). */
export async function pivotData(model: PivotModel, view: PivotView): Promise<ExportData> {
  const { header, rows } = pivotTable(await model.allPages(view, EXPORT_COLS));
  return { header, rows };
}

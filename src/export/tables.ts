// Table shapes for export (CSV/XLSX) of the views that have no table component of their own.
import type { BookingsBucket } from '../engine-api/types';
import type { CsvValue } from './csv';

export interface ExportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

/**
 * The bookings series as numbers (unformatted, dot decimal), one row per bucket; the amount
 * columns name `currency` when it is known (`won_amount (EUR)`).
 */
export function bookingsTable(buckets: readonly BookingsBucket[], currency: string | null = null): ExportTable {
  const unit = (name: string) => (currency ? `${name} (${currency})` : name);
  const compare = buckets.some((b) => b.compareAmount !== undefined);
  const quota = buckets.some((b) => b.quota !== undefined);
  return {
    header: [
      'bucket_start',
      'label',
      unit('won_amount'),
      'won_count',
      ...(compare ? [unit('comparison_amount')] : []),
      ...(quota ? [unit('quota')] : []),
    ],
    rows: buckets.map((b) => [
      b.start,
      b.label,
      b.wonAmount,
      b.wonCount,
      ...(compare ? [b.compareAmount ?? null] : []),
      ...(quota ? [b.quota ?? null] : []),
    ]),
  };
}

/** A panel's whole table, read when the user asks (every row, not only the page on screen). */
export interface ExportData extends ExportTable {
  /** The panel's own CSV text, when a writer of its own sets its cells' text (the comp statements). */
  readonly csv?: string;
  /** Lines only this panel knows (its totals, a text filter, how a cost was worked out): the workbook's Context sheet adds them. */
  readonly context?: readonly string[];
}

/** Where a panel's export reads its table: called on each click, so it is the data on screen then. */
export type ExportSource = () => ExportData | Promise<ExportData>;

/** The context sheet of an XLSX export: what the table shows, and for which period, filters, data and day. */
export function contextSheet(title: string, lines: readonly string[]): ExportTable {
  return { header: ['Exported from pipelens'], rows: [[title], ...lines.map((l) => [l])] };
}

// Table shapes for export (CSV/XLSX) of the views that have no table component of their own.
import type { BookingsBucket } from '../engine-api/types';
import type { CsvValue } from './csv';

export interface ExportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

/** The bookings series as numbers (unformatted, dot decimal), one row per bucket. */
export function bookingsTable(buckets: readonly BookingsBucket[]): ExportTable {
  const compare = buckets.some((b) => b.compareAmount !== undefined);
  const quota = buckets.some((b) => b.quota !== undefined);
  return {
    header: [
      'bucket_start',
      'label',
      'won_amount',
      'won_count',
      ...(compare ? ['comparison_amount'] : []),
      ...(quota ? ['quota'] : []),
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

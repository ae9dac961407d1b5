// One value of a structured file (Parquet, JSON) as a CSV cell. Apart from the Parquet reader
// so that JSON can use it without loading hyparquet (which loads only for Parquet files).
import type { Cell } from '../../../src/staging/csvText';

/** Dates as ISO text (date-only when midnight UTC), nested values as JSON. */
export function parquetCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return value;
  return String(value);
}

// Shared fixture for the demo-generator tests: one demo, parsed once, plus small date helpers
// that deliberately do not reuse the generator's own calendar code.
import Papa from 'papaparse';
import { generateDemo, type DemoOptions } from '../../../src/demo/generator';

export type Row = Record<string, string>;

export interface ParsedDemo {
  readonly files: Record<string, string>;
  readonly tables: Record<string, Row[]>;
}

/** Strict parse: RFC 4180 with `\n`, every row as wide as the header. */
export function parseCsv(text: string): { header: string[]; rows: Row[] } {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, newline: '\n' });
  if (result.errors.length > 0) throw new Error(`CSV errors: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const data = result.data;
  // The file ends with '\n', which papaparse reports as one trailing empty row.
  const last = data[data.length - 1];
  if (last && last.length === 1 && last[0] === '') data.pop();
  const [header = [], ...body] = data;
  const rows = body.map((cells, i) => {
    if (cells.length !== header.length) throw new Error(`row ${i + 2} has ${cells.length} fields, header ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ''])) as Row;
  });
  return { header, rows };
}

export function loadDemo(opts: DemoOptions): ParsedDemo {
  const files = generateDemo(opts);
  const tables: Record<string, Row[]> = {};
  for (const [name, text] of Object.entries(files)) tables[name.replace('.csv', '')] = parseCsv(text).rows;
  return { files, tables };
}

export function table(demo: ParsedDemo, name: string): Row[] {
  const rows = demo.tables[name];
  if (!rows) throw new Error(`no table ${name}`);
  return rows;
}

export const field = (row: Row, column: string): string => {
  const v = row[column];
  if (v === undefined) throw new Error(`no column ${column}`);
  return v;
};

/** Days since 1970-01-01 for an ISO date, via Date (independent of the generator's arithmetic). */
export const dayOf = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** `2025-Q3` style key of an ISO date (fiscal year = calendar year, docs/spec.md default). */
export const quarterOf = (iso: string): string => `${iso.slice(0, 4)}-Q${Math.floor((+iso.slice(5, 7) - 1) / 3) + 1}`;

/** Last day (inclusive) of the quarter containing an ISO date, as a day number. */
export function quarterEndDay(iso: string): number {
  const year = +iso.slice(0, 4);
  const q = Math.floor((+iso.slice(5, 7) - 1) / 3);
  return Date.UTC(year, q * 3 + 3, 0) / 86_400_000;
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

export function sumBy<T>(items: readonly T[], key: (t: T) => string, value: (t: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item));
  return sums;
}

// The sort of a chart's data table, in the link as `ts.<table>=<column>.<asc|desc>` (docs/pivot.md,
// "Sorting tables"): <table> is the table's caption in lower-case words joined by dashes, <column>
// the column's position from 0. Numbers sort by their raw value, text by locale; a missing value
// sorts last either way. Read leniently: a bad value is dropped with a notice.
import type { Column } from './columns';

export interface TableSort {
  readonly col: number;
  readonly desc: boolean;
}
export type TableSorts = Readonly<Record<string, TableSort>>;

export function tableId(caption: string): string {
  return (
    caption
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'table'
  );
}

export function readTableSorts(params: URLSearchParams, problems: string[]): TableSorts | undefined {
  const out: Record<string, TableSort> = {};
  for (const [key, raw] of params) {
    if (!key.startsWith('ts.')) continue;
    const m = /^(\d{1,2})\.(asc|desc)$/.exec(raw);
    const id = key.slice(3);
    if (m && /^[a-z0-9-]{1,60}$/.test(id)) out[id] = { col: Number(m[1]), desc: m[2] === 'desc' };
    else problems.push(`The link's table sort ${key}="${raw}" is not <column number>.asc or .desc; that table keeps its order.`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function writeTableSorts(sorts: TableSorts | undefined, params: URLSearchParams): void {
  for (const [id, s] of Object.entries(sorts ?? {})) params.set(`ts.${id}`, `${s.col}.${s.desc ? 'desc' : 'asc'}`);
}

/** The rows in the table's sort (ties keep the chart's order); no sort or an unknown column: as drawn. */
export function sortRows<R>(rows: readonly R[], columns: readonly Column<R>[], sort: TableSort | undefined): readonly R[] {
  const column = sort ? columns[sort.col] : undefined;
  if (!sort || !column) return rows;
  const key = (r: R): string | number | null => (column.value ? column.value(r) : column.cell(r));
  const dir = sort.desc ? -1 : 1;
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1;
      const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k));
      return c * dir || a.i - b.i;
    })
    .map((x) => x.row);
}

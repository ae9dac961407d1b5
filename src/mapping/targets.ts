// The columns each mapping target accepts: the canonical tables, plus the auxiliary
// `products` price list (not in docs/spec.md §1) used to value open deals that have no amount.
import { CANONICAL_SCHEMA, mappableColumns, tableDdl, type ColumnDef } from '../canonical/schema';
import type { TargetTable } from './types';

export const PRODUCTS_SCHEMA: readonly ColumnDef[] = [
  { name: 'product', kind: 'text', required: true },
  { name: 'list_price', kind: 'money', required: true },
];

export const TARGET_TABLES: readonly TargetTable[] = [...(Object.keys(CANONICAL_SCHEMA) as TargetTable[]), 'products'];

/** Columns a user can map for a target, in schema order (status is derived, not mapped). */
export function targetColumns(table: TargetTable): readonly ColumnDef[] {
  const cols = table === 'products' ? PRODUCTS_SCHEMA : mappableColumns(table);
  return cols.filter((c) => c.kind !== 'status');
}

export function hasProvenance(table: TargetTable): boolean {
  return table !== 'products' && CANONICAL_SCHEMA[table].some((c) => c.provenance);
}

export function createProductsSql(): string {
  return tableDdl('products', PRODUCTS_SCHEMA);
}

// The dashboard's filter dimensions and the WHERE clause they make on the prepared fact
// table. A selected value of null means "blank" (the dimension is NULL on that row).
import { quoteIdent, type SqlValue } from '../platform/sql/sql';

export const DIMENSIONS = ['owner', 'team', 'manager', 'region', 'product', 'lead_source', 'deal_type', 'industry'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Selected values per dimension; a dimension that is absent or empty does not filter. */
export type Filters = Partial<Record<Dimension, readonly (string | null)[]>>;

export const DIMENSION_LABELS: Record<Dimension, string> = {
  owner: 'Owner',
  team: 'Team',
  manager: 'Manager',
  region: 'Region / office',
  product: 'Product',
  lead_source: 'Lead source',
  deal_type: 'Deal type',
  industry: 'Account industry',
};

export function isDimension(name: string): name is Dimension {
  return (DIMENSIONS as readonly string[]).includes(name);
}

/** The dimensions that actually filter, in a stable order. */
export function activeDimensions(filters: Filters): Dimension[] {
  return DIMENSIONS.filter((d) => (filters[d]?.length ?? 0) > 0);
}

/**
 * `col IN (?, …) OR col IS NULL` per active dimension, AND-ed together. `columns` maps a
 * dimension to the column that carries it in the queried table (leads call lead_source `source`).
 */
export function filterWhere(
  filters: Filters,
  columns: Partial<Record<Dimension, string>> = {},
  alias = '',
): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  for (const dim of activeDimensions(filters)) {
    const values = filters[dim] ?? [];
    const col = `${alias ? `${alias}.` : ''}${quoteIdent(columns[dim] ?? dim)}`;
    const named = values.filter((v): v is string => v !== null);
    const or: string[] = [];
    if (named.length > 0) {
      or.push(`${col} IN (${named.map(() => '?').join(', ')})`);
      params.push(...named);
    }
    if (named.length < values.length) or.push(`${col} IS NULL`);
    parts.push(`(${or.join(' OR ')})`);
  }
  return { sql: parts.length > 0 ? parts.join(' AND ') : 'TRUE', params };
}

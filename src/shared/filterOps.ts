// Pure edits of the filter state: cross-filtering toggles one value of one dimension.
import type { Dimension, Filters } from './filters';

export function toggleFilter(filters: Filters | undefined, dim: Dimension, value: string | null): Filters {
  const current = filters?.[dim] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const out: Partial<Record<Dimension, readonly (string | null)[]>> = { ...filters };
  if (next.length > 0) out[dim] = next;
  else delete out[dim];
  return out;
}

export function filterCount(filters: Filters | undefined): number {
  return Object.values(filters ?? {}).reduce((n, values) => n + (values?.length ?? 0), 0);
}

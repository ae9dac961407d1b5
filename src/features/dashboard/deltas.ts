// The change of a KPI against a comparison period, in words: percentages change by points,
// everything else by percent of the earlier value.
import { decimal, percent } from '../../shared/format/display.svelte';
import type { ValueKind } from './kpiCatalog';

const POINTS = (v: number) => decimal(v);
const PERCENT = (v: number) => percent(v);

export function deltaText(kind: ValueKind, value: number, before: number | null | undefined): string | null {
  if (before === undefined) return null;
  if (before === null) return 'no comparison value';
  if (kind === 'percent') {
    const pts = (value - before) * 100;
    return `${pts >= 0 ? '▲' : '▼'} ${POINTS(Math.abs(pts))} pts`;
  }
  if (before === 0) return value === 0 ? '= unchanged' : 'new (was 0)';
  const change = (value - before) / Math.abs(before);
  return `${change >= 0 ? '▲' : '▼'} ${PERCENT(Math.abs(change))}`;
}

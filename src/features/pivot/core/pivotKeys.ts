// How a pivot key reads (docs/pivot.md): period keys are a bucket's first day, shown as the
// fiscal month, quarter or year they start; blank groups say so.
import { PAST_DUE_KEY, PERIOD_DIMS, type PivotDim } from '../contract';
import { describePeriod, fiscalQuarterOf } from '../../../shared/periods/fiscal';

export function pivotKeyLabel(dim: PivotDim | null, key: string | null, fsm: number): string {
  if (!dim || !PERIOD_DIMS.includes(dim)) return key ?? '(blank)';
  if (key === null) return 'no close date';
  if (key === PAST_DUE_KEY) return 'past due';
  const q = fiscalQuarterOf(key, fsm);
  if (dim === 'year') return describePeriod({ kind: 'year', year: q.year }, fsm);
  if (dim === 'quarter') return describePeriod({ kind: 'quarter', year: q.year, quarter: q.quarter }, fsm);
  return describePeriod({ kind: 'month', year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) }, fsm);
}

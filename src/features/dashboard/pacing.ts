// Pacing against quota: how far through the period the reference date is, and what share of
// the quota that pace would have asked for (docs/kpis.md, "Targets and pacing").
import { daysBetween, parsePeriod, periodRange } from '../../shared/periods/fiscal';

/** Share of the period's days up to and including the reference date (0..1); null for `all`. */
export function elapsedShare(period: string, fiscalStartMonth: number, referenceDate: string | null | undefined): number | null {
  const p = parsePeriod(period);
  const range = p ? periodRange(p, fiscalStartMonth) : null;
  if (!range || !referenceDate) return null;
  const total = daysBetween(range.start, range.end);
  if (total <= 0) return null;
  return Math.min(1, Math.max(0, (daysBetween(range.start, referenceDate) + 1) / total));
}

/** Attainment ÷ the share of the period gone: 1 = on pace, below 1 = behind. Null when not computable. */
export function paceOf(attainment: number | null, elapsed: number | null): number | null {
  if (attainment === null || elapsed === null || elapsed <= 0) return null;
  return attainment / elapsed;
}

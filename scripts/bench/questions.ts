// The questions every contender answers, so the numbers compare like with like: the six
// KPIs and bookings by fiscal quarter for period `all`, then a series of period changes.
import { formatPeriod, periodsBetween } from '../../src/shared/periods/fiscal';

export interface BenchQuestions {
  /** The single period change the baselines report as "one change". */
  readonly changeTo: string;
  /** The sequence of periods an interaction run walks through (each differs from the one before). */
  readonly periods: readonly string[];
}

/** Cycles through the periods the picker offers (years and quarters, newest first, then `all`). */
export function benchQuestions(firstClose: string, lastClose: string, changes: number): BenchQuestions {
  const options = [...periodsBetween(firstClose, lastClose).map(formatPeriod), 'all'];
  const periods = Array.from({ length: changes }, (_, i) => options[i % options.length] ?? 'all');
  return { changeTo: periods[0] ?? 'all', periods };
}

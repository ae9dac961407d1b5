// A date-range condition on one column, shared by every period-aware builder.
import { quoteIdent, type SqlValue } from './sql';

/**
 * Half-open ISO days, [start, end): the shape of a period's DateRange (src/shared/periods/fiscal.ts),
 * restated here so the SQL kernel depends on nothing above it (docs/architecture.md, "Layers").
 */
export interface DayRange {
  readonly start: string;
  readonly end: string;
}

export function inRange(column: string, range: DayRange | null): { sql: string; params: SqlValue[] } {
  if (!range) return { sql: 'TRUE', params: [] };
  const col = quoteIdent(column);
  return { sql: `(${col} >= CAST(? AS DATE) AND ${col} < CAST(? AS DATE))`, params: [range.start, range.end] };
}

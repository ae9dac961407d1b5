// A date-range condition on one column, shared by every period-aware builder.
import type { DateRange } from '../../shared/periods/fiscal';
import { quoteIdent, type SqlValue } from './sql';

export function inRange(column: string, range: DateRange | null): { sql: string; params: SqlValue[] } {
  if (!range) return { sql: 'TRUE', params: [] };
  const col = quoteIdent(column);
  return { sql: `(${col} >= CAST(? AS DATE) AND ${col} < CAST(? AS DATE))`, params: [range.start, range.end] };
}

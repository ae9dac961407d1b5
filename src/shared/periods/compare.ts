// Comparison periods for the dashboard's deltas: the period just before and the same
// period one year earlier. `all` has neither (there is nothing before every row).
import { addDays, daysBetween, type DateRange } from './fiscal';

export type Comparison = 'previous' | 'year_ago';

/** The period of equal length that ends where this one starts (a month → the month before). */
export function previousRange(range: DateRange | null): DateRange | null {
  if (!range) return null;
  const months = wholeMonths(range);
  if (months !== null) return { start: shiftMonths(range.start, -months), end: range.start };
  const days = daysBetween(range.start, range.end);
  return { start: addDays(range.start, -days), end: range.start };
}

/** The same dates one year earlier (29 February falls back to the 28th). */
export function yearAgoRange(range: DateRange | null): DateRange | null {
  if (!range) return null;
  return { start: shiftMonths(range.start, -12), end: shiftMonths(range.end, -12) };
}

export function comparisonRange(range: DateRange | null, which: Comparison): DateRange | null {
  return which === 'previous' ? previousRange(range) : yearAgoRange(range);
}

/** Months spanned when both ends are first-of-month dates, else null. */
function wholeMonths(range: DateRange): number | null {
  if (!range.start.endsWith('-01') || !range.end.endsWith('-01')) return null;
  return monthIndex(range.end) - monthIndex(range.start);
}

function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** Shifts an ISO date by whole months, clamping the day to the target month's length. */
export function shiftMonths(iso: string, months: number): string {
  const index = monthIndex(iso) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(iso.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

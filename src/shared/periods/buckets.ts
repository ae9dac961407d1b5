// The chart's buckets, including empty ones, so a month without bookings shows as zero
// rather than disappearing from the axis.
import { addDays, fiscalQuarterOf, type DateRange, type Grain } from './fiscal';

export interface Bucket {
  readonly start: string;
  readonly label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function bucketLabels(
  range: DateRange | null,
  grain: Grain,
  extent: { firstClose: string | null; lastClose: string | null },
  fiscalStartMonth: number,
): Bucket[] {
  const start = range?.start ?? extent.firstClose;
  const endExclusive = range?.end ?? nextDay(extent.lastClose);
  if (!start || !endExclusive) return [];
  const step = grain === 'month' ? 1 : 3;
  let index = alignedMonthIndex(start, grain, fiscalStartMonth);
  const end = monthIndex(endExclusive) + (endExclusive.endsWith('-01') ? 0 : 1);
  const out: Bucket[] = [];
  for (; index < end; index += step) {
    const iso = fromMonthIndex(index);
    out.push({ start: iso, label: labelFor(iso, grain, fiscalStartMonth) });
  }
  return out;
}

function labelFor(iso: string, grain: Grain, fiscalStartMonth: number): string {
  if (grain === 'month') return `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${iso.slice(0, 4)}`;
  const q = fiscalQuarterOf(iso, fiscalStartMonth);
  return `${q.year} Q${q.quarter}`;
}

function alignedMonthIndex(iso: string, grain: Grain, fiscalStartMonth: number): number {
  const m = monthIndex(iso);
  if (grain === 'month') return m;
  const offset = fiscalStartMonth - 1;
  return Math.floor((m - offset) / 3) * 3 + offset;
}

function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

function fromMonthIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function nextDay(iso: string | null): string | null {
  return iso ? addDays(iso, 1) : null;
}

/** The start of the bucket (month, or fiscal quarter) that a month-start date falls in. */
export function bucketStartOf(monthIso: string, grain: Grain, fiscalStartMonth: number): string {
  return fromMonthIndex(alignedMonthIndex(monthIso, grain, fiscalStartMonth));
}

// Fiscal calendar: periods named in the URL (2017, 2017-Q3, 2017-07, all) become date ranges.
// A fiscal year is named after the calendar year in which it ends (FY2018 with a July
// start runs 2017-07-01 .. 2018-06-30); with the default January start both agree.

export type Period =
  | { readonly kind: 'all' }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  /** A custom range, both ends inclusive as the user picks them: 2017-02-10..2017-05-31. */
  | { readonly kind: 'range'; readonly from: string; readonly to: string };

/** Half-open date range [start, end) as ISO dates. */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

export type Grain = 'month' | 'quarter';

const PERIOD_PATTERN = /^(?:(all)|(\d{4})|(\d{4})-Q([1-4])|(\d{4})-(0[1-9]|1[0-2]))$/;

const RANGE_PATTERN = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

export function parsePeriod(text: string): Period | null {
  const r = RANGE_PATTERN.exec(text.trim());
  if (r) return parseRange(r[1] ?? '', r[2] ?? '');
  const m = PERIOD_PATTERN.exec(text.trim());
  if (!m) return null;
  if (m[1]) return { kind: 'all' };
  if (m[2]) return { kind: 'year', year: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year: Number(m[3]), quarter: Number(m[4]) };
  return { kind: 'month', year: Number(m[5]), month: Number(m[6]) };
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'all':
      return 'all';
    case 'year':
      return String(p.year);
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'month':
      return `${p.year}-${pad2(p.month)}`;
    case 'range':
      return `${p.from}..${p.to}`;
  }
}

export function describePeriod(p: Period, fiscalStartMonth = 1): string {
  const fy = fiscalStartMonth === 1 ? '' : 'FY';
  switch (p.kind) {
    case 'all':
      return 'All time';
    case 'year':
      return `${fy}${p.year}`;
    case 'quarter':
      return `${fy}${p.year} Q${p.quarter}`;
    case 'month':
      return `${MONTHS[p.month - 1] ?? ''} ${p.year}`;
    case 'range':
      return `${p.from} – ${p.to}`;
  }
}

/** The date range of a period; null for `all` (every row, including undated ones). */
export function periodRange(p: Period, fiscalStartMonth = 1): DateRange | null {
  if (p.kind === 'all') return null;
  if (p.kind === 'range') return { start: p.from, end: addDays(p.to, 1) };
  if (p.kind === 'month') return { start: isoDate(p.year, p.month - 1), end: isoDate(p.year, p.month) };
  const yearStart = fiscalYearStartMonthIndex(p.year, fiscalStartMonth);
  if (p.kind === 'year') return { start: monthIndexToIso(yearStart), end: monthIndexToIso(yearStart + 12) };
  const qStart = yearStart + (p.quarter - 1) * 3;
  return { start: monthIndexToIso(qStart), end: monthIndexToIso(qStart + 3) };
}

/** The fiscal year and quarter an ISO date falls in. */
export function fiscalQuarterOf(iso: string, fiscalStartMonth = 1): { year: number; quarter: number } {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const shifted = y * 12 + (m - 1) - (fiscalStartMonth - 1);
  const startYear = Math.floor(shifted / 12);
  const year = fiscalStartMonth === 1 ? startYear : startYear + 1;
  return { year, quarter: Math.floor((shifted - startYear * 12) / 3) + 1 };
}

/** The chart grain that suits a period: months inside a year or quarter, quarters otherwise. */
export function grainFor(p: Period): Grain {
  if (p.kind === 'range') return daysBetween(p.from, p.to) > 731 ? 'quarter' : 'month';
  return p.kind === 'all' ? 'quarter' : 'month';
}

/** ISO date plus n days (n may be negative). */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

function parseRange(from: string, to: string): Period | null {
  // A date that does not exist (2017-02-30) or a reversed range is not a period.
  const valid = (iso: string) => !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && addDays(iso, 0) === iso;
  if (!valid(from) || !valid(to) || to < from) return null;
  return { kind: 'range', from, to };
}

/** Every fiscal year and quarter touched by [minIso, maxIso], newest first. */
export function periodsBetween(minIso: string, maxIso: string, fiscalStartMonth = 1): Period[] {
  const first = fiscalQuarterOf(minIso, fiscalStartMonth);
  const last = fiscalQuarterOf(maxIso, fiscalStartMonth);
  const out: Period[] = [];
  for (let year = last.year; year >= first.year; year--) {
    out.push({ kind: 'year', year });
    for (let q = 4; q >= 1; q--) {
      const beforeFirst = year === first.year && q < first.quarter;
      const afterLast = year === last.year && q > last.quarter;
      if (!beforeFirst && !afterLast) out.push({ kind: 'quarter', year, quarter: q });
    }
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function fiscalYearStartMonthIndex(fiscalYear: number, fiscalStartMonth: number): number {
  const startCalendarYear = fiscalStartMonth === 1 ? fiscalYear : fiscalYear - 1;
  return startCalendarYear * 12 + (fiscalStartMonth - 1);
}

function monthIndexToIso(index: number): string {
  return isoDate(Math.floor(index / 12), index % 12);
}

function isoDate(year: number, monthIndex: number): string {
  const y = year + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${pad2(m + 1)}-01`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// Fiscal quarters as one integer, the "quarter index": quarters since fiscal year 0 began.
// The engine computes it in SQL with the same formula, so both sides agree on every date.

export interface Quarter {
  readonly index: number;
  /** As in the URL: 2024-Q3 (fiscal year named after the calendar year it ends in). */
  readonly key: string;
  readonly label: string;
  /** First day, ISO. */
  readonly start: string;
  /** First day of the next quarter, ISO (half-open). */
  readonly end: string;
}

function iso(monthIndex: number): string {
  const y = Math.floor(monthIndex / 12);
  const m = monthIndex - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

export function quarterOf(index: number, fiscalStartMonth = 1): Quarter {
  const startYear = Math.floor(index / 4);
  const q = index - startYear * 4 + 1;
  const fy = fiscalStartMonth === 1 ? startYear : startYear + 1;
  const firstMonth = index * 3 + (fiscalStartMonth - 1);
  const prefix = fiscalStartMonth === 1 ? '' : 'FY';
  return { index, key: `${fy}-Q${q}`, label: `${prefix}${fy} Q${q}`, start: iso(firstMonth), end: iso(firstMonth + 3) };
}

/** The quarter index of an ISO date. */
export function quarterIndexOf(isoDate: string, fiscalStartMonth = 1): number {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return Math.floor((y * 12 + (m - 1) - (fiscalStartMonth - 1)) / 3);
}

/** Days since 1970-01-01 of an ISO date (UTC, no time zone involved). */
export function epochDay(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

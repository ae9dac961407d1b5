// A starting plan fitted to the loaded data, so the first screen is plausible: quotas from
// the table when there is one (else top-down from recent bookings), and OTE at a fifth of
// the typical yearly quota — the usual 4–5× quota-to-OTE rule of sales compensation.
import type { CompData } from '../contract';
import { quarterIndexOf } from './periods';
import { DEFAULT_PLAN, type CompPlan } from './plan';
import { setQuotas } from './quotas';

function median(values: readonly number[]): number | null {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Mean company bookings over the last four complete quarters, rounded to $1,000. */
export function recentQuarterlyBookings(data: CompData): number {
  if (data.lastQuarter === null) return 0;
  const last = data.lastQuarter - 1;
  const total = data.bookings.filter((b) => b.quarter <= last && b.quarter > last - 4).reduce((s, b) => s + b.wonCents, 0);
  return Math.round(total / 4 / 100_000) * 100_000;
}

export function calibratedPlan(data: CompData, fiscalStartMonth = 1): CompPlan {
  const quota: CompPlan['quota'] =
    data.quotaRows.length > 0
      ? { source: 'table' }
      : { source: 'top_down', companyTargetCents: recentQuarterlyBookings(data), overAssignment: 1.1, shareBy: 'history' };
  const quarters: number[] = [];
  if (data.firstQuarter !== null && data.lastQuarter !== null)
    for (let q = data.firstQuarter; q <= data.lastQuarter; q++) quarters.push(q);
  const all = [...setQuotas(quota, data, quarters, fiscalStartMonth).quotas.values()].flatMap((m) => [...m.values()]);
  const typical = median(all.filter((c) => c > 0));
  const oteCents =
    typical === null
      ? (DEFAULT_PLAN.roles[0]?.oteCents ?? 0)
      : Math.max(100_000, Math.round((typical * 4) / 5 / 100_000) * 100_000);
  return {
    ...DEFAULT_PLAN,
    quota,
    roles: DEFAULT_PLAN.roles.map((r) => ({ ...r, oteCents })),
  };
}

/**
 * The quarter the header's period falls in, as a quarter index: a quarter (2024-Q3) itself, a
 * month (2024-08) or a to-date range (2024-07-01..2024-08-15) the quarter it ends in; a year
 * or all time names no one quarter (null).
 */
export function quarterFromPeriod(period: string, fiscalStartMonth = 1): number | null {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) return quarterIndexOf(`${month[1]}-${month[2]}-01`, fiscalStartMonth);
  const range = /^\d{4}-\d{2}-\d{2}\.\.(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (range?.[1]) return quarterIndexOf(range[1], fiscalStartMonth);
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) return null;
  const startYear = Number(m[1]) - (fiscalStartMonth === 1 ? 0 : 1);
  return startYear * 4 + Number(m[2]) - 1;
}

/** The period shown first: the link's quarter if in range, else the last complete quarter. */
export function defaultQuarter(data: CompData, period: string, fiscalStartMonth = 1): number | null {
  const { firstQuarter: first, lastQuarter: last } = data;
  if (first === null || last === null) return null;
  const linked = quarterFromPeriod(period, fiscalStartMonth);
  if (linked !== null && linked >= first && linked <= last) return linked;
  return last - 1 >= first ? last - 1 : last;
}

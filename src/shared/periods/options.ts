// The period picker's choices (docs/kpis.md, "Periods"): to-date and rolling periods at the
// reference date, then quarters, months and fiscal years up to it, then — apart — the future
// periods in which open deals are expected to close, and all time. Every value is in the
// hash's notation, so a choice is a link.
import { shiftMonths } from './compare';
import { addDays, describePeriod, fiscalQuarterOf, formatPeriod, periodRange, periodsBetween, type Period } from './fiscal';

export interface PeriodOption {
  readonly value: string;
  readonly label: string;
}

export interface PeriodGroup {
  readonly label: string;
  readonly options: readonly PeriodOption[];
}

export interface PeriodSpan {
  readonly firstClose: string | null;
  readonly referenceDate: string | null;
  /** Months (YYYY-MM) in which open deals are expected to close. */
  readonly openMonths?: readonly string[];
}

const option = (p: Period, fsm: number, label = describePeriod(p, fsm)): PeriodOption => ({ value: formatPeriod(p), label });

/** Quarter-, year-to-date and the last 12 months, each ending on the reference date. */
function toDate(ref: string, fsm: number): PeriodOption[] {
  const q = fiscalQuarterOf(ref, fsm);
  const quarterStart = periodRange({ kind: 'quarter', ...q }, fsm)?.start ?? ref;
  const yearStart = periodRange({ kind: 'year', year: q.year }, fsm)?.start ?? ref;
  const range = (from: string, label: string): PeriodOption => ({
    value: formatPeriod({ kind: 'range', from, to: ref }),
    label: `${label} (${from} – ${ref})`,
  });
  const out: PeriodOption[] = [];
  const all = [
    range(quarterStart, 'Quarter to date'),
    range(yearStart, 'Year to date'),
    range(addDays(shiftMonths(ref, -12), 1), 'Last 12 months'),
  ];
  for (const o of all) {
    // On the last day of a fiscal year, year to date is the last 12 months: one choice, both names.
    const same = out.findIndex((x) => x.value === o.value);
    if (same < 0) out.push(o);
    else out[same] = { value: o.value, label: `${(out[same]?.label ?? '').replace(/ \(.*$/, '')} = ${o.label}` };
  }
  return out;
}

function monthsBetween(first: string, last: string): Period[] {
  const out: Period[] = [];
  for (let m = last.slice(0, 7); m >= first.slice(0, 7); m = shiftMonths(`${m}-01`, -1).slice(0, 7))
    out.push({ kind: 'month', year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) });
  return out;
}

export function periodGroups(span: PeriodSpan, fsm = 1): PeriodGroup[] {
  const all: PeriodGroup = { label: 'All', options: [{ value: 'all', label: 'All time' }] };
  const ref = span.referenceDate;
  if (!ref) return [all];
  const first = span.firstClose && span.firstClose < ref ? span.firstClose : ref;
  const past = periodsBetween(first, ref, fsm);
  const groups: PeriodGroup[] = [
    { label: `To date (${ref})`, options: toDate(ref, fsm) },
    { label: 'Quarters', options: past.filter((p) => p.kind === 'quarter').map((p) => option(p, fsm)) },
    { label: 'Months', options: monthsBetween(first, ref).map((p) => option(p, fsm)) },
    { label: 'Fiscal years', options: past.filter((p) => p.kind === 'year').map((p) => option(p, fsm)) },
  ];
  // Future periods only where open deals are expected to close, after the reference date's quarter.
  const currentEnd = periodRange({ kind: 'quarter', ...fiscalQuarterOf(ref, fsm) }, fsm)?.end ?? ref;
  const future = [...new Set(span.openMonths ?? [])].filter((m) => `${m}-01` >= currentEnd).sort();
  if (future.length > 0) {
    const seen = new Set<string>();
    const options: PeriodOption[] = [];
    for (const m of future) {
      const q = fiscalQuarterOf(`${m}-01`, fsm);
      const quarter: Period = { kind: 'quarter', ...q };
      if (!seen.has(formatPeriod(quarter))) options.push(option(quarter, fsm));
      seen.add(formatPeriod(quarter));
      options.push(option({ kind: 'month', year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) }, fsm));
    }
    groups.push({ label: 'Future (expected closes of open deals)', options });
  }
  return [...groups.filter((g) => g.options.length > 0), all];
}

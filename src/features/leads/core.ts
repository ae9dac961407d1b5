// The lead-quality tables from per-lead rows (leadRows.ts), pure: groups by any attribute (capped),
// cohorts by creation month, and the conversion window that tells a young cohort from a bad one.
import { GROUPS_SHOWN, type LeadAttribute, type LeadCohort, type LeadGroup } from './contract';
import { hasCost, isColumnAttribute } from '../../shared/leadAttributes';
import { daysBetween, type DateRange } from '../../shared/periods/fiscal';
import type { LeadRow } from '../../queries/leadRows';

/** Days from the lead's creation to its first won close, or null (not a customer, or no date). */
export function daysToCustomer(row: LeadRow): number | null {
  return row.created && row.first_won ? daysBetween(row.created, row.first_won) : null;
}

export function inRange(row: LeadRow, range: DateRange | null): boolean {
  if (!range) return true;
  return row.created !== null && row.created >= range.start && row.created < range.end;
}

/**
 * The conversion window: 80 % of the lead → customer conversions seen so far happened within it
 * (days, rounded up). Null with fewer than 5 conversions: too few to say when a cohort is mature.
 */
export function conversionWindow(rows: readonly LeadRow[]): number | null {
  const days = rows.map(daysToCustomer).filter((d): d is number => d !== null);
  if (days.length < 5) return null;
  days.sort((a, b) => a - b);
  return Math.max(1, Math.ceil(days[Math.ceil(0.8 * days.length) - 1] ?? 0));
}

/** Spend channels by their name with case and surrounding spaces ignored (a source matches its channel so). */
export function channelIndex(spendByChannel: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  return new Map([...spendByChannel].map(([name, spend]) => [name.trim().toLowerCase(), spend]));
}

/** The spend of the channel named like a lead source; null when none is (a blank source has none). */
export function spendOf(channels: ReadonlyMap<string, number>, source: string | null): number | null {
  return source === null ? null : (channels.get(source.trim().toLowerCase()) ?? null);
}

/** The value a lead groups under: its column, or the lead-file column carried as `attr`. */
export function valueOf(row: LeadRow, by: LeadAttribute): string | null {
  return isColumnAttribute(by) ? row[by] : row.attr;
}

interface Tally {
  leads: number;
  opp: number;
  won: number;
  amount: number;
  unpriced: number;
  days: number[];
}

const tally = (): Tally => ({ leads: 0, opp: 0, won: 0, amount: 0, unpriced: 0, days: [] });

function add(t: Tally, row: LeadRow): void {
  t.leads += 1;
  if (row.to_opp) t.opp += 1;
  if (row.first_won) {
    t.won += 1;
    t.amount += row.won_amount;
    t.unpriced += row.won_unpriced;
    const d = daysToCustomer(row);
    if (d !== null) t.days.push(d);
  }
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function groupOf(value: string | null, t: Tally, spend: number | null): LeadGroup {
  return {
    value,
    leads: t.leads,
    toOpportunity: t.opp,
    toCustomer: t.won,
    wonAmount: t.amount,
    wonUnpriced: t.unpriced,
    daysToCustomer: t.days.length > 0 ? t.days.reduce((a, b) => a + b, 0) / t.days.length : null,
    medianDaysToCustomer: median(t.days),
    spend,
  };
}

/**
 * Order of the rows: most leads first, then by value in code-point order (the engine's order of
 * text, so the drill of the "Other" row can name the same values), the blank group last of its ties.
 */
export function compareGroups(a: { value: string | null; leads: number }, b: { value: string | null; leads: number }): number {
  if (a.leads !== b.leads) return b.leads - a.leads;
  if (a.value === b.value) return 0;
  if (a.value === null) return 1;
  if (b.value === null) return -1;
  return a.value < b.value ? -1 : 1;
}

/** Every group of the range by one attribute, largest first (compareGroups), before any cap. */
function tallies(rows: readonly LeadRow[], by: LeadAttribute, range: DateRange | null): [string | null, Tally][] {
  const groups = new Map<string | null, Tally>();
  for (const row of rows) {
    if (!inRange(row, range)) continue;
    const key = valueOf(row, by);
    const g = groups.get(key) ?? tally();
    add(g, row);
    groups.set(key, g);
  }
  return [...groups].sort(([va, a], [vb, b]) => compareGroups({ value: va, leads: a.leads }, { value: vb, leads: b.leads }));
}

/** Every value of the range, in the table's order. */
export function rankedValues(rows: readonly LeadRow[], by: LeadAttribute, range: DateRange | null): (string | null)[] {
  return tallies(rows, by, range).map(([v]) => v);
}

/** The values the table shows by name (the largest groups); the rest fold into "Other". */
export function shownOf(ranked: readonly (string | null)[], cap = GROUPS_SHOWN): (string | null)[] {
  return ranked.length > cap + 1 ? ranked.slice(0, cap) : [...ranked];
}

/**
 * Leads created in the range, by one attribute, largest groups first; spend by channel matched to a
 * source or campaign. More than `cap` + 1 groups: the largest `cap`, then one "Other" row (value
 * null, `otherValues` = how many values it folds), so an id or free-text column stays readable.
 */
export function groupLeads(
  rows: readonly LeadRow[],
  by: LeadAttribute,
  range: DateRange | null,
  spendByChannel: ReadonlyMap<string, number>,
  cap = GROUPS_SHOWN,
): LeadGroup[] {
  const channels = channelIndex(spendByChannel);
  const all = tallies(rows, by, range);
  const spend = (value: string | null) => (hasCost(by) ? spendOf(channels, value) : null);
  if (all.length <= cap + 1) return all.map(([value, t]) => groupOf(value, t, spend(value)));
  const other = tally();
  for (const [, t] of all.slice(cap)) {
    other.leads += t.leads;
    other.opp += t.opp;
    other.won += t.won;
    other.amount += t.amount;
    other.unpriced += t.unpriced;
    other.days.push(...t.days);
  }
  const otherRow: LeadGroup = { ...groupOf(null, other, null), otherValues: all.length - cap };
  return [...all.slice(0, cap).map(([value, t]) => groupOf(value, t, spend(value))), otherRow];
}

/** Every lead created in the range together: the "All" row, with the overall mean and median days. */
export function allLeads(rows: readonly LeadRow[], range: DateRange | null): LeadGroup {
  const t = tally();
  for (const row of rows) if (inRange(row, range)) add(t, row);
  return groupOf(null, t, null);
}

/** Leads by creation month (in the range), each with its age and whether it is still maturing. */
export function cohorts(
  rows: readonly LeadRow[],
  range: DateRange | null,
  referenceDate: string,
  windowDays: number | null,
): LeadCohort[] {
  const months = new Map<string, { leads: number; opp: number; won: number }>();
  for (const row of rows) {
    // Every lead of the period that has a creation date, as in the groups, so both add up to the same
    // leads also when the link's reference date lies inside the period (a later month is simply young).
    if (!row.created || !inRange(row, range)) continue;
    const month = row.created.slice(0, 7);
    const m = months.get(month) ?? { leads: 0, opp: 0, won: 0 };
    m.leads += 1;
    if (row.to_opp) m.opp += 1;
    if (row.first_won) m.won += 1;
    months.set(month, m);
  }
  return [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => {
      const ageDays = Math.max(0, daysBetween(monthEnd(month), referenceDate));
      return {
        month,
        leads: m.leads,
        toOpportunity: m.opp,
        toCustomer: m.won,
        ageDays,
        maturing: windowDays === null ? false : ageDays < windowDays,
      };
    });
}

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
}

// The lead-quality tables from per-lead rows (leadRows.ts), pure: groups by an attribute,
// cohorts by creation month, and the conversion window that tells a young cohort from a bad one.
import type { LeadAttribute, LeadCohort, LeadGroup } from './contract';
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

/** Leads created in the range, by one attribute, largest groups first; spend by channel matched to source. */
export function groupLeads(
  rows: readonly LeadRow[],
  by: LeadAttribute,
  range: DateRange | null,
  spendByChannel: ReadonlyMap<string, number>,
): LeadGroup[] {
  const groups = new Map<
    string | null,
    { leads: number; opp: number; won: number; amount: number; unpriced: number; days: number[] }
  >();
  for (const row of rows) {
    if (!inRange(row, range)) continue;
    const key = row[by];
    const g = groups.get(key) ?? { leads: 0, opp: 0, won: 0, amount: 0, unpriced: 0, days: [] };
    g.leads += 1;
    if (row.to_opp) g.opp += 1;
    if (row.first_won) {
      g.won += 1;
      g.amount += row.won_amount;
      g.unpriced += row.won_unpriced;
      const d = daysToCustomer(row);
      if (d !== null) g.days.push(d);
    }
    groups.set(key, g);
  }
  const channels = channelIndex(spendByChannel);
  return [...groups]
    .map(([value, g]) => ({
      value,
      leads: g.leads,
      toOpportunity: g.opp,
      toCustomer: g.won,
      wonAmount: g.amount,
      wonUnpriced: g.unpriced,
      daysToCustomer: g.days.length > 0 ? g.days.reduce((a, b) => a + b, 0) / g.days.length : null,
      spend: by === 'source' ? spendOf(channels, value) : null,
    }))
    .sort((a, b) => b.leads - a.leads || String(a.value).localeCompare(String(b.value)));
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

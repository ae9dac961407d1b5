// Quota per rep and quarter, three ways: from the quotas table (rows pro-rated onto
// quarters by days), top-down (company target × over-assignment split by a weight) or
// bottom-up (the rep's deals due in the quarter × a win rate). Integer cents throughout.
import type { CompBookings, CompData, CompQuotaRow } from '../contract';
import { mulDivRound, mulDivRoundBig, PPM, toPpm } from './money';
import { epochDay, quarterIndexOf, quarterOf } from './periods';
import type { QuotaSetting } from './plan';

/** rep → quarter index → quota cents. */
export type QuotaTable = Map<string, Map<number, number>>;

export interface QuotaOutcome {
  readonly quotas: QuotaTable;
  /** What the user should know (no quotas file, a fallback used). */
  readonly notes: string[];
}

function put(table: QuotaTable, rep: string, quarter: number, cents: number): void {
  const byQuarter = table.get(rep) ?? new Map<number, number>();
  byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + cents);
  table.set(rep, byQuarter);
}

/** Each row spread over the quarters it overlaps, by days; the parts add up to the row exactly. */
export function quotasFromTable(rows: readonly CompQuotaRow[], fiscalStartMonth = 1): QuotaTable {
  const table: QuotaTable = new Map();
  for (const row of rows) {
    const first = epochDay(row.periodStart);
    const last = epochDay(row.periodEnd);
    const days = last - first + 1;
    if (days <= 0) continue;
    let given = 0;
    const q0 = quarterIndexOf(row.periodStart, fiscalStartMonth);
    const q1 = quarterIndexOf(row.periodEnd, fiscalStartMonth);
    for (let q = q0; q <= q1; q++) {
      const through = Math.min(last, epochDay(quarterOf(q, fiscalStartMonth).end) - 1) - first + 1;
      const cumulative = mulDivRound(row.quotaCents, through, days);
      put(table, row.rep, q, cumulative - given);
      given = cumulative;
    }
  }
  return table;
}

/** Splits `total` by integer weights, largest remainder first (ties by order): parts add up to total. */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (sum <= 0)
    return allocate(
      total,
      weights.map(() => 1),
    );
  const exact = weights.map((w) => BigInt(total) * BigInt(Math.max(0, w)));
  const parts = exact.map((e) => Number(e / BigInt(sum)));
  const order = exact
    .map((e, i) => ({ i, rest: e % BigInt(sum) }))
    .sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  let left = total - parts.reduce((s, p) => s + p, 0);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  return parts;
}

function bookingIndex(bookings: readonly CompBookings[]): Map<string, CompBookings> {
  return new Map(bookings.map((b) => [`${b.rep}\u0000${b.quarter}`, b]));
}

/** Reps on board in a quarter: started before its end, or (no start date) with deals due in it. */
export function activeReps(data: CompData, quarter: number, fiscalStartMonth = 1): string[] {
  const end = quarterOf(quarter, fiscalStartMonth).end;
  const due = new Set(data.bookings.filter((b) => b.quarter === quarter).map((b) => b.rep));
  return data.reps.filter((r) => (r.startDate !== null ? r.startDate < end : due.has(r.rep))).map((r) => r.rep);
}

function topDown(
  setting: Extract<QuotaSetting, { source: 'top_down' }>,
  data: CompData,
  quarters: readonly number[],
  fsm: number,
): QuotaOutcome {
  const table: QuotaTable = new Map();
  const notes: string[] = [];
  const total = mulDivRound(setting.companyTargetCents, toPpm(setting.overAssignment), PPM);
  const index = bookingIndex(data.bookings);
  const potential = new Map(data.reps.map((r) => [r.rep, r.potentialCents ?? 0]));
  for (const q of quarters) {
    const reps = activeReps(data, q, fsm);
    const weights = reps.map((rep) => {
      if (setting.shareBy === 'equal') return 1;
      if (setting.shareBy === 'potential') return potential.get(rep) ?? 0;
      let won = 0; // the rep's bookings over the four quarters before this one
      for (let k = q - 4; k < q; k++) won += index.get(`${rep}\u0000${k}`)?.wonCents ?? 0;
      return won;
    });
    if (setting.shareBy !== 'equal' && reps.length > 0 && weights.every((w) => w <= 0)) {
      notes.push(
        `${quarterOf(q, fsm).label}: no rep has ${setting.shareBy === 'potential' ? 'territory potential (accounts with owner and annual revenue)' : 'bookings in the four quarters before'}; the target is split equally.`,
      );
    }
    allocate(total, weights).forEach((cents, i) => put(table, reps[i] ?? '', q, cents));
  }
  return { quotas: table, notes };
}

function bottomUp(
  setting: Extract<QuotaSetting, { source: 'bottom_up' }>,
  data: CompData,
  quarters: readonly number[],
  fsm: number,
): QuotaOutcome {
  const table: QuotaTable = new Map();
  const notes: string[] = [];
  for (const q of quarters) {
    const before = data.bookings.filter((b) => b.quarter < q);
    const company = winRatePpm(before);
    for (const b of data.bookings.filter((x) => x.quarter === q && x.dueCents > 0)) {
      const rate =
        setting.winRate !== null ? toPpm(setting.winRate) : (winRatePpm(before.filter((x) => x.rep === b.rep)) ?? company);
      if (rate === null) continue;
      put(table, b.rep, q, mulDivRound(b.dueCents, rate, PPM));
    }
    if (setting.winRate === null && company === null)
      notes.push(`${quarterOf(q, fsm).label}: no closed deals before it, so no win rate; no bottom-up quotas.`);
  }
  return { quotas: table, notes };
}

/** Win rate by value (won ÷ won + lost amounts) in ppm; null without closed amounts. */
function winRatePpm(rows: readonly CompBookings[]): number | null {
  const won = rows.reduce((s, r) => s + r.wonCents, 0);
  const lost = rows.reduce((s, r) => s + r.lostCents, 0);
  return won + lost > 0 ? Number(mulDivRoundBig(BigInt(won), BigInt(PPM), BigInt(won + lost))) : null;
}

export function setQuotas(
  setting: QuotaSetting,
  data: CompData,
  quarters: readonly number[],
  fiscalStartMonth = 1,
): QuotaOutcome {
  if (setting.source === 'top_down') return topDown(setting, data, quarters, fiscalStartMonth);
  if (setting.source === 'bottom_up') return bottomUp(setting, data, quarters, fiscalStartMonth);
  const notes =
    data.quotaRows.length === 0
      ? ['This data has no quotas table: choose top-down or bottom-up quotas in the plan to measure attainment.']
      : [];
  return { quotas: quotasFromTable(data.quotaRows, fiscalStartMonth), notes };
}

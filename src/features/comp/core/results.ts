// A plan applied to the engine's aggregates: every rep's quarters paid, then one quarter
// summarized — cost of sales, attainment distribution, fairness — in total and by team.
import type { CompData, CompRep } from '../contract';
import type { ClawbackInput, DealGroup, PeriodInput, PeriodPayout } from './payout';
import { payRep } from './payout';
import { roleFor, type CompPlan } from './plan';
import { setQuotas } from './quotas';
import { attainmentHistogram, gini, pearson, shareAtOrAboveQuota, type HistogramBin } from './stats';

export interface RepRow extends PeriodPayout {
  readonly rep: string;
  readonly team: string | null;
  readonly role: string;
  /** Variable pay ÷ bookings; null without bookings. */
  readonly effectiveRate: number | null;
  readonly potentialCents: number | null;
}

export interface CompResults {
  readonly quarters: readonly number[];
  readonly rows: readonly RepRow[];
  readonly notes: readonly string[];
}

export interface TeamSummary {
  readonly team: string;
  readonly reps: number;
  readonly bookingsCents: number;
  readonly payoutCents: number;
  readonly costOfSales: number | null;
}

export interface QuarterSummary {
  readonly quarter: number;
  readonly reps: number;
  readonly bookingsCents: number;
  readonly payoutCents: number;
  readonly variableCents: number;
  /** Total pay (base + variable) ÷ bookings. */
  readonly costOfSales: number | null;
  readonly effectiveRate: number | null;
  readonly attainments: readonly number[];
  readonly shareAtQuota: number | null;
  readonly gini: number | null;
  readonly histogram: readonly HistogramBin[];
  readonly quotaPotentialCorrelation: number | null;
  readonly byTeam: readonly TeamSummary[];
}

const key = (rep: string, q: number) => `${rep}\u0000${q}`;

function group<T>(items: readonly T[], by: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(by(item), [...(out.get(by(item)) ?? []), item]);
  return out;
}

function repInputs(
  rep: CompRep,
  data: CompData,
  quotas: ReadonlyMap<number, number> | undefined,
  quarters: readonly number[],
  ix: Indexes,
): PeriodInput[] {
  const out: PeriodInput[] = [];
  for (const q of quarters) {
    // A deal lost after being won was booked (and paid) in the quarter it was won.
    const booked = (ix.bookings.get(key(rep.rep, q))?.wonCents ?? 0) + (ix.lostLater.get(key(rep.rep, q)) ?? 0);
    const quota = quotas?.get(q) ?? null;
    const claws = ix.clawbacks.get(key(rep.rep, q)) ?? [];
    if (booked === 0 && quota === null && claws.length === 0) continue;
    const deals: DealGroup[] = ix.deals.get(key(rep.rep, q)) ?? [];
    const clawbacks: ClawbackInput[] = claws.map((c) => ({ wonPeriod: c.wonQuarter, amountCents: c.amountCents }));
    out.push({ period: q, bookingsCents: booked, quotaCents: quota, deals, clawbacks });
  }
  return out;
}

interface Indexes {
  readonly bookings: Map<string, CompData['bookings'][number]>;
  readonly deals: Map<string, CompData['deals'][number][]>;
  readonly clawbacks: Map<string, CompData['clawbacks'][number][]>;
  /** rep + won quarter → amount of its deals lost later. */
  readonly lostLater: Map<string, number>;
}

export function computeResults(plan: CompPlan, data: CompData, fiscalStartMonth = 1): CompResults {
  const quarters: number[] = [];
  if (data.firstQuarter !== null && data.lastQuarter !== null) {
    for (let q = data.firstQuarter; q <= data.lastQuarter; q++) quarters.push(q);
  }
  const { quotas, notes } = setQuotas(plan.quota, data, quarters, fiscalStartMonth);
  const ix: Indexes = {
    bookings: new Map(data.bookings.map((b) => [key(b.rep, b.quarter), b])),
    deals: group(data.deals, (d) => key(d.rep, d.quarter)),
    clawbacks: group(data.clawbacks, (c) => key(c.rep, c.quarter)),
    lostLater: new Map(),
  };
  for (const c of data.clawbacks)
    ix.lostLater.set(key(c.rep, c.wonQuarter), (ix.lostLater.get(key(c.rep, c.wonQuarter)) ?? 0) + c.amountCents);
  const rows: RepRow[] = [];
  for (const rep of data.reps) {
    const role = roleFor(plan, rep.team);
    for (const p of payRep(plan, role, repInputs(rep, data, quotas.get(rep.rep), quarters, ix))) {
      const effectiveRate = p.bookingsCents > 0 ? p.variableCents / p.bookingsCents : null;
      rows.push({ ...p, rep: rep.rep, team: rep.team, role: role.name, effectiveRate, potentialCents: rep.potentialCents });
    }
  }
  return { quarters, rows, notes };
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : null);

export function summarize(rows: readonly RepRow[], quarter: number): QuarterSummary {
  const mine = rows.filter((r) => r.period === quarter);
  const sum = (list: readonly RepRow[], f: (r: RepRow) => number) => list.reduce((s, r) => s + f(r), 0);
  const attainments = mine.flatMap((r) => (r.attainment === null ? [] : [r.attainment]));
  const paired = mine.filter((r) => r.quotaCents !== null && r.potentialCents !== null);
  const byTeam = [...group(mine, (r) => r.team ?? '(no team)')].map(([team, list]) => ({
    team,
    reps: list.length,
    bookingsCents: sum(list, (r) => r.bookingsCents),
    payoutCents: sum(list, (r) => r.payoutCents),
    costOfSales: ratio(
      sum(list, (r) => r.payoutCents),
      sum(list, (r) => r.bookingsCents),
    ),
  }));
  const bookingsCents = sum(mine, (r) => r.bookingsCents);
  return {
    quarter,
    reps: mine.length,
    bookingsCents,
    payoutCents: sum(mine, (r) => r.payoutCents),
    variableCents: sum(mine, (r) => r.variableCents),
    costOfSales: ratio(
      sum(mine, (r) => r.payoutCents),
      bookingsCents,
    ),
    effectiveRate: ratio(
      sum(mine, (r) => r.variableCents),
      bookingsCents,
    ),
    attainments,
    shareAtQuota: shareAtOrAboveQuota(attainments),
    gini: gini(attainments),
    histogram: attainmentHistogram(attainments),
    quotaPotentialCorrelation: pearson(
      paired.map((r) => r.quotaCents ?? 0),
      paired.map((r) => r.potentialCents ?? 0),
    ),
    byTeam: byTeam.sort((a, b) => a.team.localeCompare(b.team)),
  };
}

/** One quarter's rows by rep (the what-if column looks the baseline up here). */
export function rowsByRep(rows: readonly RepRow[], quarter: number | null): ReadonlyMap<string, RepRow> {
  return new Map(rows.filter((r) => r.period === quarter).map((r) => [r.rep, r]));
}

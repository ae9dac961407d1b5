// Folds the monthly cube rows of one filter set over a month-aligned period into exactly the
// inputs the row-level builders give (RangeAgg, MonthRow, ViewRow, ExtrasRow, …), so the
// dashboard assembles the same result from either path. Pure: rows in, aggregates out.
import type { DateRange } from '../../../shared/periods/fiscal';
import { CLOSED_SETS, type ClosedMonthRow, type CreatedMonthRow, type SideMonthRow, type SideCountsRow } from './cubeReads';
import type { ExtrasRow } from '../../../queries/extras';
import type { MonthRow } from './series';
import type { ChannelRow, LeadSourceRow, RepQuotaRow } from '../../../queries/sideTables';
import { Sum } from './sum';
import type { RangeAgg } from '../../../queries/tiles';
import { groupingId, OUTSIDE_BUCKETS, type ViewRow, type ViewSet } from './views';

/** Everything the cube gives for one filter set; folded over any month-aligned period. */
export interface MonthData {
  readonly closed: readonly ClosedMonthRow[];
  readonly created: readonly CreatedMonthRow[];
  readonly side: readonly SideMonthRow[];
  readonly counts: SideCountsRow;
  readonly funnelSteps: number;
}

/** True when the cube can answer this period: all time, or a range of whole calendar months. */
export function monthAligned(range: DateRange | null): boolean {
  return range === null || (range.start.endsWith('-01') && range.end.endsWith('-01'));
}

/** A month row in the range; rows without a month count only for all time. */
const within = (month: string | null, range: DateRange | null): boolean =>
  range === null || (month !== null && month >= range.start && month < range.end);

/** Spread tables keep a whole-amount row (month null) for all time, and per-month shares otherwise. */
const spreadWithin = (month: string | null, range: DateRange | null): boolean =>
  range === null ? month === null : within(month, range);

interface Figures {
  wonN: number;
  lostN: number;
  wonAmt: Sum;
  lostAmt: Sum;
  wonAmtN: number;
  wonCycSum: number;
  wonCycN: number;
  closedCycSum: number;
  closedCycN: number;
  openN: number;
  openAmt: Sum;
  openAmtN: number;
  openImputed: number;
  openWtd: Sum;
  openWtdN: number;
}

function emptyFigures(): Figures {
  return {
    wonN: 0,
    lostN: 0,
    wonAmt: new Sum(),
    lostAmt: new Sum(),
    wonAmtN: 0,
    wonCycSum: 0,
    wonCycN: 0,
    closedCycSum: 0,
    closedCycN: 0,
    openN: 0,
    openAmt: new Sum(),
    openAmtN: 0,
    openImputed: 0,
    openWtd: new Sum(),
    openWtdN: 0,
  };
}

/** Open deals count for a period when expected to close in it and not past due; for all time, every one. */
const openFor = (r: ClosedMonthRow, range: DateRange | null): boolean => r.is_open && (range === null || !r.past_due);

function addRow(f: Figures, r: ClosedMonthRow, range: DateRange | null): void {
  if (r.status === 'won') {
    f.wonN += r.n;
    f.wonAmt.add(r.amt);
    f.wonAmtN += r.amt_n;
    f.wonCycSum += r.cyc_sum ?? 0;
    f.wonCycN += r.cyc_n;
  } else if (r.status === 'lost') {
    f.lostN += r.n;
    f.lostAmt.add(r.amt);
  }
  if (r.status === 'won' || r.status === 'lost') {
    f.closedCycSum += r.cyc_sum ?? 0;
    f.closedCycN += r.cyc_n;
  }
  if (openFor(r, range)) {
    f.openN += r.n;
    f.openAmt.add(r.amt);
    f.openAmtN += r.amt_n;
    f.openImputed += r.imputed_n;
    f.openWtd.add(r.wtd);
    f.openWtdN += r.wtd_n;
  }
}

const mean = (sum: number, n: number): number | null => (n > 0 ? sum / n : null);

/** The tiles' inputs for one period (medians are not in the cube: the row-level path gives them). */
export function foldRange(data: MonthData, range: DateRange | null): RangeAgg {
  const f = emptyFigures();
  const due = { n: 0, amt: new Sum(), wtd: new Sum() };
  const undated = { n: 0, amt: new Sum(), wtd: new Sum() };
  for (const r of data.closed) {
    if (r.grp !== CLOSED_SETS.base) continue;
    if (within(r.cm, range)) addRow(f, r, range);
    // Open deals outside every period, whatever the period (docs/kpis.md, "Past due and undated").
    const bucket = !r.is_open ? null : r.cm === null ? undated : r.past_due ? due : null;
    if (!bucket) continue;
    bucket.n += r.n;
    bucket.amt.add(r.amt);
    bucket.wtd.add(r.wtd);
  }
  let createdN = 0;
  let createdWonN = 0;
  for (const r of data.created) {
    if (r.by_source !== 0 || !within(r.km, range)) continue;
    createdN += r.n;
    if (r.status === 'won') createdWonN += r.n;
  }
  return {
    won_n: f.wonN,
    lost_n: f.lostN,
    won_amt: f.wonAmt.value,
    lost_amt: f.lostAmt.value,
    won_amt_n: f.wonAmtN,
    won_med: null,
    won_cyc: mean(f.wonCycSum, f.wonCycN),
    won_cyc_med: null,
    closed_cyc: mean(f.closedCycSum, f.closedCycN),
    closed_cyc_med: null,
    created_n: createdN,
    created_won_n: createdWonN,
    open_n: f.openN,
    open_amt: f.openAmt.value,
    open_amt_n: f.openAmtN,
    open_imputed: f.openImputed,
    open_wtd: f.openWtd.value,
    open_wtd_n: f.openWtdN,
    due_n: due.n,
    due_amt: due.amt.value,
    due_wtd: due.wtd.value,
    undated_n: undated.n,
    undated_amt: undated.amt.value,
    undated_wtd: undated.wtd.value,
  };
}

/** Closed deals by month for the period on screen and the comparison period (the bookings chart). */
export function foldMonths(data: MonthData, current: DateRange | null, comparison: DateRange | null): MonthRow[] {
  const out = new Map<string, { side: 'cur' | 'cmp'; month: string; f: Figures }>();
  for (const r of data.closed) {
    if (r.grp !== CLOSED_SETS.base || r.cm === null || (r.status !== 'won' && r.status !== 'lost')) continue;
    const side = within(r.cm, current) ? 'cur' : comparison && within(r.cm, comparison) ? 'cmp' : null;
    if (!side) continue;
    const key = `${side}${r.cm}`;
    const entry = out.get(key) ?? { side, month: r.cm, f: emptyFigures() };
    addRow(entry.f, r, current);
    out.set(key, entry);
  }
  return [...out.values()].map(({ side, month, f }) => ({
    side,
    month,
    won_amt: f.wonAmt.value,
    won_n: f.wonN,
    lost_n: f.lostN,
    cyc_sum: f.wonCycN > 0 ? f.wonCycSum : null,
    cyc_n: f.wonCycN,
  }));
}

type Keyed = Exclude<ViewSet, 'total'>;

/** The expected-close-month key of an open deal, as the row-level views query names it. */
function openMonthKey(r: ClosedMonthRow): string {
  if (r.cm === null) return OUTSIDE_BUCKETS.undated;
  return r.past_due ? OUTSIDE_BUCKETS.pastDue : r.cm.slice(0, 7);
}

function viewRow(set: ViewSet, key: string | null, f: Figures, created: { n: number; won: number }, steps: number[]): ViewRow {
  const keys: Record<`k_${Keyed}`, string | null> = {
    k_segment: null,
    k_owner: null,
    k_stage: null,
    k_open_month: null,
    k_aging: null,
    k_lead_source: null,
  };
  if (set !== 'total') keys[`k_${set}`] = key;
  const stepCounts: Record<`step_${number}`, number> = {};
  steps.forEach((s, i) => (stepCounts[`step_${i}`] = s));
  return {
    grp: groupingId(set),
    ...keys,
    won_n: f.wonN,
    lost_n: f.lostN,
    won_amt: f.wonAmt.value,
    lost_amt: f.lostAmt.value,
    won_cyc: mean(f.wonCycSum, f.wonCycN),
    open_n: f.openN,
    open_amt: f.openAmt.value,
    open_wtd: f.openWtd.value,
    created_n: created.n,
    created_won_n: created.won,
    ...stepCounts,
  };
}

/** The "by X" views' rows for one period, in the shape of the row-level grouping-sets query. */
export function foldViews(data: MonthData, range: DateRange | null): ViewRow[] {
  // One map per grouping, keyed by the value itself (null included): no key strings to build.
  const sets = new Map<Keyed, Map<string | null, Figures>>();
  const add = (set: Keyed, key: string | null, r: ClosedMonthRow) => {
    let bySet = sets.get(set);
    if (!bySet) sets.set(set, (bySet = new Map()));
    let f = bySet.get(key);
    if (!f) bySet.set(key, (f = emptyFigures()));
    addRow(f, r, range);
  };
  for (const r of data.closed) {
    if (!within(r.cm, range)) continue;
    if (r.grp === CLOSED_SETS.segment) add('segment', r.k_seg, r);
    else if (r.grp === CLOSED_SETS.owner) add('owner', r.k_owner, r);
    else if (r.grp === CLOSED_SETS.stage) add('stage', r.k_stage, r);
    else if (r.grp === CLOSED_SETS.aging && r.k_aging !== null) add('aging', r.k_aging, r);
    else if (r.grp === CLOSED_SETS.base && openFor(r, range)) add('open_month', openMonthKey(r), r);
  }
  const none = { n: 0, won: 0 };
  const rows = [...sets].flatMap(([set, bySet]) => [...bySet].map(([key, f]) => viewRow(set, key, f, none, [])));
  const bySource = new Map<string | null, { n: number; won: number }>();
  const total = { n: 0, won: 0 };
  const steps = new Array<number>(data.funnelSteps).fill(0);
  for (const r of data.created) {
    if (!within(r.km, range)) continue;
    const won = r.status === 'won' ? r.n : 0;
    if (r.by_source === 1) {
      const c = bySource.get(r.lead_source) ?? { n: 0, won: 0 };
      c.n += r.n;
      c.won += won;
      bySource.set(r.lead_source, c);
      continue;
    }
    total.n += r.n;
    total.won += won;
    for (let i = 0; i < steps.length; i++) steps[i] = (steps[i] ?? 0) + (r[`step_${i}`] ?? 0);
  }
  for (const [key, c] of bySource) rows.push(viewRow('lead_source', key, emptyFigures(), c, []));
  rows.push(viewRow('total', null, emptyFigures(), total, steps));
  return rows;
}

/** Side-table rows of one table and period, summed by key. */
function sideSums(data: MonthData, src: SideMonthRow['src'], range: DateRange | null) {
  const spread = src === 'spend' || src === 'quota' || src === 'quota_rep';
  const sums = new Map<string | null, { amount: Sum; converted: number }>();
  for (const r of data.side) {
    if (r.src !== src || !(spread ? spreadWithin(r.month, range) : within(r.month, range))) continue;
    const s = sums.get(r.key) ?? { amount: new Sum(), converted: 0 };
    s.amount.add(r.amount);
    s.converted += r.converted ?? 0;
    sums.set(r.key, s);
  }
  return sums;
}

function total(sums: Map<string | null, { amount: Sum; converted: number }>) {
  const all = { amount: new Sum(), converted: 0 };
  for (const s of sums.values()) {
    all.amount.add(s.amount.value);
    all.converted += s.converted;
  }
  return all;
}

/** Spend, new customers, quota and leads of one period (the inputs of CAC, coverage, attainment, lead ratio). */
export function foldExtras(data: MonthData, range: DateRange | null): ExtrasRow {
  const spend = total(sideSums(data, 'spend', range));
  const quota = total(sideSums(data, 'quota', range));
  const leads = total(sideSums(data, 'leads', range));
  const firstWon = total(sideSums(data, 'first_won', range));
  return {
    spend: data.counts.spend_rows > 0 ? (spend.amount.value ?? 0) : null,
    spend_rows: data.counts.spend_rows,
    new_customers: firstWon.amount.value ?? 0,
    quota: data.counts.quota_rows > 0 ? (quota.amount.value ?? 0) : null,
    quota_rows: data.counts.quota_rows,
    leads: leads.amount.value ?? 0,
    converted: leads.converted,
    lead_rows: data.counts.lead_rows,
  };
}

/** Each rep's quota in the period (0 for a rep whose quota periods lie elsewhere). */
export function foldQuotaByRep(data: MonthData, range: DateRange | null): RepQuotaRow[] {
  const reps = sideSums(data, 'quota_rep', null);
  const inRange = sideSums(data, 'quota_rep', range);
  return [...reps.keys()]
    .filter((rep): rep is string => rep !== null)
    .map((rep) => ({ rep, quota: inRange.get(rep)?.amount.value ?? 0 }));
}

export function foldLeadsBySource(data: MonthData, range: DateRange | null): LeadSourceRow[] {
  return [...sideSums(data, 'leads', range)]
    .map(([source, s]) => ({ source, leads: s.amount.value ?? 0, converted: s.converted }))
    .sort((a, b) => b.leads - a.leads || nullsLast(a.source, b.source));
}

export function foldSpendByChannel(data: MonthData, range: DateRange | null): ChannelRow[] {
  return [...sideSums(data, 'spend', range)]
    .map(([channel, s]) => ({ channel, spend: s.amount.value ?? 0 }))
    .filter((c) => c.spend > 0)
    .sort((a, b) => b.spend - a.spend || nullsLast(a.channel, b.channel));
}

function nullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

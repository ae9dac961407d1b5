// The grouping-sets rows → the dashboard's "by X" views, the funnels and the leaderboard.
import type { DashboardViews, FunnelStep, GroupFigures, LeaderRow, LeadSourceFigures } from '../../../src/engine-api/types';
import type { StageRow } from '../../../src/queries/fact';
import type { Dimension } from '../../../src/shared/filters';
import type { LeadSourceRow, RepQuotaRow } from '../../../src/queries/sideTables';
import type { RangeAgg } from '../../../src/queries/tiles';
import {
  AGING_BUCKETS,
  groupingId,
  OUTSIDE_BUCKETS,
  type ViewRow,
  type ViewSet,
} from '../../../src/features/dashboard/core/views';

export const BLANK_LABEL = '(blank)';

function figures(row: ViewRow, key: string | null): GroupFigures {
  const closed = row.won_n + row.lost_n;
  return {
    key,
    label: key ?? BLANK_LABEL,
    wonCount: row.won_n,
    lostCount: row.lost_n,
    wonAmount: row.won_amt ?? 0,
    lostAmount: row.lost_amt ?? 0,
    winRate: closed > 0 ? row.won_n / closed : null,
    avgCycleDays: row.won_cyc,
    openCount: row.open_n,
    openAmount: row.open_amt ?? 0,
    weightedAmount: row.open_wtd ?? 0,
  };
}

function rowsOf(rows: readonly ViewRow[], set: ViewSet): ViewRow[] {
  const id = groupingId(set);
  return rows.filter((r) => r.grp === id);
}

const keyOf = (row: ViewRow, set: Exclude<ViewSet, 'total'>): string | null => row[`k_${set}`];

export interface ViewInputs {
  readonly rows: readonly ViewRow[];
  readonly segmentBy: Dimension;
  readonly stages: readonly StageRow[];
  readonly hasHistory: boolean;
  readonly quotas: readonly RepQuotaRow[] | null;
  readonly leadsBySource: readonly LeadSourceRow[] | string;
  readonly spendByChannel: DashboardViews['spendByChannel'];
  /** The current period's aggregates when it is not all time: its past-due and undated open deals become bars of their own. */
  readonly outside?: RangeAgg;
}

/** Past due first, then the months, then deals without a close date. */
function monthOrder(key: string | null): string {
  if (key === OUTSIDE_BUCKETS.pastDue) return '0';
  if (key === OUTSIDE_BUCKETS.undated) return '9';
  return `1${key ?? ''}`;
}

function outsideBars(a: RangeAgg | undefined): GroupFigures[] {
  if (!a) return [];
  const bar = (key: string, n: number | null, amt: number | null, wtd: number | null): GroupFigures => ({
    key,
    label: key,
    wonCount: 0,
    lostCount: 0,
    wonAmount: 0,
    winRate: null,
    avgCycleDays: null,
    openCount: n ?? 0,
    openAmount: amt ?? 0,
    weightedAmount: wtd ?? 0,
  });
  return [
    bar(OUTSIDE_BUCKETS.pastDue, a.due_n, a.due_amt, a.due_wtd),
    bar(OUTSIDE_BUCKETS.undated, a.undated_n, a.undated_amt, a.undated_wtd),
  ];
}

export function assembleViews(v: ViewInputs): DashboardViews {
  const by = (set: Exclude<ViewSet, 'total'>) => rowsOf(v.rows, set).map((r) => figures(r, keyOf(r, set)));
  const segments = by('segment')
    .filter((g) => g.wonCount + g.lostCount > 0)
    .sort((a, b) => b.wonAmount - a.wonAmount || a.label.localeCompare(b.label));
  const stageOrder = new Map(v.stages.map((s) => [s.stage, s.ord ?? 99]));
  const pipelineByStage = by('stage')
    .filter((g) => g.openCount > 0)
    .sort((a, b) => (stageOrder.get(a.key ?? '') ?? 99) - (stageOrder.get(b.key ?? '') ?? 99) || a.label.localeCompare(b.label));
  const pipelineByMonth = [...by('open_month'), ...outsideBars(v.outside)]
    .filter((g) => g.key !== null && g.openCount > 0)
    .sort((a, b) => monthOrder(a.key).localeCompare(monthOrder(b.key)));
  const aging = AGING_BUCKETS.map((label) => by('aging').find((g) => g.key === label)).filter(
    (g): g is GroupFigures => g !== undefined && g.openCount > 0,
  );
  return {
    segmentBy: v.segmentBy,
    segments,
    pipelineByStage,
    pipelineByMonth,
    aging,
    leaderboard: leaderboard(by('owner'), v.quotas),
    funnel: funnel(v),
    leadFunnel: leadFunnel(v.leadsBySource, by('lead_source'), rowsOf(v.rows, 'lead_source')),
    spendByChannel: v.spendByChannel,
  };
}

function leaderboard(owners: GroupFigures[], quotas: readonly RepQuotaRow[] | null): LeaderRow[] {
  const quotaOf = new Map(quotas?.map((q) => [q.rep, q.quota]) ?? []);
  return owners
    .filter((g) => g.wonCount + g.lostCount + g.openCount > 0)
    .map((g) => {
      const quota = quotas && g.key !== null ? (quotaOf.get(g.key) ?? null) : null;
      return { ...g, quota, attainment: quota !== null && quota > 0 ? g.wonAmount / quota : null };
    })
    .sort((a, b) => b.wonAmount - a.wonAmount || a.label.localeCompare(b.label));
}

function funnel(v: ViewInputs): DashboardViews['funnel'] {
  const total = rowsOf(v.rows, 'total')[0];
  const created = total?.created_n ?? 0;
  const steps: FunnelStep[] = [{ label: 'Created', count: created, rate: created > 0 ? 1 : null, stepRate: null }];
  v.stages.forEach((s, i) => {
    const count = total?.[`step_${i}`] ?? 0;
    const before = steps[steps.length - 1]?.count ?? 0;
    steps.push({
      label: s.stage,
      count,
      rate: created > 0 ? count / created : null,
      stepRate: before > 0 ? count / before : null,
    });
  });
  const order = v.stages[0]?.basis;
  return { source: v.hasHistory ? 'stage_history' : 'current_stages', steps, ...(order ? { order } : {}) };
}

function leadFunnel(
  leads: readonly LeadSourceRow[] | string,
  opps: GroupFigures[],
  rows: ViewRow[],
): LeadSourceFigures[] | string {
  if (typeof leads === 'string') return leads;
  const created = new Map(rows.map((r) => [r.k_lead_source, r]));
  const keys = [...new Set([...leads.map((l) => l.source), ...opps.map((o) => o.key)])];
  return keys
    .map((key) => {
      const l = leads.find((x) => x.source === key);
      const r = created.get(key);
      return {
        key,
        label: key ?? BLANK_LABEL,
        leads: l?.leads ?? 0,
        converted: l?.converted ?? 0,
        conversionRate: l && l.leads > 0 ? l.converted / l.leads : null,
        opportunities: r?.created_n ?? 0,
        wonDeals: r?.created_won_n ?? 0,
      };
    })
    .filter((x) => x.leads + x.opportunities > 0)
    .sort((a, b) => b.leads - a.leads || b.opportunities - a.opportunities || a.label.localeCompare(b.label));
}

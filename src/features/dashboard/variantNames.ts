// What each KPI variant is called in its tile's menu: what it measures, never "default"
// (docs/kpis.md defines each one; the link keeps the ids, `k.<kpi>=<id>`).
import type { KpiId } from '../../engine-api/types';

const NAMES: Partial<Record<KpiId, Readonly<Record<string, string>>>> = {
  win_rate: {
    default: 'won ÷ closed, by count',
    by_value: 'won ÷ closed, by amount',
    won_over_all: 'won ÷ all deals created',
    won_over_leads: 'won ÷ lead pool',
  },
  avg_deal_size: { default: 'mean of won deals', median: 'median of won deals' },
  avg_sales_cycle_days: {
    default: 'mean, won deals',
    median: 'median, won deals',
    all_closed: 'mean, won and lost deals',
    lead_to_customer: 'lead to customer',
  },
  open_pipeline: { default: 'full amounts', weighted: 'weighted by probability' },
  lead_to_opportunity_ratio: { default: 'converted leads ÷ leads', opps_over_leads: 'opportunities ÷ leads' },
  cac: { default: 'per new customer', per_won_deal: 'per won deal' },
  clv: { default: 'historical per account', churn_based: 'churn-based' },
  pipeline_coverage: { default: 'open pipeline ÷ remaining quota', over_quota: 'open pipeline ÷ full quota' },
};

export function variantName(kpi: KpiId, variant: string): string {
  return NAMES[kpi]?.[variant] ?? variant.replaceAll('_', ' ');
}

/** KPIs where a fall is the good direction (a shorter cycle, a cheaper customer). */
const LOWER_IS_BETTER: ReadonlySet<KpiId> = new Set(['avg_sales_cycle_days', 'cac']);

/** Whether the change against the comparison is good news, bad news or none. */
export function deltaTone(kpi: KpiId, value: number, before: number | null | undefined): 'good' | 'bad' | 'flat' {
  if (before === null || before === undefined || value === before) return 'flat';
  const up = value > before;
  return up !== LOWER_IS_BETTER.has(kpi) ? 'good' : 'bad';
}

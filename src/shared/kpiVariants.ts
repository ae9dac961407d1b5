// The KPIs of docs/spec.md §3 and their named variants (the default first). Shared by the engine,
// which computes the chosen variant, and the page, which offers the choice.
export const KPI_IDS = [
  'won_amount',
  'won_count',
  'win_rate',
  'avg_deal_size',
  'avg_sales_cycle_days',
  'open_pipeline',
  'lead_to_opportunity_ratio',
  'cac',
  'clv',
  'ltv_to_cac',
  'pipeline_coverage',
  'quota_attainment',
  'sales_velocity',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

export const KPI_VARIANTS = {
  won_amount: ['default'],
  won_count: ['default'],
  win_rate: ['default', 'by_value', 'won_over_all', 'won_over_leads'],
  avg_deal_size: ['default', 'median'],
  avg_sales_cycle_days: ['default', 'median', 'all_closed', 'lead_to_customer'],
  open_pipeline: ['default', 'weighted'],
  lead_to_opportunity_ratio: ['default', 'opps_over_leads'],
  cac: ['default', 'per_won_deal'],
  clv: ['default', 'churn_based'],
  ltv_to_cac: ['default'],
  pipeline_coverage: ['default', 'over_quota'],
  quota_attainment: ['default'],
  sales_velocity: ['default'],
} as const satisfies Record<(typeof KPI_IDS)[number], readonly string[]>;

export type KpiVariants = { readonly [K in keyof typeof KPI_VARIANTS]?: (typeof KPI_VARIANTS)[K][number] };

/** Variants defined from the lead pool (the article's): they need leads linked to deals. */
export const ARTICLE_VARIANTS: Readonly<Record<string, string>> = {
  win_rate: 'won_over_leads',
  avg_sales_cycle_days: 'lead_to_customer',
};

export function isKpiId(id: string): id is (typeof KPI_IDS)[number] {
  return (KPI_IDS as readonly string[]).includes(id);
}

/** The variant to use: the requested one when it exists for this KPI, else the default. */
export function variantOf(variants: Record<string, string | undefined>, id: (typeof KPI_IDS)[number]): string {
  const wanted = variants[id];
  const allowed: readonly string[] = KPI_VARIANTS[id];
  return wanted !== undefined && allowed.includes(wanted) ? wanted : 'default';
}

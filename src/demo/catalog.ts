// The business "physics" of the demo company: what it sells, how deals move, how often
// they win. Tuned so the KPIs land where a B2B SaaS analyst expects them: closed win rate
// ≈ 33%, won cycles of one to three months, renewals winning far more often than new logos.

import { Weighted } from './prng';

/** Stage index 0..4 are open, 5 is won, 6 is lost (also the order used by stage history). */
export const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
] as const;
export const WON_STAGE = 5;
export const LOST_STAGE = 6;
export const LAST_OPEN_STAGE = 4;

/** Probability per stage, as written to CSV (fractions 0..1). */
export const STAGE_PROBABILITY = ['0.1', '0.2', '0.4', '0.6', '0.8', '1', '0'] as const;
export const STAGE_FORECAST = ['pipeline', 'pipeline', 'pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
/** "probability,forecast_category" per stage, pre-joined for the million-row writers. */
export const STAGE_PROBABILITY_FORECAST: readonly string[] = STAGE_PROBABILITY.map((p, k) => `${p},${STAGE_FORECAST[k] ?? ''}`);

export type DealType = 'New Business' | 'Expansion' | 'Renewal';

export interface DealTypeProfile {
  readonly type: DealType;
  readonly share: number;
  /** Chance that a deal of this type is eventually won. */
  readonly winRate: number;
  /** Multiplier on the product's typical amount. */
  readonly amountFactor: number;
  /** Median days from creation to a won close (lost deals die faster, see lifecycle.ts). */
  readonly cycleDays: number;
}

export const DEAL_TYPES: readonly DealTypeProfile[] = [
  { type: 'New Business', share: 0.55, winRate: 0.24, amountFactor: 1, cycleDays: 70 },
  { type: 'Expansion', share: 0.28, winRate: 0.42, amountFactor: 0.55, cycleDays: 45 },
  { type: 'Renewal', share: 0.17, winRate: 0.7, amountFactor: 0.9, cycleDays: 30 },
];
export const DEAL_TYPE_PICK = new Weighted(DEAL_TYPES.map((d) => [d, d.share] as const));

export interface Product {
  readonly name: string;
  readonly share: number;
  /** Median amount of a new-business deal, USD. */
  readonly typicalAmount: number;
}

export const PRODUCTS: readonly Product[] = [
  { name: 'Core Platform', share: 0.3, typicalAmount: 42000 },
  { name: 'Analytics Suite', share: 0.2, typicalAmount: 28000 },
  { name: 'Data Connectors', share: 0.15, typicalAmount: 12000 },
  { name: 'Security Add-on', share: 0.12, typicalAmount: 18000 },
  { name: 'Premium Support', share: 0.1, typicalAmount: 9000 },
  { name: 'Professional Services', share: 0.13, typicalAmount: 22000 },
];
export const PRODUCT_PICK = new Weighted(PRODUCTS.map((p) => [p, p.share] as const));

/** Spread of amounts around the typical one (σ of the log). */
export const AMOUNT_SIGMA = 0.65;
/** Spread of sales-cycle lengths (σ of the log). */
export const CYCLE_SIGMA = 0.5;

export type LeadSource = 'Web' | 'Referral' | 'Partner' | 'Outbound' | 'Event' | 'Paid Search';
export const LEAD_SOURCES: readonly LeadSource[] = ['Web', 'Referral', 'Partner', 'Outbound', 'Event', 'Paid Search'];

/** Where new-business opportunities come from. */
export const NEW_BUSINESS_SOURCES = new Weighted<LeadSource>([
  ['Web', 0.22],
  ['Referral', 0.14],
  ['Partner', 0.14],
  ['Outbound', 0.2],
  ['Event', 0.12],
  ['Paid Search', 0.18],
]);
/** Expansions and renewals come from the account team, hardly from marketing. */
export const INSTALLED_BASE_SOURCES = new Weighted<LeadSource>([
  ['Outbound', 0.4],
  ['Referral', 0.3],
  ['Partner', 0.2],
  ['Event', 0.1],
]);
/**
 * Leads that never convert skew to cheap, high-volume channels; together with the sources
 * of converted leads this gives each source its own conversion rate (Referral high, Paid Search low).
 */
export const UNCONVERTED_LEAD_SOURCES = new Weighted<LeadSource>([
  ['Web', 0.3],
  ['Paid Search', 0.3],
  ['Event', 0.15],
  ['Outbound', 0.13],
  ['Partner', 0.07],
  ['Referral', 0.05],
]);
/** Chance that a new-business deal from this source started as a lead record. */
export const LEAD_BACKED_SHARE: Readonly<Record<LeadSource, number>> = {
  Web: 0.9,
  'Paid Search': 0.9,
  Event: 0.85,
  Referral: 0.7,
  Partner: 0.6,
  Outbound: 0.35,
};

export interface Industry {
  readonly name: string;
  readonly share: number;
  readonly medianEmployees: number;
  /** Annual revenue per employee, USD. */
  readonly revenuePerEmployee: number;
}

export const INDUSTRIES = new Weighted<Industry>(
  (
    [
      ['Software', 0.16, 300, 250000],
      ['Manufacturing', 0.14, 800, 300000],
      ['Healthcare', 0.12, 1200, 150000],
      ['Financial Services', 0.11, 900, 400000],
      ['Retail', 0.1, 1500, 200000],
      ['Education', 0.06, 600, 100000],
      ['Logistics', 0.08, 700, 250000],
      ['Media', 0.06, 250, 300000],
      ['Energy', 0.05, 500, 600000],
      ['Professional Services', 0.12, 200, 180000],
    ] as const
  ).map(
    ([name, share, medianEmployees, revenuePerEmployee]) =>
      [{ name, share, medianEmployees, revenuePerEmployee }, share] as const,
  ),
);

export const SPEND_CHANNELS = [
  { channel: 'Paid Search', share: 0.25 },
  { channel: 'Events', share: 0.2 },
  { channel: 'Content', share: 0.1 },
  { channel: 'SDR Team', share: 0.35 },
  { channel: 'Partners', share: 0.1 },
] as const;

/**
 * Monthly season of deal creation (Jan … Dec): a slow January, budgets flushed in Q4.
 * Combined with quarter-end pull-ins this makes Q4 the strongest quarter and Q1 the weakest.
 */
export const MONTH_SEASON = [0.78, 0.86, 1.0, 0.95, 1.0, 1.04, 0.9, 0.88, 1.04, 1.12, 1.18, 0.98] as const;
/** Chance that a close is pulled into the last three weeks of its quarter, per quarter of year. */
export const QUARTER_END_PULL = [0.3, 0.35, 0.35, 0.45] as const;
/** Chance that a close planned in the next quarter's first three weeks is rushed into this one. */
export const PULL_IN = [0.15, 0.2, 0.2, 0.5] as const;
/** Yearly growth of deal volume (log rate; e^0.3 ≈ +35% a year). */
export const GROWTH_RATE = 0.3;
/** Deals are rarely created at weekends. */
export const WEEKEND_FACTOR = 0.12;

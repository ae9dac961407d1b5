// How each KPI is named, formatted and explained on its tile: the definition of every
// variant (printed under the tile) and the "how is this computed" text, both from docs/kpis.md.
import type { KpiId } from '../../engine-api/types';
import { display } from '../../shared/format/display.svelte';
import { formatMoney } from '../../shared/format/money';
import { formatCount, formatDecimal, formatPercent } from '../../shared/format/numbers';
import { KPI_VARIANTS } from '../../shared/kpiVariants';

export type ValueKind = 'money' | 'count' | 'percent' | 'days' | 'ratio' | 'money_per_day';

export interface KpiSpec {
  readonly id: KpiId;
  readonly label: string;
  readonly kind: ValueKind;
  /** One line per variant, 'default' first. */
  readonly definitions: Readonly<Record<string, string>>;
  /** The longer "how is this computed" text. */
  readonly how: string;
}

/** Formats a value of a kind; money in the data's currency and the display locale (src/shared/format/money.ts). */
export function formatValue(kind: ValueKind, value: number, currency: string): string {
  switch (kind) {
    case 'money':
      return formatMoney(value, { currency, locale: display.locale });
    case 'money_per_day':
      return `${formatMoney(value, { currency, locale: display.locale })}/day`;
    case 'count':
      return formatCount(value, display.locale);
    case 'percent':
      return formatPercent(value, display.locale);
    case 'days':
      return `${formatDecimal(value, display.locale)} days`;
    case 'ratio':
      return `${formatDecimal(value, display.locale, 2)}×`;
  }
}

export function variantsOf(id: KpiId): readonly string[] {
  return KPI_VARIANTS[id];
}

export const KPI_CATALOG: readonly KpiSpec[] = [
  {
    id: 'won_amount',
    label: 'Won amount',
    kind: 'money',
    definitions: { default: 'Σ amount of won deals closed in the period' },
    how: 'Adds the amount of every won deal whose close date falls in the period (all: every won deal). Sums are exact to the cent. Won deals without an amount add nothing and are counted in a note.',
  },
  {
    id: 'won_count',
    label: 'Won deals',
    kind: 'count',
    definitions: { default: 'Won deals closed in the period' },
    how: 'Counts won deals whose close date falls in the period.',
  },
  {
    id: 'win_rate',
    label: 'Win rate',
    kind: 'percent',
    definitions: {
      default: 'won ÷ (won + lost), by count, deals closed in the period',
      by_value: 'won amount ÷ (won + lost) amount, deals closed in the period',
      won_over_all: 'won ÷ all deals created in the period',
      won_over_leads: 'won ÷ lead pool: leads created in the period that became customers ÷ leads created',
    },
    how: 'Default: of the deals closed in the period, the share that was won, by count. By value: the same by amount. Won over all: of the deals created in the period, the share that is won now (open deals count against it). Won ÷ lead pool is the article’s definition — “how many conversions you achieve compared to the size of your lead pool”: of the leads created in the period, the share with a deal won by the reference date (deals and leads linked through the deal’s lead id or the lead’s converted deal). Won deals without a lead are left out and counted in the note; it needs a leads file linked to the deals.',
  },
  {
    id: 'avg_deal_size',
    label: 'Average deal size',
    kind: 'money',
    definitions: { default: 'won amount ÷ won deals with an amount', median: 'median amount of won deals' },
    how: 'Mean (or median) amount of the won deals closed in the period; deals without an amount are left out instead of counting as 0.',
  },
  {
    id: 'avg_sales_cycle_days',
    label: 'Sales cycle',
    kind: 'days',
    definitions: {
      default: 'mean of close − created date, won deals closed in the period',
      median: 'median of close − created date, won deals',
      all_closed: 'mean of close − created date, won and lost deals',
      lead_to_customer: 'lead to customer: mean days from the lead’s creation to its won deal’s close',
    },
    how: 'Days from created date to close date, over the deals closed in the period that have both dates. Lead to customer is the article’s definition — “how long it typically takes to convert a lead into a customer”: for won deals closed in the period that came from a lead, the days from the lead’s creation (the earliest, when several leads name the deal) to the close; the median is in the note. Deals without a lead, or whose lead was created after the close, are left out and counted in the note.',
  },
  {
    id: 'open_pipeline',
    label: 'Open pipeline',
    kind: 'money',
    definitions: {
      default: 'Σ amount of deals open at the reference date expected to close in the period',
      weighted: 'Σ amount × probability of those deals',
    },
    how: 'Deals open at the reference date (created by then and not yet closed) whose expected close date falls in the period; for all time, every such deal. Weighted multiplies each amount by its probability.',
  },
  {
    id: 'lead_to_opportunity_ratio',
    label: 'Lead → opportunity',
    kind: 'percent',
    definitions: {
      default: 'leads created in the period that converted ÷ leads created',
      opps_over_leads: 'opportunities created ÷ leads created in the period',
    },
    how: 'Needs a leads file. A lead counts as converted when it is marked converted or names the opportunity it became. Leads carry owner and source only: a product, deal type or industry filter makes it not available.',
  },
  {
    id: 'cac',
    label: 'CAC',
    kind: 'money',
    definitions: {
      default: 'spend in the period ÷ new customers (first won deal in the period)',
      per_won_deal: 'spend in the period ÷ won deals in the period',
    },
    how: 'Needs a spend file. Spend rows are prorated by the days they share with the period. A new customer is an account whose first won deal ever closed in the period. Spend is not split by owner or product: any filter makes CAC not available.',
  },
  {
    id: 'clv',
    label: 'CLV',
    kind: 'money',
    definitions: {
      default: 'Σ won amount ÷ accounts with a won deal (all time) × gross margin',
      churn_based: 'yearly revenue per account × gross margin ÷ yearly churn',
    },
    how: 'Historical: all-time won amount per customer account, times the gross margin setting. Churn-based: won amount of the 12 months up to the reference date per account that won in them, times margin, divided by the yearly churn setting.',
  },
  {
    id: 'ltv_to_cac',
    label: 'LTV : CAC',
    kind: 'ratio',
    definitions: { default: 'CLV ÷ CAC (the variants chosen for each)' },
    how: 'The customer lifetime value divided by the cost to acquire a customer, each in the variant chosen on its own tile.',
  },
  {
    id: 'pipeline_coverage',
    label: 'Pipeline coverage',
    kind: 'ratio',
    definitions: {
      default: 'open pipeline ÷ (quota − won amount) of the period',
      over_quota: 'open pipeline ÷ quota of the period',
    },
    how: 'Needs quotas. Quotas are prorated by the days they share with the period. Not available when the quota is already met.',
  },
  {
    id: 'quota_attainment',
    label: 'Quota attainment',
    kind: 'percent',
    definitions: { default: 'won amount ÷ quota of the period' },
    how: 'Needs quotas; per rep on the leaderboard and in total here. Quotas are prorated by days; filters on owner, team, manager and region apply, others make it not available.',
  },
  {
    id: 'sales_velocity',
    label: 'Sales velocity',
    kind: 'money_per_day',
    definitions: { default: 'open deals × average deal size × win rate ÷ sales cycle' },
    how: 'Revenue the open pipeline is expected to bring per day, from the open deals of the period and the deal size, win rate and cycle in the variants chosen on their tiles.',
  },
];

// Aggregates → the KPI values of docs/spec.md §3, in the chosen variants. Pure: the engine's rows
// in, values out. A KPI that cannot be computed carries the reason, never 0, NaN or ∞.
import type { KpiId, KpiValue } from '../../../engine-api/types';
import { variantOf } from '../../../shared/kpiVariants';
import type { RangeAgg, TotalsAgg } from '../../../queries/tiles';
import type { ArticleAgg } from '../../../queries/article';

/** The article's lead-pool inputs, when one of its variants is on screen (a string: why not). */
export interface ArticleInput {
  readonly agg: ArticleAgg;
  /** Why the lead pool cannot answer (no leads, no link, a filter leads do not carry), or null. */
  readonly poolBlocked: string | null;
  /** Why no deal can be traced to its lead (no leads or no link), or null. */
  readonly linkBlocked: string | null;
}

/** Inputs from the small tables for one period; a string is why the input is missing. */
export interface RangeExtras {
  readonly spend: number | string;
  readonly newCustomers: number;
  readonly quota: number | string;
  readonly leads: { readonly created: number; readonly converted: number } | string;
  /** Present only when an article variant (docs/kpis.md) is chosen. */
  readonly article?: ArticleInput;
}

export interface KpiSettings {
  readonly variants: Record<string, string | undefined>;
  readonly grossMargin: number;
  readonly churn: number;
  /** Why money cannot be summed (mixed currencies), or null. */
  readonly moneyBlocked: string | null;
  /** Why an input this KPI variant reads is absent from the data (src/queries/availability.ts), or null. */
  readonly missing?: (id: KpiId, variant: string) => string | null;
  /** The period is all time: past-due and undated open deals are part of its pipeline. */
  readonly allTime?: boolean;
}

/** KPIs the period does not change (CLV: all time, or the 12 months up to the reference date): no period comparison. */
export const ALL_TIME_KPIS: readonly KpiId[] = ['clv'];

type Out = Omit<KpiValue, 'id' | 'variant'>;
const na = (reason: string): Out => ({ value: null, reason });
const ok = (value: number, note?: string): Out => (note ? { value, note } : { value });
const n = (v: number | null): number => v ?? 0;

export function computeKpis(a: RangeAgg, t: TotalsAgg, x: RangeExtras, s: KpiSettings): KpiValue[] {
  const v = (id: KpiId) => variantOf(s.variants, id);
  // A column the data lacks outranks every other reason: its zero would look real.
  const gate = (id: KpiId, out: () => Out): Out => {
    const why = s.missing?.(id, v(id)) ?? null;
    return why ? na(why) : out();
  };
  const money = (id: KpiId, out: () => Out): Out => gate(id, () => (s.moneyBlocked ? na(s.moneyBlocked) : out()));
  const dealSize = money('avg_deal_size', () => avgDealSize(a, v('avg_deal_size')));
  const winRate = gate('win_rate', () => winRateOf(a, v('win_rate'), s.moneyBlocked, x.article));
  const cycle = gate('avg_sales_cycle_days', () => cycleOf(a, v('avg_sales_cycle_days'), x.article));
  const cac = money('cac', () => cacOf(x, v('cac'), a));
  const clv = money('clv', () => clvOf(t, v('clv'), s));
  const values: Record<KpiId, Out> = {
    won_amount: money('won_amount', () => wonAmount(a)),
    won_count: gate('won_count', () => ok(n(a.won_n))),
    win_rate: winRate,
    avg_deal_size: dealSize,
    avg_sales_cycle_days: cycle,
    open_pipeline: money('open_pipeline', () => openPipeline(a, v('open_pipeline'), s.allTime === true)),
    lead_to_opportunity_ratio: gate('lead_to_opportunity_ratio', () => leadRatio(a, x, v('lead_to_opportunity_ratio'))),
    cac,
    clv,
    ltv_to_cac: ratioOf(clv, cac, 'CLV', 'CAC'),
    pipeline_coverage: withPipelineNote(
      money('pipeline_coverage', () => coverage(a, x, v('pipeline_coverage'))),
      a,
      s.allTime === true,
    ),
    quota_attainment: money('quota_attainment', () => attainment(a, x)),
    sales_velocity: withPipelineNote(
      money('sales_velocity', () => velocity(a, dealSize, winRate, cycle, inputsNote(v))),
      a,
      s.allTime === true,
    ),
  };
  return (Object.keys(values) as KpiId[]).map((id) => ({ id, variant: v(id), ...values[id] }));
}

function wonAmount(a: RangeAgg): Out {
  const missing = n(a.won_n) - n(a.won_amt_n);
  // Won deals none of which has an amount sum to nothing known, not to 0.
  if (missing > 0 && n(a.won_amt_n) === 0) return na(`None of the ${missing} won deals of this period has an amount.`);
  return ok(n(a.won_amt), missing > 0 ? `${missing} won deals have no amount` : undefined);
}

function winRateOf(a: RangeAgg, variant: string, moneyBlocked: string | null, article?: ArticleInput): Out {
  if (variant === 'won_over_leads') return wonOverLeads(article);
  if (variant === 'won_over_all') {
    const created = n(a.created_n);
    return created > 0 ? ok(n(a.created_won_n) / created) : na('No deal was created in this period.');
  }
  if (variant === 'by_value') {
    if (moneyBlocked) return na(moneyBlocked);
    const closed = n(a.won_amt) + n(a.lost_amt);
    return closed > 0 ? ok(n(a.won_amt) / closed) : na('No won or lost deal with an amount in this period.');
  }
  const closed = n(a.won_n) + n(a.lost_n);
  return closed > 0 ? ok(n(a.won_n) / closed) : na('No deals were won or lost in this period.');
}

const NO_ARTICLE = 'The lead-pool inputs were not computed for this request.';

/** Customers won from the lead pool: leads created in the period with a won deal ÷ leads created. */
function wonOverLeads(article?: ArticleInput): Out {
  if (!article) return na(NO_ARTICLE);
  if (article.poolBlocked) return na(article.poolBlocked);
  const { leads, leadCustomers, withoutLead } = article.agg;
  if (leads === 0) return na('No lead was created in this period.');
  return ok(leadCustomers / leads, withoutLead > 0 ? `${withoutLead} won deals without a lead left out` : undefined);
}

/** Days from a lead's creation to its won deal's close, over won deals closed in the period. */
function leadToCustomer(article?: ArticleInput): Out {
  if (!article) return na(NO_ARTICLE);
  if (article.linkBlocked) return na(article.linkBlocked);
  const { cycleMean, cycleMedian, fromLead, withoutLead, leadAfterClose } = article.agg;
  if (cycleMean === null || fromLead === 0) return na('No won deal closed in this period came from a lead with a created date.');
  const notes = [
    `median ${Math.round((cycleMedian ?? cycleMean) * 10) / 10} days over ${fromLead} won deals from leads`,
    withoutLead > 0 ? `${withoutLead} won deals without a lead left out` : '',
    leadAfterClose > 0 ? `${leadAfterClose} won deals whose lead was created after the close left out` : '',
  ];
  return ok(cycleMean, notes.filter(Boolean).join('; '));
}

function avgDealSize(a: RangeAgg, variant: string): Out {
  if (n(a.won_amt_n) === 0) return na('No won deal with an amount in this period.');
  if (variant === 'median') return a.won_med === null ? na('No won deal with an amount in this period.') : ok(a.won_med);
  return ok(n(a.won_amt) / n(a.won_amt_n));
}

function cycleOf(a: RangeAgg, variant: string, article?: ArticleInput): Out {
  if (variant === 'lead_to_customer') return leadToCustomer(article);
  const value = variant === 'median' ? a.won_cyc_med : variant === 'all_closed' ? a.closed_cyc : a.won_cyc;
  const which = variant === 'all_closed' ? 'won or lost' : 'won';
  return value === null ? na(`No ${which} deal with both a created and a close date in this period.`) : ok(value);
}

const int = (v: number): string => v.toLocaleString('en-US');

/**
 * What the pipeline of a period leaves out, or (for all time) what it takes in: open deals past
 * their close date and open deals without one (docs/kpis.md, "Past due and undated").
 */
export function outsideNote(a: RangeAgg, allTime: boolean): string {
  const parts = [
    n(a.undated_n) > 0 ? `${int(n(a.undated_n))} without a close date` : '',
    n(a.due_n) > 0 ? `${int(n(a.due_n))} past due` : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return allTime
    ? `includes open deals ${parts.join(' and ')}`
    : `not in this period: open deals ${parts.join(', ')} (see pipeline by expected close month)`;
}

/** Coverage and velocity say which open deals they count. */
function withPipelineNote(out: Out, a: RangeAgg, allTime: boolean): Out {
  if (out.value === null || out.value === undefined) return out;
  const scope = allTime ? 'every open deal' : `${int(n(a.open_n))} open deals expected to close in this period`;
  const outside = outsideNote(a, allTime);
  const note = `Pipeline: ${scope}${outside ? `; ${outside}` : ''}`;
  return { ...out, note: out.note ? `${out.note}; ${note}` : note };
}

function openPipeline(a: RangeAgg, variant: string, allTime: boolean): Out {
  const count = n(a.open_n);
  const outside = outsideNote(a, allTime);
  if (count === 0) return { value: 0, note: ['No open deals close in this period', outside].filter(Boolean).join('; ') };
  if (n(a.open_amt_n) === 0) return na(`${count} open deals have no amount; load a price list to value them.`);
  const notes = [
    n(a.open_imputed) > 0 ? `${n(a.open_imputed)} open deals valued at product list price` : '',
    count - n(a.open_amt_n) > 0 ? `${count - n(a.open_amt_n)} open deals have no amount` : '',
  ];
  if (variant === 'weighted') {
    if (n(a.open_wtd_n) === 0) return na('No open deal has a probability; weighting needs one.');
    const unweighted = n(a.open_amt_n) - n(a.open_wtd_n);
    notes.push(unweighted > 0 ? `${unweighted} open deals have no probability and add nothing` : '');
    notes.push(outside);
    return ok(n(a.open_wtd), notes.filter(Boolean).join('; ') || undefined);
  }
  notes.push(outside);
  return ok(n(a.open_amt), notes.filter(Boolean).join('; ') || undefined);
}

function leadRatio(a: RangeAgg, x: RangeExtras, variant: string): Out {
  if (typeof x.leads === 'string') return na(x.leads);
  if (x.leads.created === 0) return na('No lead was created in this period.');
  const top = variant === 'opps_over_leads' ? n(a.created_n) : x.leads.converted;
  return ok(top / x.leads.created);
}

function cacOf(x: RangeExtras, variant: string, a: RangeAgg): Out {
  if (typeof x.spend === 'string') return na(x.spend);
  const customers = variant === 'per_won_deal' ? n(a.won_n) : x.newCustomers;
  const what = variant === 'per_won_deal' ? 'deal was won' : 'new customer won its first deal';
  return customers > 0 ? ok(x.spend / customers) : na(`No ${what} in this period.`);
}

function clvOf(t: TotalsAgg, variant: string, s: KpiSettings): Out {
  if (variant === 'churn_based') {
    if (!(s.churn > 0)) return na('Set a yearly churn rate above 0 % to use the churn-based CLV.');
    if (t.y_won_accounts === 0) return na('No account won a deal in the 12 months up to the reference date.');
    return ok(((n(t.y_won_amt) / t.y_won_accounts) * s.grossMargin) / s.churn);
  }
  if (t.all_won_accounts === 0) return na('No account has a won deal.');
  return ok((n(t.all_won_amt) / t.all_won_accounts) * s.grossMargin);
}

function ratioOf(top: Out, bottom: Out, topName: string, bottomName: string): Out {
  if (top.value === null || top.value === undefined) return na(`${topName} is not available: ${top.reason ?? ''}`);
  if (bottom.value === null || bottom.value === undefined) return na(`${bottomName} is not available: ${bottom.reason ?? ''}`);
  return bottom.value > 0 ? ok(top.value / bottom.value) : na(`${bottomName} is 0.`);
}

function coverage(a: RangeAgg, x: RangeExtras, variant: string): Out {
  if (typeof x.quota === 'string') return na(x.quota);
  if (n(a.open_n) > 0 && n(a.open_amt_n) === 0) return na('Open deals have no amount.');
  const gap = variant === 'over_quota' ? x.quota : x.quota - n(a.won_amt);
  if (gap <= 0)
    return na(variant === 'over_quota' ? 'The quota of this period is 0.' : 'The quota is already met: nothing left to cover.');
  return ok(n(a.open_amt) / gap);
}

function attainment(a: RangeAgg, x: RangeExtras): Out {
  if (typeof x.quota === 'string') return na(x.quota);
  return x.quota > 0 ? ok(n(a.won_amt) / x.quota) : na('The quota of this period is 0.');
}

/** Velocity takes its inputs in the definitions chosen on their tiles: it says which differ from the default. */
function inputsNote(v: (id: KpiId) => string): string | undefined {
  const words: Partial<Record<KpiId, Record<string, string>>> = {
    avg_deal_size: { median: 'median deal size' },
    win_rate: { by_value: 'win rate by value', won_over_all: 'win rate as won ÷ all deals created' },
    avg_sales_cycle_days: { median: 'median sales cycle', all_closed: 'sales cycle over won and lost deals' },
  };
  const used = (Object.keys(words) as KpiId[]).flatMap((id) => {
    const variant = v(id);
    return variant === 'default' ? [] : [words[id]?.[variant] ?? `${id} ${variant}`];
  });
  return used.length > 0 ? `Uses the ${used.join(', ')} (as chosen on those tiles)` : undefined;
}

function velocity(a: RangeAgg, size: Out, rate: Out, cycle: Out, note?: string): Out {
  const parts = { 'average deal size': size, 'win rate': rate, 'sales cycle': cycle };
  for (const [name, part] of Object.entries(parts)) {
    if (part.value === null || part.value === undefined) return na(`The ${name} is not available: ${part.reason ?? ''}`);
  }
  const days = cycle.value ?? 0;
  if (days <= 0) return na('The sales cycle is 0 days.');
  return ok((n(a.open_n) * (size.value ?? 0) * (rate.value ?? 0)) / days, note);
}

// Which inputs the loaded data actually carries (docs/kpis.md, "Not available"). A column
// that no file maps, or that is blank in every loaded row, would otherwise aggregate to a
// zero that looks real: lead → opportunity 0.0 % when the conversion flag was not
// understood, won amount $0 when no amount column was mapped. Counted once per import.
import type { KpiId } from '../engine-api/types';
import type { SqlQuery } from '../platform/sql/sql';

/** Non-blank values per input, over the whole loaded tables (not the period). */
export interface Presence {
  readonly amount: number;
  readonly close_date: number;
  readonly created_date: number;
  readonly probability: number;
  readonly account: number;
  readonly lead_created: number;
  /** Leads with a conversion flag, a converted deal id, or named by a deal's lead id. */
  readonly lead_conversion: number;
}

export type Input = keyof Presence;

export function presenceQuery(): SqlQuery {
  const sql = `SELECT * FROM
    (SELECT count(amount)::INTEGER AS amount, count(close_date)::INTEGER AS close_date,
       count(created_date)::INTEGER AS created_date, count(probability)::INTEGER AS probability,
       count(coalesce(account_id, account_name))::INTEGER AS account
     FROM opportunities),
    (SELECT count(created_date)::INTEGER AS lead_created,
       (count(is_converted) + count(converted_opportunity_id)
        + (SELECT count(lead_id) FROM opportunities))::INTEGER AS lead_conversion
     FROM leads)`;
  return { sql, params: [] };
}

/** What each input is, in the words of the tile's reason. */
const WHAT: Record<Input, string> = {
  amount: 'an amount',
  close_date: 'a close date',
  created_date: 'a created date',
  probability: 'a probability',
  account: 'an account (id or name)',
  lead_created: 'a created date',
  lead_conversion: 'a conversion flag, a converted deal id, or a deal that names it',
};

const OF_LEADS: readonly Input[] = ['lead_created', 'lead_conversion'];

/** The inputs a KPI variant reads; `dated` inputs only matter when a period is chosen. */
export function inputsOf(id: KpiId, variant: string): { always: Input[]; dated: Input[] } {
  switch (id) {
    case 'won_amount':
    case 'avg_deal_size':
    case 'pipeline_coverage':
    case 'quota_attainment':
      return { always: ['amount'], dated: ['close_date'] };
    case 'won_count':
      return { always: [], dated: ['close_date'] };
    case 'win_rate':
      if (variant === 'won_over_all') return { always: [], dated: ['created_date'] };
      if (variant === 'won_over_leads') return { always: ['lead_conversion', 'close_date'], dated: ['lead_created'] };
      return { always: variant === 'by_value' ? ['amount'] : [], dated: ['close_date'] };
    case 'avg_sales_cycle_days':
      if (variant === 'lead_to_customer') return { always: ['lead_created', 'close_date'], dated: [] };
      return { always: ['created_date', 'close_date'], dated: [] };
    case 'open_pipeline':
      return { always: variant === 'weighted' ? ['amount', 'probability'] : ['amount'], dated: ['close_date'] };
    case 'lead_to_opportunity_ratio':
      return variant === 'opps_over_leads'
        ? { always: [], dated: ['lead_created', 'created_date'] }
        : { always: ['lead_conversion'], dated: ['lead_created'] };
    case 'cac':
      // A new customer is dated by its first won close date, whatever the period.
      return variant === 'per_won_deal'
        ? { always: [], dated: ['close_date'] }
        : { always: ['account', 'close_date'], dated: [] };
    case 'clv':
      return variant === 'churn_based'
        ? { always: ['amount', 'account', 'close_date'], dated: [] }
        : { always: ['amount', 'account'], dated: [] };
    case 'ltv_to_cac':
    case 'sales_velocity':
      // Derived from other KPIs: they inherit their parts' reasons.
      return { always: [], dated: [] };
  }
}

/** Why a missing input makes the KPI unavailable, or null when every input it reads is there. */
export function missingInput(p: Presence, id: KpiId, variant: string, dated: boolean, hasLeads: boolean): string | null {
  const needs = inputsOf(id, variant);
  const inputs = dated ? [...needs.always, ...needs.dated] : needs.always;
  // Without a leads file the lead ratio already says so; it is not a column problem.
  const missing = inputs.filter((i) => p[i] === 0 && (hasLeads || !OF_LEADS.includes(i)));
  const first = missing[0];
  if (first === undefined) return null;
  return missingReason(first, dated && needs.dated.includes(first));
}

export function missingReason(input: Input, forPeriod: boolean): string {
  const who = OF_LEADS.includes(input) ? 'No lead' : 'No deal';
  const where = OF_LEADS.includes(input) ? 'the leads file' : 'the deals file';
  const period = forPeriod ? ' (needed to place them in a period; "All time" does without)' : '';
  return `${who} has ${WHAT[input]}${period}: no column of ${where} is mapped to it, or it is blank in every row. Map it on the mapping screen.`;
}

// The words of the data-quality panel: each check's title and what its findings do to
// the KPIs, from the totals the check's query returned. Pure, so tests pin the wording.
import { formatMoney } from '../../shared/format/money';
import { formatCount } from '../../shared/format/numbers';
import type { QualityCheckId, QualityRow } from './quality';

/**
 * How the effects write amounts and counts: in the data's currency (else the user's choice;
 * `null` when neither names one, and amounts are then plain numbers — never an invented `$`),
 * in the display locale.
 */
export interface EffectStyle {
  readonly currency: string | null;
  readonly locale: string;
}

export const QUALITY_TITLES: Readonly<Record<QualityCheckId, string>> = {
  closed_before_created: 'Deals closed before they were created',
  open_past_close: 'Open deals whose close date has passed',
  won_without_amount: 'Won deals with a zero or missing amount',
  duplicate_opportunity_ids: 'Duplicate opportunity ids',
  duplicate_lead_ids: 'Duplicate lead ids',
  owners_missing_from_reps: 'Deal owners missing from the reps file',
  account_spellings: 'Account names spelled more than one way',
  deals_without_account: 'Deals without an account',
};

export interface QualityTotals {
  readonly n: number;
  readonly deals: number;
  readonly amount: number | null;
  readonly extra: number;
}

export function totalsOf(rows: readonly QualityRow[]): QualityTotals {
  const first = rows[0];
  return first
    ? { n: first.n, deals: first.deals, amount: first.amount, extra: first.extra }
    : { n: 0, deals: 0, amount: null, extra: 0 };
}

/** What a check's findings do to the KPIs, worded with `style` (docs/currency.md). */
export function describeEffect(id: QualityCheckId, t: QualityTotals, referenceDate: string | null, style: EffectStyle): string {
  if (t.n === 0) return 'None found.';
  const { currency, locale } = style;
  const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n, locale)} ${n === 1 ? one : many}`;
  // The query's SUM over no won deal is NULL: nothing won, 0.
  const money = (v: number | null) =>
    currency
      ? formatMoney(Math.round(v ?? 0), { currency, locale }, 0)
      : `${formatCount(Math.round(v ?? 0), locale)} (currency not named)`;
  switch (id) {
    case 'closed_before_created':
      return `Won amount includes ${money(t.amount)} from ${plural(t.deals, 'won deal')} closed before created; their negative cycles shorten the average sales cycle.`;
    case 'open_past_close':
      return `${plural(t.n, 'open deal')} (${money(t.amount)}) past due, expected to close before ${referenceDate ?? 'the reference date'}: no period's pipeline counts them (all time does; the tiles name them); update or close them.`;
    case 'won_without_amount': {
      const blank = t.n - t.extra;
      const parts = [
        t.extra > 0 ? `${plural(t.extra, 'deal')} at 0 lower the average deal size` : '',
        blank > 0 ? `${plural(blank, 'deal')} without an amount are left out of it` : '',
      ].filter(Boolean);
      return `Won count includes ${plural(t.n, 'deal')} that add nothing to won amount; ${parts.join(' and ')}.`;
    }
    case 'duplicate_opportunity_ids':
      return `${plural(t.n, 'id')} on more than one row (${plural(t.deals, 'extra row')}): won amount counts ${money(t.amount)} more than once and deal counts are inflated.`;
    case 'duplicate_lead_ids':
      return `${plural(t.n, 'lead id')} on more than one row (${plural(t.deals, 'extra row')}): lead counts and the lead-to-opportunity ratio are off.`;
    case 'owners_missing_from_reps':
      return `${plural(t.n, 'owner')} (${plural(t.deals, 'deal')}, ${money(t.amount)} won) not in the reps file: counted in totals but in no team, region or quota attainment.`;
    case 'account_spellings':
      return `${plural(t.n, 'account')} written several ways (${plural(t.deals, 'deal')}, ${money(t.amount)} won): per-account figures (CLV, new customers for CAC) count each spelling as a separate account.`;
    case 'deals_without_account':
      return `${plural(t.n, 'deal')} (${plural(t.deals, 'won deal')}, ${money(t.amount)} won) name no account: their won amount counts in CLV's total while no account does, they are never a new customer for CAC, and an industry filter leaves them out.`;
  }
}

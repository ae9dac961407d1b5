// The lead screen's tables as export tables (docs/exports.md): raw numbers (rates as fractions,
// money in the data's currency named in the header), ISO dates, blanks empty, never 0.
import type { LeadAttribute, LeadCohort, LeadGroup, CalibrationBin, RankedLead } from './contract';
import { extraName, hasCost } from '../../shared/leadAttributes';
import type { ExportData } from '../../export/tables';

// The screen's ratio (format.ts), without the display state a plain module cannot load.
const ratio = (top: number, bottom: number): number | null => (bottom > 0 ? top / bottom : null);
const unit = (name: string, currency: string | null) => (currency ? `${name} (${currency})` : name);

/**
 * Won amount is left empty (not available) when a customer's won deal has no amount or the amounts
 * mix currencies (docs/leads.md): a sum without them would be a wrong number, so the count of deals
 * without an amount travels beside it.
 */
export function groupsTable(by: LeadAttribute, groups: readonly LeadGroup[], currency: string | null, mixed = false): ExportData {
  const cost = hasCost(by);
  return {
    header: [
      // The canonical column's name, or the lead file's own header.
      extraName(by) ?? by,
      'leads',
      'to_opportunity',
      'to_customer',
      unit('won_amount', currency),
      'won_deals_without_amount',
      'days_to_customer',
      'median_days_to_customer',
      ...(cost ? [unit('spend', currency)] : []),
    ],
    rows: groups.map((g) => [
      // The "Other" row names how many values it adds up, so it cannot be read as one value.
      g.otherValues !== undefined ? `(${g.otherValues} other values)` : g.value,
      g.leads,
      ratio(g.toOpportunity, g.leads),
      ratio(g.toCustomer, g.leads),
      g.wonUnpriced > 0 || mixed ? null : g.wonAmount,
      g.wonUnpriced,
      g.daysToCustomer,
      g.medianDaysToCustomer,
      ...(cost ? [g.spend] : []),
    ]),
  };
}

export function cohortsTable(cohorts: readonly LeadCohort[]): ExportData {
  return {
    header: ['month', 'leads', 'to_opportunity', 'to_customer', 'age_days', 'maturing'],
    rows: cohorts.map((c) => [
      c.month,
      c.leads,
      ratio(c.toOpportunity, c.leads),
      ratio(c.toCustomer, c.leads),
      c.ageDays,
      c.maturing,
    ]),
  };
}

export function calibrationTable(bins: readonly CalibrationBin[]): ExportData {
  return { header: ['leads', 'predicted', 'observed'], rows: bins.map((b) => [b.n, b.predicted, b.observed]) };
}

/** Every ranked open lead (the screen shows the first few), with where each came from. */
export function rankedTable(rows: readonly RankedLead[]): ExportData {
  return {
    header: ['rank', 'lead_id', 'score', 'created', 'source', 'owner', 'company', 'source_file', 'source_line'],
    rows: rows.map((r, i) => [i + 1, r.leadId, r.score, r.created, r.source, r.owner, r.company, r.sourceFile, r.sourceLine]),
  };
}

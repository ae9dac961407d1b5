// The lead-quality screen's part of the engine door (docs/leads.md): which leads become
// customers, what they cost, and which open leads to work first.
import type { Filters } from '../../shared/filters';

import { LEAD_ATTRIBUTES, type LeadAttribute, type LeadColumnAttribute } from '../../shared/leadAttributes';

export { LEAD_ATTRIBUTES };
export type { LeadAttribute, LeadColumnAttribute };

/** An attribute the loaded leads carry, offered as a grouping. */
export interface LeadAttributeInfo {
  readonly id: LeadAttribute;
  readonly label: string;
  /** Distinct non-blank values among the loaded leads. */
  readonly values: number;
}

export interface LeadQualityRequest {
  readonly period: string;
  readonly fiscalStartMonth: number;
  /** ISO date; the data's latest date when absent. */
  readonly referenceDate?: string | null;
  readonly by: LeadAttribute;
  readonly filters?: Filters;
}

export interface LeadGroup {
  /** The attribute's value; null = blank (or, for the "Other" row, every value beyond the largest groups). */
  readonly value: string | null;
  /** The row that folds every value beyond the largest groups (GROUPS_SHOWN): how many values it holds. */
  readonly otherValues?: number;
  readonly leads: number;
  /** Leads that became an opportunity (a linked deal, or marked converted). */
  readonly toOpportunity: number;
  /** Leads with a deal won by the reference date. */
  readonly toCustomer: number;
  /** Σ amount of those won deals (of the ones with an amount). */
  readonly wonAmount: number;
  /** Those won deals without an amount: while any, the revenue is incomplete and is shown as not available. */
  readonly wonUnpriced: number;
  /** Mean days from the lead's creation to its first won close; null without customers. */
  readonly daysToCustomer: number | null;
  /** Median of the same days; null without customers. */
  readonly medianDaysToCustomer: number | null;
  /** Spend of the period on the channel named like this source or campaign (only by those); null without one. */
  readonly spend: number | null;
}

export interface LeadCohort {
  /** `YYYY-MM` of the leads' creation. */
  readonly month: string;
  readonly leads: number;
  readonly toOpportunity: number;
  readonly toCustomer: number;
  /** Days from the month's end to the reference date. */
  readonly ageDays: number;
  /** Younger than the conversion window: its rates are not final yet. */
  readonly maturing: boolean;
}

export interface CalibrationBin {
  readonly n: number;
  readonly predicted: number;
  readonly observed: number;
}

export interface LeadScoreEvaluation {
  /** Leads created before this date trained the evaluated score; later ones scored it. */
  readonly splitDate: string;
  /** A lead counts as won when it became a customer within this many days of its creation. */
  readonly windowDays: number;
  readonly trained: number;
  readonly evaluated: number;
  readonly baseRate: number;
  readonly auc: number;
  /** Lower end of the AUC's 95 % interval (Hanley & McNeil); the score is used only above 0.5. */
  readonly aucLow: number;
  readonly calibration: readonly CalibrationBin[];
}

export interface RankedLead {
  readonly leadId: string;
  readonly created: string | null;
  readonly source: string | null;
  readonly owner: string | null;
  readonly company: string | null;
  readonly score: number;
  readonly sourceFile: string;
  readonly sourceLine: number;
}

export interface LeadQualityResult {
  readonly period: string;
  readonly referenceDate: string;
  /** Why the screen cannot be computed at all (no leads); then everything else is empty. */
  readonly unavailable: string | null;
  /** Why outcomes cannot be traced (no deal linked to a lead); opportunity rates still work. */
  readonly outcomesMissing: string | null;
  /** Why won revenue is not summed (the leads' won deals are in several currencies); null when it is. */
  readonly revenueMixed: string | null;
  /** The attribute grouped by (the request's, or source when the data does not carry it). */
  readonly by: LeadAttribute;
  /** The attributes the loaded leads carry: the "group by" choices. */
  readonly attributes: readonly LeadAttributeInfo[];
  /** Why the requested grouping was replaced by source (the data does not carry it); null when it was not. */
  readonly byNotice: string | null;
  /** The largest groups (at most GROUPS_SHOWN), then one "Other" row folding the rest, if any. */
  readonly groups: readonly LeadGroup[];
  /** Every lead of the period together (the "All" row), with the overall mean and median days lead → customer. */
  readonly all: LeadGroup;
  readonly cohorts: readonly LeadCohort[];
  /** The conversion window: 80 % of lead → customer conversions happened within it. */
  readonly windowDays: number | null;
  readonly evaluation: LeadScoreEvaluation | null;
  /** Why no score is offered (too little history, not better than the base rate). */
  readonly scoreReason: string | null;
  /** Open leads ranked by score, best first (at most 500), or empty when no score is offered. */
  readonly ranked: readonly RankedLead[];
  readonly openLeads: number;
}

export interface LeadsApi {
  leadQuality(request: LeadQualityRequest): Promise<LeadQualityResult>;
  /** One page of the leads behind a lead-quality row or cohort, with the totals of all of them. */
  leadList(request: LeadListRequest): Promise<LeadListResult>;
}

/** What a lead list opens on: the leads of a lead-quality row (by its attribute) or of a cohort (`month`, `YYYY-MM`). */
export const LEAD_LIST_ATTRIBUTES = [...LEAD_ATTRIBUTES, 'month'] as const;
export type LeadListAttribute = LeadAttribute | 'month';

/** The groups a lead-quality table shows; the values beyond fold into one "Other" row. */
export const GROUPS_SHOWN = 50;

export interface LeadListTarget {
  readonly attribute: LeadListAttribute;
  /** The row's value; null = the blank group. */
  readonly key: string | null;
  /** The "Other" row: every value beyond the GROUPS_SHOWN largest groups (`key` is then null). */
  readonly other?: boolean;
}

/** The lead table's columns (docs/leads.md, "The leads of a row"): the lead, its outcome, its deal, its file and line. */
export const LEAD_LIST_COLUMNS = [
  'lead',
  'company',
  'source',
  'owner',
  'country',
  'state',
  /** The grouping's value when it is not one of the columns above (campaign, landing page, origin, a file's column). */
  'attribute',
  'created',
  'status',
  'converted',
  'customer',
  'deal',
  'deal_name',
  'deal_stage',
  'deal_amount',
  'won_amount',
  'deals',
  'file',
  'line',
] as const;
export type LeadListColumn = (typeof LEAD_LIST_COLUMNS)[number];

export interface LeadListSort {
  readonly column: LeadListColumn;
  readonly desc: boolean;
}

export interface LeadListRequest {
  readonly period: string;
  readonly fiscalStartMonth: number;
  /** ISO date; the data's latest date when absent. */
  readonly referenceDate?: string | null;
  readonly filters?: Filters;
  readonly target: LeadListTarget;
  readonly sort?: LeadListSort;
  /** Text filter over lead id, company, source, owner, country, state, status, deal and file (case-insensitive). */
  readonly search?: string;
  readonly offset?: number;
  /** Rows per page (at most 100,000: an export asks for everything in pages of that size). */
  readonly limit?: number;
}

export interface LeadListRow {
  readonly lead: string;
  readonly company: string | null;
  readonly source: string | null;
  readonly owner: string | null;
  readonly country: string | null;
  readonly state: string | null;
  /** The lead's value of the row's attribute (campaign, landing page, origin or a file's column); null otherwise. */
  readonly attribute: string | null;
  readonly created: string | null;
  readonly status: string | null;
  /** Became an opportunity: a linked deal, or marked converted (the row's "% to opportunity" numerator). */
  readonly converted: boolean;
  /** A linked deal won by the reference date and not before the lead was created. */
  readonly customer: boolean;
  /** The deal it became: its first won deal, else its earliest linked deal; null without one. */
  readonly deal: string | null;
  readonly deal_name: string | null;
  readonly deal_stage: string | null;
  readonly deal_amount: number | null;
  readonly deal_currency: string | null;
  /** Σ amount of the lead's won deals (the row's won revenue, lead by lead); null when one of them has no amount. */
  readonly won_amount: number | null;
  /** Distinct deals linked to the lead. */
  readonly deals: number;
  readonly file: string;
  readonly line: number;
}

/** Totals of every lead of the row (the text filter changes only `matched`). */
export interface LeadListTotals {
  /** Leads: the row's "leads" figure. */
  readonly count: number;
  /** Converted leads: the row's "% to opportunity" numerator. */
  readonly converted: number;
  /** Leads that became customers: the row's "% to customer" numerator. */
  readonly customers: number;
  /** Σ of the leads' won revenue: the row's won revenue; null while a won deal has no amount (`unpriced`). */
  readonly wonAmount: number | null;
  /** Won deals of these customers without an amount. */
  readonly unpriced: number;
  /** The period's spend of the channel named like the source (source rows only); null without one. */
  readonly spend: number | null;
  readonly matched: number;
}

export interface LeadListResult {
  /** What the rows are, in words ("Leads with source Web created in 2026"). */
  readonly title: string;
  readonly note: string;
  /** The header of the `attribute` column (the row's attribute), or null when the list does not show it. */
  readonly attributeLabel: string | null;
  readonly totals: LeadListTotals;
  readonly rows: readonly LeadListRow[];
  readonly offset: number;
  readonly referenceDate: string;
}

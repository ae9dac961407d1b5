// The lead-quality screen's part of the engine door (docs/leads.md): which leads become
// customers, what they cost, and which open leads to work first.
import type { Filters } from '../../shared/filters';

export const LEAD_ATTRIBUTES = ['source', 'owner', 'country', 'state'] as const;
export type LeadAttribute = (typeof LEAD_ATTRIBUTES)[number];

export interface LeadQualityRequest {
  readonly period: string;
  readonly fiscalStartMonth: number;
  /** ISO date; the data's latest date when absent. */
  readonly referenceDate?: string | null;
  readonly by: LeadAttribute;
  readonly filters?: Filters;
}

export interface LeadGroup {
  /** The attribute's value; null = blank. */
  readonly value: string | null;
  readonly leads: number;
  /** Leads that became an opportunity (a linked deal, or marked converted). */
  readonly toOpportunity: number;
  /** Leads with a deal won by the reference date. */
  readonly toCustomer: number;
  /** Σ amount of those won deals. */
  readonly wonAmount: number;
  /** Mean days from the lead's creation to its first won close; null without customers. */
  readonly daysToCustomer: number | null;
  /** Spend of the period on the channel named like this source (only by source); null without one. */
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
  readonly groups: readonly LeadGroup[];
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
}

// What the data-quality panel gets from the engine: each check with its count, a few
// examples that point at file and line, and what it does to the KPIs in words.
import type { QualityCheckId } from './quality';

export type { QualityCheckId } from './quality';

export interface QualityExample {
  /** The id, owner or account names the example is about. */
  readonly label: string;
  readonly detail: string;
  readonly file: string | null;
  readonly line: number | null;
}

export interface QualityIssue {
  readonly id: QualityCheckId;
  readonly title: string;
  /** How many deals, ids, owners or accounts are flagged; 0 when the check passed. */
  readonly count: number;
  /** The money involved (the won amount or pipeline the flagged rows carry), when it applies. */
  readonly amount: number | null;
  /** What the flaw does to the KPIs, e.g. "Won amount includes $700 from 1 deal closed before it was created." */
  readonly effect: string;
  readonly examples: readonly QualityExample[];
  /** Set when the check could not run (e.g. no reps file): then count is 0 and this says why. */
  readonly unavailable?: string;
}

export interface DataQualityRequest {
  /** ISO date; defaults to the data's reference date (the latest date in it). */
  readonly referenceDate?: string | null;
  /** Examples per check; default 5. */
  readonly examples?: number;
  /**
   * The currency the user chose in settings, used only when the data names none (docs/currency.md);
   * without either, amounts in the effects are plain numbers, never an invented `$`.
   */
  readonly currency?: string | null;
  /** The display locale the effects are worded in (BCP 47); default en-US. */
  readonly locale?: string;
}

export interface DataQualityResult {
  readonly referenceDate: string | null;
  readonly issues: readonly QualityIssue[];
  /** The currency of the amounts (the data's, else the user's setting); null when neither names one. */
  readonly currency: string | null;
}

/** The data-quality panel's verb. */
export interface DataQualityApi {
  /** Data-quality checks on the loaded tables, each with its count, examples and effect on the KPIs. */
  dataQuality(request?: DataQualityRequest): Promise<DataQualityResult>;
}

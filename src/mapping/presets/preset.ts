// A preset describes one known export layout: the headers that identify it and where
// each canonical column comes from. Sources are normalized header names (normalize.ts);
// a list means "the first of these the file has".
import type { StatusRule, TargetTable } from '../types';

export type PresetSource =
  | string
  | readonly string[]
  | { readonly source: string; readonly scale: number }
  /** Read `source`; where it is blank read `fallback` (e.g. actual close date, else expected). */
  | { readonly source: string | readonly string[]; readonly fallback: string | readonly string[] };

/** One signature entry: a normalized header, or alternatives of which one must be present. */
export type SignatureEntry = string | readonly string[];

export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly table: TargetTable;
  /** Normalized headers that must all be present for the preset to apply for certain. */
  readonly signature: readonly SignatureEntry[];
  readonly columns: Readonly<Record<string, PresetSource>>;
  /**
   * Columns that only make sense together (an amount and the currency it is in): the
   * first group whose headers are all present wins over the single-column sources.
   */
  readonly groups?: readonly Readonly<Record<string, string>>[];
  /** Column names in the rule are normalized headers too; the first rule the file can satisfy applies. */
  readonly status?: StatusRule | readonly StatusRule[];
}

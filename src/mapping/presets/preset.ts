// A preset describes one known export layout: the headers that identify it and where
// each canonical column comes from. Sources are normalized header names (normalize.ts);
// a list means "the first of these the file has".
import type { StatusRule, TargetTable } from '../types';

export type PresetSource = string | readonly string[] | { readonly source: string; readonly scale: number };

export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly table: TargetTable;
  /** Normalized headers that must all be present for the preset to apply. */
  readonly signature: readonly string[];
  readonly columns: Readonly<Record<string, PresetSource>>;
  /** Column names in the rule are normalized headers too. */
  readonly status?: StatusRule;
}

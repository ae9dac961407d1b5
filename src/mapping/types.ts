// What a mapping is: which staged file feeds which table, and which source column
// feeds each canonical column. Plain data, so it crosses the worker boundary and can be
// remembered, edited on the mapping screen and tested without a database.
import type { CanonicalTable } from '../canonical/schema';
import type { ColumnDecisions } from './values';

/** Canonical tables plus `products` (a price list used to value open deals without an amount). */
export type TargetTable = CanonicalTable | 'products';

export interface ColumnSource {
  readonly source: string;
  /** Multiplier applied after conversion, e.g. 1e6 for "revenue (USD millions)". */
  readonly scale?: number;
  /** Read where `source` is blank: the expected close date of a deal not closed yet. */
  readonly fallback?: string;
}

/** How a deal's open/won/lost status is read from the source. */
export type StatusRule =
  | { readonly kind: 'stage'; readonly column: string; readonly won: readonly string[]; readonly lost: readonly string[] }
  | { readonly kind: 'flags'; readonly isWon: string; readonly isClosed: string }
  /** A list of won deals: every row carrying a date in `column` is won (a blank one is rejected). */
  | { readonly kind: 'won_date'; readonly column: string };

export interface TableMapping {
  readonly fileId: string;
  readonly table: TargetTable | 'ignore';
  readonly columns: Readonly<Record<string, ColumnSource>>;
  readonly status?: StatusRule;
  /** Per source column; filled by profiling when missing. */
  readonly decisions?: Readonly<Record<string, ColumnDecisions>>;
  readonly presetId: string;
  /** 0..1: 1 when a known export layout matched on its signature columns. */
  readonly confidence: number;
  /** Deals: the open stages in funnel order as the user set them (absent = from the evidence in the data). */
  readonly stageOrder?: readonly string[];
}

/** One snapshot of a deals export: its file and the day it shows the deals as of. */
export interface SnapshotFile {
  readonly fileId: string;
  /** ISO day. */
  readonly asOf: string;
}

/** Two snapshots of one export dropped together: the later is the deals, the earlier history (docs/movement.md). */
export interface SnapshotPlan {
  readonly earlier: SnapshotFile;
  readonly later: SnapshotFile;
}

export interface ImportPlan {
  readonly mappings: readonly TableMapping[];
  readonly snapshots?: SnapshotPlan;
}

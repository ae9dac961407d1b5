// The one door between the page and the analytics engine (the worker): domain verbs,
// plain serializable data in and out. No SQL and no DuckDB types cross it.
import type { Grain } from '../periods/fiscal';
import type { ImportPlan, TableMapping } from '../mapping/types';

export type KpiId = 'won_amount' | 'won_count' | 'win_rate' | 'avg_deal_size' | 'avg_sales_cycle_days' | 'open_pipeline';

export interface KpiValue {
  readonly id: KpiId;
  /** Unrounded; null when the KPI cannot be computed (see reason). */
  readonly value: number | null;
  readonly reason?: string;
  /** A caveat that does not stop the value from being shown. */
  readonly note?: string;
}

/** A dropped file: the browser's File (read lazily by the engine) or bytes (tests, demo). */
export interface FileInput {
  readonly name: string;
  readonly data: Blob | Uint8Array;
}

export interface StagedColumn {
  readonly name: string;
  readonly samples: readonly string[];
}

export interface StagedFile {
  readonly fileId: string;
  readonly fileName: string;
  readonly rowsStaged: number;
  readonly parserRejects: number;
  readonly columns: readonly StagedColumn[];
  /** Distinct values of the column that carries the deal stage, when there is one. */
  readonly stageValues: readonly string[];
}

export interface ImportQuestion {
  readonly fileId: string;
  readonly column: string;
  readonly message: string;
  readonly choices: readonly string[];
}

export interface ImportProposal {
  readonly files: readonly StagedFile[];
  readonly plan: ImportPlan;
  /** True when the user must confirm: a layout we did not recognize for certain, or a question. */
  readonly needsReview: boolean;
  readonly questions: readonly ImportQuestion[];
}

export interface RejectedRow {
  readonly line: number;
  readonly column: string;
  readonly reason: string;
  readonly raw: string | null;
}

export interface FileReconciliation {
  readonly fileName: string;
  readonly table: TableMapping['table'];
  readonly presetId: string;
  readonly rowsRead: number;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
  readonly rowsSkipped: number;
  readonly rejects: readonly RejectedRow[];
}

export interface ImportResult {
  readonly files: readonly FileReconciliation[];
  readonly notes: readonly string[];
}

export interface DashboardRequest {
  /** As in the URL: all, 2017, 2017-Q3, 2017-07. */
  readonly period: string;
  readonly fiscalStartMonth: number;
}

export interface BookingsBucket {
  readonly start: string;
  readonly label: string;
  readonly wonAmount: number;
  readonly wonCount: number;
}

export interface DataExtent {
  readonly opportunities: number;
  readonly firstClose: string | null;
  readonly lastClose: string | null;
  readonly referenceDate: string | null;
}

export interface DashboardResult {
  readonly period: string;
  readonly periodLabel: string;
  readonly kpis: readonly KpiValue[];
  readonly bookings: readonly BookingsBucket[];
  readonly grain: Grain;
  readonly extent: DataExtent;
}

export interface DemoRequest {
  readonly seed: number;
  readonly opportunities: number;
}

export interface AnalyticsApi {
  /** Generates the built-in demo with the seeded generator and loads it through the normal import path. */
  loadDemo(request: DemoRequest): Promise<ImportResult>;
  /** Registers and stages files, and proposes how to map them. */
  stageFiles(files: readonly FileInput[]): Promise<ImportProposal>;
  /** Replaces the loaded data with the staged files mapped as planned. */
  applyImport(plan: ImportPlan): Promise<ImportResult>;
  dashboard(request: DashboardRequest): Promise<DashboardResult>;
}

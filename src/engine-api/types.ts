// The one door between the page and the analytics engine (the worker): domain verbs,
// plain serializable data in and out. No SQL and no DuckDB types cross it.
import type { Grain } from '../shared/periods/fiscal';
import type { ImportPlan, TableMapping } from '../mapping/types';
import type { ColumnDecisions } from '../mapping/values';
import type { CompApi } from '../features/comp/contract';
import type { DrillApi } from '../features/drill/contract';
import type { MovementApi } from '../features/dashboard/movement/contract';
import type { PivotApi } from '../features/pivot/contract';
import type { JoinNote } from '../mapping/joins';
import type { SnapshotGuess } from '../mapping/snapshots';
import type { DataQualityApi } from '../features/import/contract';
import type { KpiId } from '../shared/kpiVariants';
import type { DashboardRequest } from '../shared/request';
import type { Dimension } from '../shared/filters';
import type { FileFormat, TextEncoding } from '../staging/sniff';
import type { ForecastApi } from '../features/forecast/contract';
import type { TerritoriesApi } from '../features/territories/contract';
import type { LeadsApi } from '../features/leads/contract';
import type { WarehouseApi } from './warehouse';

// Shared vocabulary the engine door names (re-exported so the door's users import one place).
export type { DashboardRequest } from '../shared/request';
export type { KpiId } from '../shared/kpiVariants';

export interface KpiValue {
  readonly id: KpiId;
  /** Unrounded; null when the KPI cannot be computed (see reason). */
  readonly value: number | null;
  readonly reason?: string;
  /** A caveat that does not stop the value from being shown. */
  readonly note?: string;
  /** The variant computed ('default' or a name from docs/spec.md §3). */
  readonly variant?: string;
  /** The same KPI for the previous period and the same period a year earlier (absent for `all`). */
  readonly previous?: number | null;
  readonly yearAgo?: number | null;
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
  /** How the file was read (format, encoding, delimiter, sheet); each choice can be overridden. */
  readonly reading?: FileReading;
}

/** What staging detected or was told; the page shows it and offers FileReadOptions to change it. */
export interface FileReading {
  readonly format: FileFormat;
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
  /** Workbooks: every sheet, and the one that was read. */
  readonly sheets?: readonly string[];
  readonly sheet?: string;
  /** Rows skipped before staging: report title/filter lines, report footer, repeated header rows. */
  readonly preambleRows: number;
  readonly footerRows: number;
  readonly repeatedHeaderRows: number;
  /** Encodings that read this file as plausibly but differently: the page asks the user to check. */
  readonly encodingAlternatives?: readonly TextEncoding[];
  /** What the reader noticed and the user should know (a file mixing encodings, a repeated header name). */
  readonly notes?: readonly string[];
  /** Staged names of columns whose header names repeat, per name: never mapped without the user. */
  readonly repeatedHeaders?: readonly (readonly string[])[];
  /** The file holds no table at all (no header, no rows). */
  readonly empty?: boolean;
}

/** Per-file overrides of what staging would detect. */
export interface FileReadOptions {
  readonly encoding?: TextEncoding;
  readonly delimiter?: string;
  readonly sheet?: string;
}

export interface StageOptions {
  /** Keyed by file name, as dropped. */
  readonly files?: Readonly<Record<string, FileReadOptions>>;
}

/** A column whose values read two ways and that no evidence settles: the user chooses. */
export interface ImportQuestion {
  readonly fileId: string;
  /** The source column (header) the question is about. */
  readonly column: string;
  readonly kind: 'number' | 'date';
  readonly message: string;
  readonly readings: readonly QuestionReading[];
}

/** One way to read an ambiguous column, with what it would load. */
export interface QuestionReading {
  readonly reading: 'thousands' | 'decimal' | 'day-first' | 'month-first';
  /** e.g. "1.500 = 1,500" or "01/03/24 = 1 March 2024". */
  readonly label: string;
  /** The column decisions this reading stands for (what the plan carries once chosen). */
  readonly decisions: ColumnDecisions;
  readonly effect: ReadingEffect;
}

export interface ReadingEffect {
  /** Non-blank values of the column this reading reads (the others would be rejected). */
  readonly rowsRead: number;
  readonly nonBlank: number;
  /** Number questions: the column's total under this reading. */
  readonly total?: number;
  /** Date questions: the earliest and latest date (ISO). */
  readonly from?: string;
  readonly to?: string;
}

export interface ImportProposal {
  readonly files: readonly StagedFile[];
  readonly plan: ImportPlan;
  /** True when the user must confirm: a layout we did not recognize for certain, or a question. */
  readonly needsReview: boolean;
  readonly questions: readonly ImportQuestion[];
  /** How the dropped files join each other (owner → reps, account → accounts, lead ↔ deal). */
  readonly joins?: readonly JoinNote[];
  /**
   * Two deals files of one export with mostly the same ids: two snapshots (docs/movement.md).
   * Each one's "as of" date as read; a date the files do not state is null and asked on the
   * mapping screen. When both are known, the plan carries the pair.
   */
  readonly snapshots?: readonly SnapshotGuess[];
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
  /** Two snapshots loaded: the dashboard shows the later, the earlier is movement's history (docs/movement.md). */
  readonly snapshots?: { readonly earlier: LoadedSnapshot; readonly later: LoadedSnapshot };
}

export interface LoadedSnapshot {
  readonly fileName: string;
  readonly asOf: string;
}

export interface BookingsBucket {
  readonly start: string;
  readonly label: string;
  readonly wonAmount: number;
  readonly wonCount: number;
  /** The comparison period's bucket at the same position; null when there is none. */
  readonly compareAmount?: number | null;
  /** Quota of the bucket's days in the period (prorated); absent when no quotas are loaded or a filter blocks them. */
  readonly quota?: number | null;
}

/** One group of a "by X" view: closed-deal and open-pipeline figures of the group. */
export interface GroupFigures {
  /** The group's value; null = blank in the data. */
  readonly key: string | null;
  readonly label: string;
  readonly wonCount: number;
  readonly lostCount: number;
  readonly wonAmount: number;
  /** Lost amount of the group (the win rate by value needs it). */
  readonly lostAmount?: number;
  readonly winRate: number | null;
  readonly avgCycleDays: number | null;
  readonly openCount: number;
  readonly openAmount: number;
  readonly weightedAmount: number;
}

export interface LeaderRow extends GroupFigures {
  readonly quota: number | null;
  readonly attainment: number | null;
}

/** Which evidence ordered the funnel's stages (docs/kpis.md, "Stage order"). */
export type StageOrderBasis =
  'one stage' | 'your order' | 'probabilities' | 'stage history' | 'known stage names' | 'deal counts';

export interface FunnelStep {
  readonly label: string;
  readonly count: number;
  /** Share of the first step. */
  readonly rate: number | null;
  /** Step-to-step conversion: share of the step before (null for the first step, or when that step is empty). */
  readonly stepRate?: number | null;
}

export interface LeadSourceFigures {
  readonly key: string | null;
  readonly label: string;
  readonly leads: number;
  readonly converted: number;
  readonly conversionRate: number | null;
  readonly opportunities: number;
  readonly wonDeals: number;
}

export interface CurrencyFigures {
  readonly currency: string;
  readonly wonAmount: number;
  readonly openAmount: number;
}

export interface DashboardViews {
  readonly segmentBy: Dimension;
  readonly segments: readonly GroupFigures[];
  readonly pipelineByStage: readonly GroupFigures[];
  readonly pipelineByMonth: readonly GroupFigures[];
  readonly aging: readonly GroupFigures[];
  readonly leaderboard: readonly LeaderRow[];
  readonly funnel: {
    readonly source: 'stage_history' | 'current_stages';
    readonly steps: readonly FunnelStep[];
    /** Which evidence ordered the stages (docs/kpis.md, "Stage order"). */
    readonly order?: StageOrderBasis;
  };
  /** A string is why the lead funnel cannot be shown. */
  readonly leadFunnel: readonly LeadSourceFigures[] | string;
  readonly spendByChannel: readonly { readonly label: string; readonly spend: number }[] | string;
}

export interface DataExtent {
  readonly opportunities: number;
  readonly firstClose: string | null;
  readonly lastClose: string | null;
  readonly referenceDate: string | null;
  /** Months (YYYY-MM) in which open deals are expected to close: the picker's future periods. */
  readonly openMonths?: readonly string[];
}

export interface DashboardResult {
  readonly period: string;
  readonly periodLabel: string;
  readonly kpis: readonly KpiValue[];
  readonly bookings: readonly BookingsBucket[];
  /** The period's quota, prorated by day (the attainment tile's denominator); null without quotas. */
  readonly quota?: number | null;
  readonly grain: Grain;
  readonly extent: DataExtent;
  /** The reference date used ("today"). */
  readonly referenceDate?: string | null;
  /** The comparison period the chart draws, or null for `all`. */
  readonly comparison?: { readonly kind: 'previous' | 'year_ago'; readonly label: string } | null;
  readonly sparklines?: Partial<Record<KpiId, readonly (number | null)[]>>;
  readonly views?: DashboardViews;
  /** Why money KPIs are not available (several currencies), and the amounts per currency. */
  readonly currencies?: {
    /** The one currency the deals name (currency column, or codes/symbols in the amounts); null when none. */
    readonly code?: string | null;
    readonly blocked: string | null;
    readonly perCurrency: readonly CurrencyFigures[];
  };
  /** Why views that plot amounts are not available (no deal has an amount), instead of bars at 0. */
  readonly unavailable?: { readonly amounts?: string };
  /** The values each filter can take (most frequent first; null = blank). */
  readonly dimensionValues?: Partial<Record<Dimension, readonly (string | null)[]>>;
}

export interface DemoRequest {
  readonly seed: number;
  readonly opportunities: number;
}

export interface AnalyticsApi
  extends ForecastApi, TerritoriesApi, LeadsApi, DrillApi, MovementApi, PivotApi, CompApi, DataQualityApi, WarehouseApi {
  /** Generates the built-in demo with the seeded generator and loads it through the normal import path. */
  loadDemo(request: DemoRequest): Promise<ImportResult>;
  /** Registers and stages files, and proposes how to map them. */
  stageFiles(files: readonly FileInput[], options?: StageOptions): Promise<ImportProposal>;
  /** Stages one staged file again with the user's delimiter, encoding or sheet, and proposes the mapping again. */
  restageFile(fileId: string, options: FileReadOptions): Promise<ImportProposal>;
  /**
   * The questions a mapping edited on the mapping screen raises: each mapped number or date
   * column without a decision is profiled as on a drop (docs/import.md), and the ones that
   * neither their values nor the file settle come back as questions. Nothing is loaded.
   */
  askQuestions(mapping: TableMapping): Promise<readonly ImportQuestion[]>;
  /** Replaces the loaded data with the staged files mapped as planned. */
  applyImport(plan: ImportPlan): Promise<ImportResult>;
  dashboard(request: DashboardRequest): Promise<DashboardResult>;
  /** URLs the engine worker has fetched (its resource timing), for the page's "no request left this origin" indicator. */
  resourceUrls(): Promise<string[]>;
}

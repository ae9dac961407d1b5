// Drill-through across the engine door: from a number on the dashboard to the deals behind
// it (docs/drill.md). The worker returns one page of rows and the totals of the whole set,
// never the whole table.
import type { ForecastDrillView } from '../../engine-api/forecastDrill';
import type { MovementStep, MovementWindow } from '../dashboard/movement/contract';
import type { PivotCoord, PivotMeasure } from '../pivot/contract';
import type { DashboardRequest } from '../../shared/request';
import type { KpiId } from '../../shared/kpiVariants';
import { LEAD_ATTRIBUTES, parseAttribute, type LeadAttribute } from '../../shared/leadAttributes';

/** What was clicked: a tile, or a mark of a chart (`key` null = the blank group). */
export type DrillTarget =
  | { readonly kind: 'kpi'; readonly kpi: KpiId }
  /** A bookings bar: the bucket's first day (month or fiscal quarter, by the period's grain). */
  | { readonly kind: 'bookings'; readonly key: string }
  /** Funnel step: the stage, or null for the first step ("Created"). */
  | { readonly kind: 'funnel'; readonly key: string | null }
  | { readonly kind: DrillGroupKind; readonly key: string | null }
  /** A row of the Leads screen's table: the won deals of its leads (docs/leads.md); `other` = its "Other" row. */
  | { readonly kind: LeadDrillKind; readonly key: string | null; readonly other?: boolean }
  /** A payout statement's bookings: a rep's won deals closed in [start, end) — key `<start>..<end>/<rep>`. */
  | { readonly kind: 'rep-won'; readonly key: string }
  /** A step of the pipeline movement between the request's two dates (docs/movement.md). */
  | { readonly kind: 'movement'; readonly key: MovementStep }
  /** A forecast waterfall step (key: src/engine-api/forecastDrill.ts) on the view of `DrillRequest.forecast`. */
  | { readonly kind: 'forecast'; readonly key: string }
  /** A territory row of the planner (key `today/<name>` or `proposed/<name>`): its accounts in `DrillRequest.accounts`. */
  | { readonly kind: 'territory'; readonly key: string }
  /** A pivot cell or total: the measure's deals with each coordinate's value (docs/pivot.md). */
  | { readonly kind: 'pivot'; readonly measure: PivotMeasure; readonly cell: readonly PivotCoord[] };

/** Chart marks that are one group of a "by X" view. */
export const DRILL_GROUP_KINDS = ['stage', 'month', 'aging', 'owner', 'segment', 'source'] as const;
export type DrillGroupKind = (typeof DRILL_GROUP_KINDS)[number];
export type DrillKind = DrillTarget['kind'];

/** A payout statement line's key: its quarter's first day, the next quarter's first day, and the rep. */
export function repWonKey(start: string, end: string, rep: string): string {
  return `${start}..${end}/${rep}`;
}

export function parseRepWonKey(key: string): { start: string; end: string; rep: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})\/(.+)$/s.exec(key);
  return m && m[1] && m[2] && m[3] && m[1] < m[2] ? { start: m[1], end: m[2], rep: m[3] } : null;
}

/** Lead-quality rows by any lead attribute (src/shared/leadAttributes.ts): `leads-<attribute>`. */
export type LeadDrillKind = `leads-${LeadAttribute}`;
export const LEAD_DRILL_PREFIX = 'leads-';
/** The kinds of the canonical lead columns (a lead file's other column is `leads-attr.<header>`). */
export const LEAD_DRILL_KINDS: readonly LeadDrillKind[] = LEAD_ATTRIBUTES.map((a) => leadDrillKind(a));

export function leadDrillKind(attribute: LeadAttribute): LeadDrillKind {
  return `${LEAD_DRILL_PREFIX}${attribute}`;
}

/** The attribute of a lead-quality drill kind; null for any other kind. */
export function leadDrillAttribute(kind: string): LeadAttribute | null {
  return kind.startsWith(LEAD_DRILL_PREFIX) ? parseAttribute(kind.slice(LEAD_DRILL_PREFIX.length)) : null;
}

export type LeadDrillTarget = Extract<DrillTarget, { readonly kind: LeadDrillKind }>;

export function isLeadDrillTarget(t: DrillTarget): t is LeadDrillTarget {
  return leadDrillAttribute(t.kind) !== null;
}

/** The drill table's columns (the spec's (docs/spec.md) canonical deal columns plus where each row came from). */
export const DRILL_COLUMNS = [
  'name',
  'account',
  'owner',
  'stage',
  'status',
  'amount',
  'currency',
  'created',
  'close',
  'age',
  'source',
  'file',
  'line',
] as const;
export type DrillColumn = (typeof DRILL_COLUMNS)[number];

export interface DrillSort {
  readonly column: DrillColumn;
  readonly desc: boolean;
}

export interface DrillRequest {
  /** The dashboard view the number was on: period, filters, variants, reference date, group-by. */
  readonly dashboard: DashboardRequest;
  readonly target: DrillTarget;
  /** A movement step's two dates; absent = the 7 days up to the reference date. */
  readonly movement?: MovementWindow;
  /** Force where the totals come from (tests compare the two); by default the cube when the mark allows it. */
  readonly path?: 'cube' | 'rows';
  /** A territory row's account ids (account_id, else name): the assignment lives on the page. */
  readonly accounts?: readonly string[];
  /** A forecast step's period and as-of day (the forecast screen's). */
  readonly forecast?: ForecastDrillView;
  readonly sort?: DrillSort;
  /** Text filter over name, account, owner, stage, source and file (case-insensitive). */
  readonly search?: string;
  readonly offset?: number;
  /** Rows per page (at most 100,000: an export asks for everything in pages of that size). */
  readonly limit?: number;
}

export interface DrillRow {
  readonly name: string | null;
  readonly account: string | null;
  readonly owner: string | null;
  readonly stage: string | null;
  readonly status: string;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly created: string | null;
  readonly close: string | null;
  /** Days from created to close (closed deals) or to the reference date (deals open then). */
  readonly age: number | null;
  readonly source: string | null;
  readonly file: string;
  readonly line: number;
}

/** Totals of every row behind the mark (the text filter does not change them, except `matched`). */
export interface DrillTotals {
  readonly count: number;
  /** Σ amount; null when the rows carry several currencies (summing them would be wrong). */
  readonly amount: number | null;
  /** Rows with an amount. */
  readonly amountCount: number;
  readonly weighted: number | null;
  readonly wonCount: number;
  readonly wonAmount: number | null;
  readonly lostCount: number;
  readonly lostAmount: number | null;
  readonly openCount: number;
  readonly openAmount: number | null;
  /** Mean days from created to close of the won rows, and of the won and lost rows (rows with both dates). */
  readonly wonCycle: number | null;
  readonly closedCycle: number | null;
  /** Distinct accounts: only for the KPIs read through them (CLV, LTV:CAC, CAC), else null. */
  readonly accounts: number | null;
  readonly currencies: readonly string[];
  /** Rows that pass the text filter. */
  readonly matched: number;
}

export interface DrillResult {
  /** What the rows are, in words ("Won deals closed in 2017 Q3"). */
  readonly title: string;
  /** For ratios and derived KPIs: which part of the number the rows are, and where the rest comes from. */
  readonly note: string | null;
  readonly totals: DrillTotals;
  readonly rows: readonly DrillRow[];
  readonly offset: number;
  readonly referenceDate: string;
  /** Where the totals were read: the dashboard's close-month cube, or a scan of the rows (docs/drill.md). */
  readonly totalsFrom?: 'cube' | 'rows';
}

export interface DrillApi {
  /** One page of the deals behind a number, with the totals of all of them. */
  drill(request: DrillRequest): Promise<DrillResult>;
}

// The engine request of a dashboard view (plain data in, plain data out: also used at build
// time to compute the demo's first paint for the default view). The dashboard, the drill, the
// movement and the pivot all send it, so it is vocabulary every screen shares.
import type { Dimension, Filters } from './filters';
import type { KpiVariants } from './kpiVariants';
import { AUTO_PERIOD } from './periods/defaultPeriod';

export interface DashboardRequest {
  /** As in the URL: all, 2017, 2017-Q3, 2017-07, or a custom range 2017-02-10..2017-05-31. */
  readonly period: string;
  readonly fiscalStartMonth: number;
  readonly filters?: Filters;
  readonly variants?: KpiVariants;
  /** Which comparison the bookings chart draws; tiles carry both deltas and the page shows this one. */
  readonly comparison?: 'previous' | 'year_ago';
  /** "Today"; null or absent = the latest date in the data. */
  readonly referenceDate?: string | null;
  /** Gross margin and yearly churn for CLV, fractions 0..1. */
  readonly grossMargin?: number;
  readonly churn?: number;
  /** The dimension of the win-rate/cycle-by-segment view. */
  readonly segmentBy?: Dimension;
}

/** The page's view state (src/app/viewState.ts) as a request reads it: the request's fields, and `periodAuto`. */
export interface DashboardView extends DashboardRequest {
  /** No period came from the link or the user: the engine takes the reference date's fiscal quarter. */
  readonly periodAuto?: boolean;
}

export function dashboardRequest(view: DashboardView): DashboardRequest {
  return {
    period: view.periodAuto ? AUTO_PERIOD : view.period,
    fiscalStartMonth: view.fiscalStartMonth,
    filters: view.filters ?? {},
    variants: view.variants ?? {},
    comparison: view.comparison ?? 'previous',
    referenceDate: view.referenceDate ?? null,
    grossMargin: view.grossMargin ?? 1,
    churn: view.churn ?? 0,
    segmentBy: view.segmentBy ?? 'region',
  };
}

// The view state in the URL hash (docs/spec.md §4): `period` and `view`, plus `fy`, the first
// month of the fiscal year. Read leniently (a bad value falls back and is reported),
// written canonically.
import { readCompHash, writeCompHash } from '../features/comp/hashState';
import type { CompPlan } from '../features/comp/core/plan';
import { readDashboardHash, writeDashboardHash, type DashboardHashState } from '../features/dashboard/hashState';
import { readLeaderSort, writeLeaderSort, type LeaderSort } from '../features/dashboard/leaderSort';
import { readDrillHash, writeDrillHash, type DrillState } from '../features/drill/hashState';
import { readLeadDrillHash, writeLeadDrillHash, type LeadDrillState } from '../features/leads/leadDrillHash';
import { readLeadsHash, writeLeadsHash } from '../features/leads/hashState';
import type { LeadAttribute } from '../shared/leadAttributes';
import { readMovementHash, writeMovementHash } from '../features/dashboard/movement/hashState';
import type { MovementWindow } from '../features/dashboard/movement/contract';
import { readTableSorts, writeTableSorts, type TableSorts } from '../charts/tableSort';
import { readPivotHash, writePivotHash, type PivotState } from '../features/pivot/hashState';
import { readForecastHash, writeForecastHash, type ForecastParams } from '../features/forecast/hashState';
import { readTerritoryHash, writeTerritoryHash, type TerritoryParams } from '../features/territories/hashState';
import { parsePeriod } from '../shared/periods/fiscal';
import { implausiblePeriod } from '../shared/periods/plausible';

export const VIEWS = ['dashboard', 'pivot', 'forecast', 'leads', 'territories', 'comp', 'data'] as const;
export type ViewName = (typeof VIEWS)[number];

/** The dashboard's keys (filters, variants, comparison, settings) are optional: absent = default. */
export interface ViewState extends DashboardHashState {
  /** The period shown, in the hash's notation (while `periodAuto`, the one the data gave last). */
  readonly period: string;
  /**
   * No period came from the link or the user: the dashboard derives it from the data (the
   * fiscal quarter of the reference date) on every load, and the hash leaves it out.
   */
  readonly periodAuto?: boolean;
  readonly view: ViewName;
  readonly fiscalStartMonth: number;
  /** The forecast screen's target and stage probabilities (`fc.*`); absent = defaults. */
  readonly forecast?: ForecastParams;
  /** The territory planner's options (`t.*`); absent = defaults. */
  readonly territory?: TerritoryParams;
  /** The open drill-through (`drill`, `drill.sort`, `drill.q`); absent = closed. */
  readonly drill?: DrillState;
  /** The open lead list (`drill=leads:…`, `drill.sort`, `drill.q`); absent = closed. At most one of drill and leadDrill is set. */
  readonly leadDrill?: LeadDrillState;
  /** The Leads screen's grouping (`lq.by`); absent = source. */
  readonly leadsBy?: LeadAttribute;
  /** The leaderboard's sort (`lb.sort`); absent = won amount, highest first. */
  readonly leaderSort?: LeaderSort;
  /** The pipeline movement's two dates (`mv`); absent = the 7 days up to the reference date. */
  readonly movement?: MovementWindow;
  /** The compensation plan being edited (`c.plan`); absent = the plan fitted to the data. */
  readonly compPlan?: CompPlan;
  /** The pivot's layout (`pv.r`, `pv.c`, `pv.m`, `pv.p`); absent = owner × quarter, won amount. */
  readonly pivot?: PivotState;
  /** Sorted chart data tables (`ts.<table>`); absent = as drawn. */
  readonly tableSorts?: TableSorts;
}

export const DEFAULT_VIEW: ViewState = { period: 'all', periodAuto: true, view: 'dashboard', fiscalStartMonth: 1 };

export function readViewState(hash: string): { state: ViewState; problems: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const problems: string[] = [];
  let { period, view, fiscalStartMonth } = DEFAULT_VIEW;
  let periodAuto = true;
  const p = params.get('period');
  if (p !== null) {
    const refused = implausiblePeriod(p);
    if (refused) problems.push(`${refused} Showing the quarter of the reference date.`);
    else if (parsePeriod(p)) {
      period = p;
      periodAuto = false;
    } else
      problems.push(
        `The link's period "${p}" is not one we know (use all, 2017, 2017-Q3, 2017-07 or 2017-02-10..2017-05-31); showing the quarter of the reference date.`,
      );
  }
  const v = params.get('view');
  if (v !== null) {
    if ((VIEWS as readonly string[]).includes(v)) view = v as ViewName;
    else problems.push(`The link's view "${v}" does not exist; showing the dashboard.`);
  }
  const fy = params.get('fy');
  if (fy !== null) {
    const month = Number(fy);
    if (Number.isInteger(month) && month >= 1 && month <= 12) fiscalStartMonth = month;
    else problems.push(`The link's fiscal-year start "${fy}" is not a month number 1–12; using January.`);
  }
  const dashboard = readDashboardHash(params, problems);
  const forecast = readForecastHash(params, problems);
  const territory = readTerritoryHash(params, problems);
  const drill = readDrillHash(params, problems);
  const leadDrill = readLeadDrillHash(params, problems);
  // A lead list lives on the Leads screen: a link without a view opens there; another view keeps it closed.
  if (leadDrill && view !== 'leads') {
    if (v === null) view = 'leads';
    else problems.push(`The link's lead list opens on the Leads screen (view=leads), not on "${view}"; it is not opened.`);
  }
  const openLeadDrill = view === 'leads' ? leadDrill : undefined;
  const leadsBy = readLeadsHash(params, problems);
  const leaderSort = readLeaderSort(params, problems);
  const movement = readMovementHash(params, problems);
  const compPlan = readCompHash(params, problems);
  const pivot = readPivotHash(params, problems);
  const tableSorts = readTableSorts(params, problems);
  return {
    state: {
      period,
      ...(periodAuto ? { periodAuto } : {}),
      view,
      fiscalStartMonth,
      ...dashboard,
      ...(forecast ? { forecast } : {}),
      ...(territory ? { territory } : {}),
      ...(drill ? { drill } : {}),
      ...(openLeadDrill ? { leadDrill: openLeadDrill } : {}),
      ...(leadsBy ? { leadsBy } : {}),
      ...(leaderSort ? { leaderSort } : {}),
      ...(movement ? { movement } : {}),
      ...(compPlan ? { compPlan } : {}),
      ...(pivot ? { pivot } : {}),
      ...(tableSorts ? { tableSorts } : {}),
    },
    problems,
  };
}

export function writeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('view', state.view);
  if (!state.periodAuto) params.set('period', state.period);
  if (state.fiscalStartMonth !== 1) params.set('fy', String(state.fiscalStartMonth));
  writeDashboardHash(state, params);
  writeForecastHash(state.forecast, params);
  writeTerritoryHash(state.territory, params);
  writeDrillHash(state.drill, params);
  writeLeadDrillHash(state.leadDrill, params);
  writeLeadsHash(state.leadsBy, params);
  writeLeaderSort(state.leaderSort, params);
  writeMovementHash(state.movement, params);
  writeCompHash(state.compPlan, params);
  writePivotHash(state.pivot, params);
  writeTableSorts(state.tableSorts, params);
  return `#${params.toString()}`;
}

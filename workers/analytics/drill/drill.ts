// The drill verb: the deals behind one number of the dashboard view in the request, as the
// totals of all of them and one page (docs/drill.md). Sorting, the text filter and paging
// run in the engine, so a page costs the same at a thousand deals and at a million.
import {
  isLeadDrillTarget,
  leadDrillAttribute,
  type DrillRequest,
  type DrillResult,
  type DrillRow,
  type DrillSort,
  type LeadDrillTarget,
} from '../../../src/features/drill/contract';
import { describePeriod, grainFor, periodRange, type DateRange } from '../../../src/shared/periods/fiscal';
import type { Filters } from '../../../src/shared/filters';
import { extraName } from '../../../src/shared/leadAttributes';
import { leadRowsQuery, type LeadRow } from '../../../src/queries/leadRows';
import { rankedValues, shownOf } from '../../../src/features/leads/core';
import { drillPageQuery, drillTotalsQuery, type DrillQueryRequest } from './drillSql';
import type { AnalyticsContext } from '../context';
import { pickReference } from '../dashboard';
import { prepare } from '../dashboard/prepare';
import { movementScope, viewPeriod } from '../movement';
import { forecastDrillBasis } from '../forecast/drillBasis';
import { forecastDrillPrepared } from '../forecast/drillRows';
import { territoryPrepared } from '../../../src/queries/territoryDrill';
import { cubeDrillTotals, type DrillTotalsRow } from './drillCube';
import { filterMask } from '../../../src/queries/columnCube';
import { builtClosedCube } from '../dashboard/monthly';

/** A page is at most this many rows; an export asks for all of them page by page. */
export const MAX_PAGE = 100_000;
const DEFAULT_SORT: DrillSort = { column: 'amount', desc: true };
/** KPIs whose drill is read through its distinct accounts (docs/drill.md). */
const ACCOUNT_KPIS: ReadonlySet<string> = new Set(['clv', 'ltv_to_cac', 'cac']);

type TotalsRow = DrillTotalsRow;

/** The last totals read, per prepared data (a new import prepares anew, so they cannot outlive it). */
const lastTotals = new WeakMap<object, { key: string; totals: TotalsRow }>();

export function drill(ctx: AnalyticsContext, request: DrillRequest): DrillResult {
  const dash = request.dashboard;
  const prep = prepare(ctx);
  const referenceDate = pickReference(dash.referenceDate, prep.extent.referenceDate);
  // As the dashboard reads it: no period chosen = the fiscal quarter of the reference date.
  const period = viewPeriod(dash, referenceDate);
  const movement =
    request.target.kind === 'movement'
      ? movementScope(ctx, { dashboard: dash, ...(request.movement ? { window: request.movement } : {}) })
      : undefined;
  // A forecast step: the forecast screen's period and as-of day, its rows prepared by the forecast's own rules.
  const forecast =
    request.target.kind === 'forecast'
      ? forecastDrillBasis(ctx, {
          ...(request.forecast?.period ? { period: request.forecast.period } : {}),
          ...(request.forecast?.asOf ? { asOf: request.forecast.asOf } : {}),
          fiscalStartMonth: dash.fiscalStartMonth,
          filters: dash.filters ?? {},
        })
      : undefined;
  if (request.target.kind === 'territory' && !request.accounts)
    throw new Error("A territory row's deals are read from the Territories screen, which knows the row's accounts.");
  const label = describePeriod(period, dash.fiscalStartMonth);
  const leadRow = isLeadDrillTarget(request.target);
  const range = periodRange(period, dash.fiscalStartMonth);
  const leadShown =
    isLeadDrillTarget(request.target) && request.target.other
      ? shownLeadValues(ctx, request.target, range, referenceDate, dash.filters ?? {})
      : undefined;
  // Pay is computed on every deal the rep owns: the dashboard's filters do not narrow a statement.
  const unfiltered = leadRow || request.target.kind === 'rep-won';
  const req: DrillQueryRequest = {
    scope: {
      range,
      referenceDate,
      segmentBy: dash.segmentBy ?? 'region',
      variants: { ...dash.variants },
      grain: grainFor(period),
      stages: prep.stages.map((s) => s.stage),
      periodWords: forecast
        ? `${forecast.periodLabel} as of ${forecast.asOf}`
        : period.kind === 'all'
          ? 'at any time'
          : `in ${label}`,
      ...(movement ? { movement: { from: movement.from, to: movement.to } } : {}),
      ...(leadRow ? { leadFilters: dash.filters ?? {} } : {}),
      ...(leadShown ? { leadShown } : {}),
      fiscalStartMonth: dash.fiscalStartMonth,
      ...(request.accounts ? { accounts: request.accounts.length } : {}),
    },
    // A lead-quality row filters its leads (by their owner, source…), not the deals they became.
    filters: unfiltered ? {} : (dash.filters ?? {}),
    target: request.target,
    search: request.search ?? '',
    ...(movement ? { movement } : {}),
    ...(forecast ? { prepared: forecastDrillPrepared(forecast, dash.filters ?? {}) } : {}),
    ...(request.target.kind === 'territory' ? { prepared: territoryPrepared(request.accounts ?? [], referenceDate) } : {}),
  };
  const target = request.target;
  const accounts = target.kind === 'kpi' && ACCOUNT_KPIS.has(target.kpi);
  // Data that names one currency (prep.currency) cannot have a subset in two.
  const totalsQuery = drillTotalsQuery(req, { accounts, currencies: prep.currency === null });
  // Sorting and paging do not change the totals: the table's next clicks read only a page.
  const key = JSON.stringify([req, accounts]);
  const kept = lastTotals.get(prep);
  // A mark the dashboard's cube carries is summed from it: the open then reads only a page.
  const fromCube = request.path === 'rows' || accounts || req.prepared || req.search.trim() !== '' ? null : cubeTotals(ctx, req);
  const t = fromCube ?? (kept?.key === key ? kept.totals : ctx.sql.one<TotalsRow>(totalsQuery));
  if (!fromCube) lastTotals.set(prep, { key, totals: t });
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(request.limit ?? 50)));
  const rows = ctx.sql.rows<DrillRow>(drillPageQuery(req, request.sort ?? DEFAULT_SORT, offset, limit));
  const currencies = prep.currency !== null ? (t.count > 0 ? [prep.currency] : []) : t.currencies ? t.currencies.split('\n') : [];
  // Amounts in several currencies are not one number: no total rather than a wrong one.
  // Σ of no rows is 0; Σ of rows that all lack an amount stays null (there is no number).
  const money = (v: number | null, n: number) => (currencies.length > 1 ? null : n === 0 ? 0 : v);
  return {
    title: totalsQuery.title,
    note: totalsQuery.note,
    totals: {
      count: t.count,
      amount: money(t.amount, t.count),
      amountCount: t.amount_n,
      weighted: money(t.weighted, t.count),
      wonCount: t.won_n,
      wonAmount: money(t.won_amt, t.won_n),
      lostCount: t.lost_n,
      lostAmount: money(t.lost_amt, t.lost_n),
      openCount: t.open_n,
      openAmount: money(t.open_amt, t.open_n),
      wonCycle: t.won_cycle,
      closedCycle: t.closed_cycle,
      accounts: t.accounts,
      currencies,
      matched: t.matched,
    },
    rows,
    offset,
    referenceDate,
    totalsFrom: fromCube ? 'cube' : 'rows',
  };
}

/** The totals from the close-month cube of the view's reference date, when it is built and the mark is one it carries. */
function cubeTotals(ctx: AnalyticsContext, req: DrillQueryRequest): TotalsRow | null {
  const cube = builtClosedCube(ctx, req.scope.referenceDate);
  if (!cube) return null;
  return cubeDrillTotals(cube, filterMask(cube, req.filters), req.target, req.scope);
}

/** The values a lead-quality table shows by name, found as the table finds them (its "Other" row is the rest). */
function shownLeadValues(
  ctx: AnalyticsContext,
  target: LeadDrillTarget,
  range: DateRange | null,
  referenceDate: string,
  filters: Filters,
): (string | null)[] {
  const attribute = leadDrillAttribute(target.kind) ?? 'source';
  const rows = ctx.sql.rows<LeadRow>(leadRowsQuery(referenceDate, filters, extraName(attribute)));
  return shownOf(rankedValues(rows, attribute, range));
}

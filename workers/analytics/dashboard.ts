// One request → every number and every view the dashboard shows: the tiles (current period
// and both comparisons) in one scan, all "by X" views in one grouping-sets scan, the
// monthly series, and the small tables. Only aggregates leave the worker.
import type { DashboardRequest, DashboardResult, KpiValue } from '../../src/engine-api/types';
import { comparisonRange, previousRange, yearAgoRange } from '../../src/periods/compare';
import { describePeriod, formatPeriod, grainFor, parsePeriod, periodRange, type DateRange } from '../../src/periods/fiscal';
import { mixedCurrencyReason, perCurrencyQuery, type CurrencyRow } from '../../src/queries/currency';
import type { Filters } from '../../src/queries/filters';
import { extrasOf, extrasQuery, leadsBlocked, quotaBlocked, spendBlocked, type ExtrasRow } from '../../src/queries/extras';
import { computeKpis, type KpiSettings, type RangeExtras } from '../../src/queries/kpiCompute';
import { monthSeriesQuery, type MonthRow } from '../../src/queries/series';
import {
  leadsBySourceQuery,
  quotaByRepQuery,
  spendByChannelQuery,
  type ChannelRow,
  type LeadSourceRow,
  type RepQuotaRow,
} from '../../src/queries/sideTables';
import { splitTiles, tilesQuery, type RangeKey, type Ranges } from '../../src/queries/tiles';
import { viewsQuery, type ViewRow } from '../../src/queries/views';
import type { AnalyticsContext } from './context';
import { prepare } from './dashboard/prepare';
import { buildSeries } from './dashboard/series';
import { assembleViews } from './dashboard/views';

export { resetDashboard } from './dashboard/prepare';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function dashboard(ctx: AnalyticsContext, request: DashboardRequest): DashboardResult {
  const period = parsePeriod(request.period);
  if (!period) throw new Error(`"${request.period}" is not a period; use all, 2017, 2017-Q3, 2017-07 or 2017-02-10..2017-05-31.`);
  const fsm = request.fiscalStartMonth;
  const filters = request.filters ?? {};
  const prep = prepare(ctx);
  const referenceDate = pickReference(request.referenceDate, prep.extent.referenceDate);
  const range = periodRange(period, fsm);
  const grain = grainFor(period);
  const ranges: Ranges = range ? { cur: range, prev: previousRange(range), yoy: yearAgoRange(range) } : { cur: null };
  const variants: Record<string, string | undefined> = { ...request.variants };
  const medians = ['avg_deal_size', 'avg_sales_cycle_days'].some((id) => variants[id] === 'median');
  const tiles = splitTiles(
    ctx.sql.one(tilesQuery({ filters, ranges, referenceDate, medians })),
    Object.keys(ranges) as RangeKey[],
  );
  const moneyBlocked = mixedCurrencyReason(tiles.totals.currencies);
  const settings: KpiSettings = {
    variants,
    grossMargin: request.grossMargin ?? 1,
    churn: request.churn ?? 0,
    moneyBlocked,
  };
  const extrasRow = ctx.sql.one<Record<string, unknown>>(extrasQuery(ranges, filters));
  const kpisFor = (key: RangeKey): KpiValue[] | null => {
    const agg = tiles.ranges[key];
    if (!agg) return null;
    return computeKpis(agg, tiles.totals, extras(extrasOf(extrasRow, key), filters), settings);
  };
  const current = kpisFor('cur') ?? [];
  const prev = kpisFor('prev');
  const yoy = kpisFor('yoy');
  const kpis = current.map((k, i) =>
    prev && yoy ? { ...k, previous: prev[i]?.value ?? null, yearAgo: yoy[i]?.value ?? null } : k,
  );

  const comparisonKind = request.comparison ?? 'previous';
  const cmpRange = range ? comparisonRange(range, comparisonKind) : null;
  const months = ctx.sql.rows<MonthRow>(monthSeriesQuery(filters, range, cmpRange));
  const series = buildSeries(months, range, cmpRange, grain, fsm, prep.extent);

  const segmentBy = request.segmentBy ?? 'region';
  const viewRows = ctx.sql.rows<ViewRow>(
    viewsQuery({ filters, range, referenceDate, segmentBy, funnelSteps: prep.stages.length }),
  );
  const views = assembleViews({
    rows: viewRows,
    segmentBy,
    stages: prep.stages,
    hasHistory: prep.hasHistory,
    quotas: quotaBlocked(filters) === null ? quotasOf(ctx, range) : null,
    leadsBySource: leadsOf(ctx, range, filters),
    spendByChannel: spendOf(ctx, range, filters),
  });
  return {
    period: formatPeriod(period),
    periodLabel: describePeriod(period, fsm),
    kpis,
    bookings: series.bookings,
    grain,
    extent: prep.extent,
    referenceDate,
    comparison: cmpRange ? { kind: comparisonKind, label: `${cmpRange.start} – ${lastDay(cmpRange)}` } : null,
    sparklines: series.sparklines,
    views,
    currencies: {
      blocked: moneyBlocked,
      perCurrency: moneyBlocked ? perCurrency(ctx, filters, range, referenceDate) : [],
    },
    dimensionValues: prep.dimensionValues,
  };
}

function pickReference(requested: string | null | undefined, latest: string | null): string {
  if (requested && ISO_DATE.test(requested)) return requested;
  return latest ?? new Date().toISOString().slice(0, 10);
}

function lastDay(r: DateRange): string {
  const d = new Date(`${r.end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function extras(row: ExtrasRow, filters: Filters): RangeExtras {
  const spendWhy =
    spendBlocked(filters) ??
    (row.spend_rows === 0 ? 'No spend file is loaded; load sales and marketing spend to compute CAC.' : null);
  const quotaWhy =
    quotaBlocked(filters) ?? (row.quota_rows === 0 ? 'No quotas are loaded; load a quota file to compare with quota.' : null);
  const leadWhy =
    leadsBlocked(filters) ?? (row.lead_rows === 0 ? 'No leads are loaded; load a leads file for the lead ratio.' : null);
  return {
    spend: spendWhy ?? row.spend ?? 0,
    newCustomers: row.new_customers,
    quota: quotaWhy ?? row.quota ?? 0,
    leads: leadWhy ?? { created: row.leads, converted: row.converted },
  };
}

function quotasOf(ctx: AnalyticsContext, range: DateRange | null): RepQuotaRow[] | null {
  const rows = ctx.sql.rows<RepQuotaRow>(quotaByRepQuery(range));
  return rows.length > 0 ? rows : null;
}

function leadsOf(ctx: AnalyticsContext, range: DateRange | null, filters: Filters): LeadSourceRow[] | string {
  const why = leadsBlocked(filters);
  if (why) return why;
  const rows = ctx.sql.rows<LeadSourceRow>(leadsBySourceQuery(range, filters));
  return rows;
}

function spendOf(ctx: AnalyticsContext, range: DateRange | null, filters: Filters) {
  const why = spendBlocked(filters);
  if (why) return why;
  const rows = ctx.sql.rows<ChannelRow>(spendByChannelQuery(range));
  if (rows.length === 0) return 'No spend file is loaded.';
  return rows.map((r) => ({ label: r.channel ?? '(blank)', spend: r.spend }));
}

function perCurrency(ctx: AnalyticsContext, filters: Filters, range: DateRange | null, ref: string) {
  return ctx.sql
    .rows<CurrencyRow>(perCurrencyQuery(filters, range, ref))
    .map((r) => ({ currency: r.currency ?? '(blank)', wonAmount: r.won_amt ?? 0, openAmount: r.open_amt ?? 0 }));
}

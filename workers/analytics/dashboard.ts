// One request → every number and every view the dashboard shows: the tiles (current period
// and both comparisons), the bookings series, the "by X" views and the small tables, from
// aggregates prepared in the worker (dashboard/inputs.ts). Only aggregates leave the worker.
import type { BookingsBucket, DashboardRequest, DashboardResult, DashboardViews, KpiValue } from '../../src/engine-api/types';
import { comparisonRange, previousRange, yearAgoRange } from '../../src/shared/periods/compare';
import { AUTO_PERIOD, defaultPeriod } from '../../src/shared/periods/defaultPeriod';
import {
  addDays,
  describePeriod,
  formatPeriod,
  grainFor,
  parsePeriod,
  periodRange,
  type DateRange,
  type Grain,
} from '../../src/shared/periods/fiscal';
import { bucketRange } from './drill/population';
import { mixedCurrencyReason, perCurrencyQuery, type CurrencyRow } from '../../src/queries/currency';
import type { Filters } from '../../src/shared/filters';
import { leadsBlocked, quotaBlocked, spendBlocked, type ExtrasRow } from '../../src/queries/extras';
import { articleBlocked, articleOf, articleQuery, articleTotals } from '../../src/queries/article';
import { missingInput, missingReason } from '../../src/queries/availability';
import {
  ALL_TIME_KPIS,
  computeKpis,
  type ArticleInput,
  type KpiSettings,
  type RangeExtras,
} from '../../src/features/dashboard/core/kpiCompute';
import { ARTICLE_VARIANTS } from '../../src/shared/kpiVariants';
import type { RangeKey, Ranges } from '../../src/queries/tiles';
import type { AnalyticsContext } from './context';
import { dashboardInputs, type DashboardInputs } from './dashboard/inputs';
import { prepare } from './dashboard/prepare';
import { buildSeries } from './dashboard/series';
import { assembleViews } from './dashboard/views';
import { rowOnlyVariant } from './warehouse/limits';
import { warehouseOf } from './warehouse/state';

export { resetDashboard } from './dashboard/prepare';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DashboardOptions {
  /** Which aggregation path to use; tests compare the two. By default the cube whenever it can answer. */
  readonly path?: 'cube' | 'rows';
}

export function dashboard(ctx: AnalyticsContext, request: DashboardRequest, options: DashboardOptions = {}): DashboardResult {
  const fsm = request.fiscalStartMonth;
  const filters = request.filters ?? {};
  const prep = prepare(ctx);
  const referenceDate = pickReference(request.referenceDate, prep.extent.referenceDate);
  // No period chosen: the fiscal quarter of the reference date (src/shared/periods/defaultPeriod.ts).
  const period = request.period === AUTO_PERIOD ? defaultPeriod(referenceDate, fsm) : parsePeriod(request.period);
  if (!period) throw new Error(`"${request.period}" is not a period; use all, 2017, 2017-Q3, 2017-07 or 2017-02-10..2017-05-31.`);
  const range = periodRange(period, fsm);
  const grain = grainFor(period);
  const ranges: Ranges = range ? { cur: range, prev: previousRange(range), yoy: yearAgoRange(range) } : { cur: null };
  const variants: Record<string, string | undefined> = { ...request.variants };
  // From cube files a median or a lead-linked variant is "not available" (settings.missing), never computed otherwise.
  const fromCubes = warehouseOf(ctx) !== undefined;
  const medians = !fromCubes && ['avg_deal_size', 'avg_sales_cycle_days'].some((id) => variants[id] === 'median');
  const comparisonKind = request.comparison ?? 'previous';
  const cmpRange = range ? comparisonRange(range, comparisonKind) : null;
  const segmentBy = request.segmentBy ?? 'region';
  const inputs = dashboardInputs(ctx, {
    filters,
    ranges,
    comparison: cmpRange,
    referenceDate,
    segmentBy,
    funnelSteps: prep.stages.length,
    medians,
    ...(options.path ? { path: options.path } : {}),
  });
  const moneyBlocked = mixedCurrencyReason(inputs.totals.currencies);
  const settings: KpiSettings = {
    variants,
    grossMargin: request.grossMargin ?? 1,
    churn: request.churn ?? 0,
    moneyBlocked,
    missing: (id, variant) =>
      (fromCubes ? rowOnlyVariant(id, variant) : null) ??
      missingInput(prep.presence, id, variant, range !== null, prep.leadRows > 0),
  };
  const article = fromCubes ? null : articleInputs(ctx, variants, ranges, filters, referenceDate);
  const kpisFor = (key: RangeKey): KpiValue[] | null => {
    const agg = inputs.ranges[key];
    const extrasRow = inputs.extras[key];
    if (!agg || !extrasRow) return null;
    const x = extras(extrasRow, filters);
    const a = article?.(key);
    return computeKpis(agg, inputs.totals, a ? { ...x, article: a } : x, { ...settings, allTime: key === 'cur' && !range });
  };
  const current = kpisFor('cur') ?? [];
  const prev = kpisFor('prev');
  const yoy = kpisFor('yoy');
  const kpis = current.map((k, i) =>
    prev && yoy && !ALL_TIME_KPIS.includes(k.id) ? { ...k, previous: prev[i]?.value ?? null, yearAgo: yoy[i]?.value ?? null } : k,
  );
  const series = buildSeries(inputs.months, range, cmpRange, grain, fsm, prep.extent);
  const bookings = withQuotas(series.bookings, inputs, range, grain);
  const curExtras = inputs.extras.cur ? extras(inputs.extras.cur, filters) : null;
  const views = assembleViews({
    rows: inputs.viewRows,
    segmentBy,
    stages: prep.stages,
    hasHistory: prep.hasHistory,
    quotas: inputs.quotas,
    // Conversion by source drawn from a conversion nobody recorded would be empty bars.
    leadsBySource:
      prep.leadRows > 0 && prep.presence.lead_conversion === 0
        ? `Conversion by source is not available. ${missingReason('lead_conversion', false)}`
        : inputs.leadsBySource,
    spendByChannel: spendOf(inputs.spendByChannel),
    ...(range && inputs.ranges.cur ? { outside: inputs.ranges.cur } : {}),
  });
  return {
    period: formatPeriod(period),
    periodLabel: describePeriod(period, fsm),
    kpis,
    bookings,
    quota: typeof curExtras?.quota === 'number' ? curExtras.quota : null,
    grain,
    extent: prep.extent,
    referenceDate,
    comparison: cmpRange ? { kind: comparisonKind, label: `${cmpRange.start} – ${lastDay(cmpRange)}` } : null,
    sparklines: series.sparklines,
    views,
    currencies: {
      code: prep.currency,
      blocked: moneyBlocked,
      perCurrency: moneyBlocked && !fromCubes ? perCurrency(ctx, filters, range, referenceDate) : [],
    },
    dimensionValues: prep.dimensionValues,
    ...(prep.presence.amount === 0 ? { unavailable: { amounts: missingReason('amount', false) } } : {}),
  };
}

/**
 * The article's lead-pool inputs (docs/kpis.md), only when one of its variants is chosen: the
 * same query on either aggregation path, so the cube and the row road cannot differ on them.
 */
function articleInputs(
  ctx: AnalyticsContext,
  variants: Record<string, string | undefined>,
  ranges: Ranges,
  filters: Filters,
  referenceDate: string,
): ((key: RangeKey) => ArticleInput) | null {
  const wanted = Object.entries(ARTICLE_VARIANTS).some(([id, variant]) => variants[id] === variant);
  if (!wanted) return null;
  const row = ctx.sql.one<Record<string, unknown>>(articleQuery(ranges, filters, referenceDate));
  const totals = articleTotals(row);
  const poolBlocked = articleBlocked(totals, filters);
  const linkBlocked = articleBlocked(totals, {});
  return (key) => ({ agg: articleOf(row, key), poolBlocked, linkBlocked });
}

/** Each bucket's prorated quota (the bucket's days inside the period), when quotas can be shown. */
function withQuotas(
  buckets: readonly BookingsBucket[],
  inputs: DashboardInputs,
  range: DateRange | null,
  grain: Grain,
): BookingsBucket[] {
  const ranges = buckets.map((b) => {
    const r = bucketRange(b.start, grain);
    return range ? { start: r.start < range.start ? range.start : r.start, end: r.end > range.end ? range.end : r.end } : r;
  });
  const quotas = inputs.quotaOf(ranges);
  return buckets.map((b, i) => (quotas ? { ...b, quota: quotas[i] ?? null } : b));
}

export function pickReference(requested: string | null | undefined, latest: string | null): string {
  if (requested && ISO_DATE.test(requested)) return requested;
  return latest ?? new Date().toISOString().slice(0, 10);
}

function lastDay(r: DateRange): string {
  return addDays(r.end, -1);
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

function spendOf(rows: DashboardInputs['spendByChannel']): DashboardViews['spendByChannel'] {
  if (typeof rows === 'string') return rows;
  if (rows.length === 0) return 'No spend file is loaded.';
  return rows.map((r) => ({ label: r.channel ?? '(blank)', spend: r.spend }));
}

function perCurrency(ctx: AnalyticsContext, filters: Filters, range: DateRange | null, ref: string) {
  return ctx.sql
    .rows<CurrencyRow>(perCurrencyQuery(filters, range, ref))
    .map((r) => ({ currency: r.currency ?? '(blank)', wonAmount: r.won_amt ?? 0, openAmount: r.open_amt ?? 0 }));
}

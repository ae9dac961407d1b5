// One request → every number the dashboard shows for a period.
import type { BookingsBucket, DashboardRequest, DashboardResult, DataExtent } from '../../src/engine-api/types';
import { bucketLabels } from '../../src/periods/buckets';
import { describePeriod, formatPeriod, grainFor, parsePeriod, periodRange } from '../../src/periods/fiscal';
import { bookingsSeriesQuery, type BookingsPoint } from '../../src/queries/bookingsSeries';
import { extentQuery, type ExtentRow } from '../../src/queries/extent';
import { kpiValues } from '../../src/queries/kpiResults';
import { kpiSummaryQuery, type KpiRow } from '../../src/queries/kpis';
import type { AnalyticsContext } from './context';

export function dashboard(ctx: AnalyticsContext, request: DashboardRequest): DashboardResult {
  const period = parsePeriod(request.period);
  if (!period) throw new Error(`"${request.period}" is not a period; use all, 2017, 2017-Q3 or 2017-07.`);
  const range = periodRange(period, request.fiscalStartMonth);
  const grain = grainFor(period);
  const kpiRow = ctx.sql.one<KpiRow>(kpiSummaryQuery(range));
  const points = ctx.sql.rows<BookingsPoint>(bookingsSeriesQuery(range, grain, request.fiscalStartMonth));
  const extentRow = ctx.sql.one<ExtentRow>(extentQuery());
  const extent: DataExtent = {
    opportunities: extentRow.opportunities,
    firstClose: extentRow.first_close,
    lastClose: extentRow.last_close,
    referenceDate: extentRow.reference_date,
  };
  const byStart = new Map(points.map((p) => [p.bucket_start, p]));
  // All time runs to the reference date: open deals' expected close dates lie beyond it.
  const span = { firstClose: extent.firstClose, lastClose: extent.referenceDate ?? extent.lastClose };
  const bookings: BookingsBucket[] = bucketLabels(range, grain, span, request.fiscalStartMonth).map((b) => {
    const p = byStart.get(b.start);
    return { ...b, wonAmount: p?.won_amount ?? 0, wonCount: p?.won_count ?? 0 };
  });
  return {
    period: formatPeriod(period),
    periodLabel: describePeriod(period, request.fiscalStartMonth),
    kpis: kpiValues(kpiRow),
    bookings,
    grain,
    extent,
  };
}

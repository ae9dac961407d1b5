// The drill verb: the deals behind one number of the dashboard view in the request, as the
// totals of all of them and one page (docs/drill.md). Sorting, the text filter and paging
// run in the engine, so a page costs the same at a thousand deals and at a million.
import type { DrillRequest, DrillResult, DrillRow, DrillSort } from '../../../src/engine-api/drill';
import { requestedPeriod } from '../../../src/periods/defaultPeriod';
import { describePeriod, grainFor, periodRange } from '../../../src/periods/fiscal';
import { drillPageQuery, drillTotalsQuery, type DrillQueryRequest } from '../../../src/queries/drill';
import type { AnalyticsContext } from '../context';
import { pickReference } from '../dashboard';
import { prepare } from '../dashboard/prepare';

/** A page is at most this many rows; an export asks for all of them page by page. */
export const MAX_PAGE = 100_000;
const DEFAULT_SORT: DrillSort = { column: 'amount', desc: true };

interface TotalsRow {
  readonly count: number;
  readonly amount: number | null;
  readonly amount_n: number;
  readonly weighted: number | null;
  readonly won_n: number;
  readonly won_amt: number | null;
  readonly lost_n: number;
  readonly lost_amt: number | null;
  readonly open_n: number;
  readonly open_amt: number | null;
  readonly won_cycle: number | null;
  readonly closed_cycle: number | null;
  readonly accounts: number;
  readonly currencies: string | null;
  readonly matched: number;
}

export function drill(ctx: AnalyticsContext, request: DrillRequest): DrillResult {
  const dash = request.dashboard;
  const prep = prepare(ctx);
  const referenceDate = pickReference(dash.referenceDate, prep.extent.referenceDate);
  // A link without a period drills the dashboard's default, the quarter of the reference date.
  const period = requestedPeriod(dash.period, referenceDate, dash.fiscalStartMonth);
  if (!period) throw new Error(`"${dash.period}" is not a period; use all, 2017, 2017-Q3, 2017-07 or 2017-02-10..2017-05-31.`);
  const label = describePeriod(period, dash.fiscalStartMonth);
  const req: DrillQueryRequest = {
    scope: {
      range: periodRange(period, dash.fiscalStartMonth),
      referenceDate,
      segmentBy: dash.segmentBy ?? 'region',
      variants: { ...dash.variants },
      grain: grainFor(period),
      stages: prep.stages.map((s) => s.stage),
      periodWords: period.kind === 'all' ? 'at any time' : `in ${label}`,
      fiscalStartMonth: dash.fiscalStartMonth,
    },
    filters: dash.filters ?? {},
    target: request.target,
    search: request.search ?? '',
  };
  const totalsQuery = drillTotalsQuery(req);
  const t = ctx.sql.one<TotalsRow>(totalsQuery);
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const limit = Math.min(MAX_PAGE, Math.max(1, Math.floor(request.limit ?? 50)));
  const rows = ctx.sql.rows<DrillRow>(drillPageQuery(req, request.sort ?? DEFAULT_SORT, offset, limit));
  const currencies = t.currencies ? t.currencies.split('\n') : [];
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
  };
}

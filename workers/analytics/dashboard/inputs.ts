// The aggregates one dashboard request needs, from one of two paths that give the same
// numbers: the monthly cubes (month-aligned periods without medians: a period change is a
// fold in memory) or the row-level fact table (custom day ranges and medians).
import {
  monthAligned,
  foldExtras,
  foldLeadsBySource,
  foldMonths,
  foldQuotaByRep,
  foldRange,
  foldSpendByChannel,
  foldViews,
} from '../../../src/features/dashboard/core/cubeFold';
import type { DateRange } from '../../../src/shared/periods/fiscal';
import { extrasOf, extrasQuery, leadsBlocked, quotaBlocked, spendBlocked, type ExtrasRow } from '../../../src/queries/extras';
import type { Dimension, Filters } from '../../../src/shared/filters';
import { monthSeriesQuery, type MonthRow } from '../../../src/features/dashboard/core/series';
import { quotaBucketsQuery } from '../../../src/features/dashboard/core/targets';
import {
  leadsBySourceQuery,
  quotaByRepQuery,
  spendByChannelQuery,
  type ChannelRow,
  type LeadSourceRow,
  type RepQuotaRow,
} from '../../../src/queries/sideTables';
import {
  RANGE_KEYS,
  splitTiles,
  tilesQuery,
  type RangeAgg,
  type RangeKey,
  type Ranges,
  type TotalsAgg,
} from '../../../src/queries/tiles';
import { viewsQuery, type ViewRow } from '../../../src/features/dashboard/core/views';
import type { AnalyticsContext } from '../context';
import { monthsFor } from './monthly';
import { notAtScale, warehouseOf } from '../warehouse/state';

export interface InputsRequest {
  readonly filters: Filters;
  readonly ranges: Ranges;
  readonly comparison: DateRange | null;
  readonly referenceDate: string;
  readonly segmentBy: Dimension;
  readonly funnelSteps: number;
  readonly medians: boolean;
  /** Force one path (tests compare them); by default the cube answers whenever it can. */
  readonly path?: 'cube' | 'rows';
}

export interface DashboardInputs {
  readonly path: 'cube' | 'rows';
  readonly ranges: Partial<Record<RangeKey, RangeAgg>>;
  readonly totals: TotalsAgg;
  readonly extras: Partial<Record<RangeKey, ExtrasRow>>;
  readonly months: readonly MonthRow[];
  readonly viewRows: readonly ViewRow[];
  /** Null when no quotas are loaded or the filters block them. */
  readonly quotas: readonly RepQuotaRow[] | null;
  /** A string says why leads are not shown. */
  readonly leadsBySource: readonly LeadSourceRow[] | string;
  readonly spendByChannel: readonly ChannelRow[] | string;
  /** Each range's prorated quota (the bookings chart's target line); null when quotas are missing or blocked. */
  quotaOf(ranges: readonly DateRange[]): (number | null)[] | null;
}

const keysOf = (ranges: Ranges): RangeKey[] => RANGE_KEYS.filter((k) => ranges[k] !== undefined);

export function dashboardInputs(ctx: AnalyticsContext, req: InputsRequest): DashboardInputs {
  const cur = req.ranges.cur ?? null;
  const cubeCan = !req.medians && monthAligned(cur) && monthAligned(req.comparison);
  if (!cubeCan && warehouseOf(ctx)) {
    throw new Error(
      notAtScale(
        'A period of single days',
        'cube files hold whole calendar months. Choose a month, quarter or year, or all time.',
      ),
    );
  }
  const path = req.path ?? (cubeCan ? 'cube' : 'rows');
  if (path === 'cube' && !cubeCan) throw new Error('The monthly cube cannot answer day ranges or medians.');
  return path === 'cube' ? fromCube(ctx, req) : fromRows(ctx, req);
}

function fromCube(ctx: AnalyticsContext, req: InputsRequest): DashboardInputs {
  const data = monthsFor(ctx, req);
  const cur = req.ranges.cur ?? null;
  const ranges: Partial<Record<RangeKey, RangeAgg>> = {};
  const extras: Partial<Record<RangeKey, ExtrasRow>> = {};
  for (const key of keysOf(req.ranges)) {
    ranges[key] = foldRange(data, req.ranges[key] ?? null);
    extras[key] = foldExtras(data, req.ranges[key] ?? null);
  }
  const t = data.totals;
  const quotas = quotaBlocked(req.filters) === null ? foldQuotaByRep(data, cur) : [];
  const spendWhy = spendBlocked(req.filters);
  return {
    path: 'cube',
    ranges,
    totals: {
      all_won_amt: t.all_won_amt,
      all_won_accounts: t.all_won_accounts,
      y_won_amt: t.y_won_amt,
      y_won_accounts: t.y_won_accounts,
      currencies: t.currencies ? t.currencies.split('\n') : [],
    },
    extras,
    months: foldMonths(data, cur, req.comparison),
    viewRows: foldViews(data, cur),
    quotas: quotas.length > 0 ? quotas : null,
    leadsBySource: leadsBlocked(req.filters) ?? foldLeadsBySource(data, cur),
    spendByChannel: spendWhy ?? foldSpendByChannel(data, cur),
    quotaOf: (list) => (quotas.length > 0 ? list.map((r) => foldExtras(data, r).quota) : null),
  };
}

function fromRows(ctx: AnalyticsContext, req: InputsRequest): DashboardInputs {
  const cur = req.ranges.cur ?? null;
  const keys = keysOf(req.ranges);
  const tiles = splitTiles(
    ctx.sql.one(tilesQuery({ filters: req.filters, ranges: req.ranges, referenceDate: req.referenceDate, medians: req.medians })),
    keys,
  );
  const extrasRow = ctx.sql.one<Record<string, unknown>>(extrasQuery(req.ranges, req.filters));
  const extras: Partial<Record<RangeKey, ExtrasRow>> = {};
  for (const key of keys) extras[key] = extrasOf(extrasRow, key);
  const quotas = quotaBlocked(req.filters) === null ? ctx.sql.rows<RepQuotaRow>(quotaByRepQuery(cur)) : [];
  const spendWhy = spendBlocked(req.filters);
  return {
    path: 'rows',
    ranges: tiles.ranges,
    totals: tiles.totals,
    extras,
    months: ctx.sql.rows<MonthRow>(monthSeriesQuery(req.filters, cur, req.comparison)),
    viewRows: ctx.sql.rows<ViewRow>(
      viewsQuery({
        filters: req.filters,
        range: cur,
        referenceDate: req.referenceDate,
        segmentBy: req.segmentBy,
        funnelSteps: req.funnelSteps,
      }),
    ),
    quotas: quotas.length > 0 ? quotas : null,
    leadsBySource: leadsBlocked(req.filters) ?? ctx.sql.rows<LeadSourceRow>(leadsBySourceQuery(cur, req.filters)),
    spendByChannel: spendWhy ?? ctx.sql.rows<ChannelRow>(spendByChannelQuery(cur)),
    quotaOf: (list) => {
      if (quotas.length === 0) return null;
      const row = ctx.sql.one<Record<string, unknown>>(quotaBucketsQuery(list, req.filters));
      return list.map((_, i) => {
        const v = row[`q${i}`];
        return typeof v === 'number' ? v : 0;
      });
    },
  };
}

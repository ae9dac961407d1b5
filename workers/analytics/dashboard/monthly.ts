// The monthly cubes of the loaded data and, per filter set, the months read from them — kept
// so that changing the period folds rows already in the worker and runs no query, and going
// back to a recent filter set runs none either. Rebuilt after an import or a new reference date.
import { closedCubeSql, createdCubeSql, sideCubeSql, wonAccountsCubeSql } from '../../../src/queries/cubeTables';
import {
  closedMonthsQuery,
  createdMonthsQuery,
  sideCountsQuery,
  sideMonthsQuery,
  totalsQuery,
  type ClosedMonthRow,
  type CreatedMonthRow,
  type SideCountsRow,
  type SideMonthRow,
  type TotalsRow,
} from '../../../src/queries/cubeReads';
import type { MonthData } from '../../../src/queries/cubeFold';
import type { Dimension, Filters } from '../../../src/queries/filters';
import { DIMENSIONS } from '../../../src/queries/filters';
import type { AnalyticsContext } from '../context';

/** Filter sets remembered per reference date: enough for a session of cross-filtering back and forth. */
const REMEMBERED = 16;

export interface FilteredMonths extends MonthData {
  readonly totals: TotalsRow;
}

interface CubeState {
  /** The reference date the close-month cube was built for (open-at and aging depend on it). */
  referenceDate: string | null;
  readonly counts: SideCountsRow;
  readonly byFilters: Map<string, FilteredMonths>;
}

const states = new WeakMap<AnalyticsContext, CubeState>();

/** Forget the cubes: the next request rebuilds them (after every import). */
export function resetMonthly(ctx: AnalyticsContext): void {
  states.delete(ctx);
}

/** A stable key for a filter set: the same selection in another order is the same set. */
function filterKey(filters: Filters, segmentBy: Dimension, funnelSteps: number): string {
  const parts = DIMENSIONS.filter((d) => (filters[d]?.length ?? 0) > 0).map((d) => [
    d,
    [...(filters[d] ?? [])].sort((a, b) => (a ?? '\u0000').localeCompare(b ?? '\u0000')),
  ]);
  return JSON.stringify([segmentBy, funnelSteps, parts]);
}

function ensureCubes(ctx: AnalyticsContext, referenceDate: string): CubeState {
  let state = states.get(ctx);
  if (!state) {
    ctx.sql.run(createdCubeSql());
    for (const q of sideCubeSql()) ctx.sql.run(q);
    state = { referenceDate: null, counts: ctx.sql.one<SideCountsRow>(sideCountsQuery()), byFilters: new Map() };
    states.set(ctx, state);
  }
  if (state.referenceDate !== referenceDate) {
    ctx.sql.run(closedCubeSql(referenceDate));
    ctx.sql.run(wonAccountsCubeSql(referenceDate));
    state.referenceDate = referenceDate;
    state.byFilters.clear();
  }
  return state;
}

export function monthsFor(
  ctx: AnalyticsContext,
  request: { filters: Filters; segmentBy: Dimension; funnelSteps: number; referenceDate: string },
): FilteredMonths {
  const state = ensureCubes(ctx, request.referenceDate);
  const key = filterKey(request.filters, request.segmentBy, request.funnelSteps);
  const known = state.byFilters.get(key);
  if (known) {
    // Most recently used last: the oldest entry is the first to go.
    state.byFilters.delete(key);
    state.byFilters.set(key, known);
    return known;
  }
  const months: FilteredMonths = {
    closed: ctx.sql.rows<ClosedMonthRow>(closedMonthsQuery(request.filters, request.segmentBy)),
    created: ctx.sql.rows<CreatedMonthRow>(createdMonthsQuery(request.filters, request.funnelSteps)),
    side: ctx.sql.rows<SideMonthRow>(sideMonthsQuery(request.filters)),
    totals: ctx.sql.one<TotalsRow>(totalsQuery(request.filters)),
    counts: state.counts,
    funnelSteps: request.funnelSteps,
  };
  state.byFilters.set(key, months);
  const oldest = state.byFilters.keys().next();
  if (state.byFilters.size > REMEMBERED && !oldest.done) state.byFilters.delete(oldest.value);
  return months;
}

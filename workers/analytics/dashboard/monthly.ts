// The monthly cubes of the loaded data, held in the worker's memory as columns, and per
// filter set the months scanned from them — so a period change folds rows already at hand,
// a filter change is a pass over dictionary codes, and a recent filter set costs nothing.
// Rebuilt after an import or a new reference date.
import { filterMask, type ColumnCube } from '../../../src/queries/columnCube';
import { scanClosed, scanCreated, scanTotals } from '../../../src/features/dashboard/core/cubeScan';
import { closedCubeLoad, createdCubeLoad, sideCubeSql, wonCubeLoad } from '../../../src/features/dashboard/core/cubeTables';
import {
  sideCountsQuery,
  staticSideMonthsQuery,
  filteredSideMonthsQuery,
  type SideCountsRow,
  type SideMonthRow,
  type TotalsRow,
} from '../../../src/features/dashboard/core/cubeReads';
import type { MonthData } from '../../../src/features/dashboard/core/cubeFold';
import { DIMENSIONS, type Dimension, type Filters } from '../../../src/shared/filters';
import type { AnalyticsContext } from '../context';
import { loadCube } from './cubeLoader';
import { notAtScale, warehouseOf } from '../warehouse/state';

/** Filter sets remembered per reference date: enough for a session of cross-filtering back and forth. */
const REMEMBERED = 16;

export interface FilteredMonths extends MonthData {
  readonly totals: TotalsRow;
}

interface CubeState {
  /** The reference date the close-month cube was built for (open-at and aging depend on it). */
  referenceDate: string | null;
  readonly created: ColumnCube;
  closed: ColumnCube | null;
  won: ColumnCube | null;
  readonly counts: SideCountsRow;
  /** Spend, quota by rep and first wins by month: no filter changes them. */
  readonly staticSide: readonly SideMonthRow[];
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

function ensureCubes(ctx: AnalyticsContext, referenceDate: string): CubeState & { closed: ColumnCube; won: ColumnCube } {
  let state = states.get(ctx);
  const cubes = warehouseOf(ctx);
  if (!state && cubes) {
    // Cube files: the cubes were read at open, the side tables loaded into the engine.
    state = {
      referenceDate: cubes.manifest.referenceDate,
      created: cubes.created,
      closed: cubes.closed,
      won: cubes.won,
      counts: cubes.counts,
      staticSide: ctx.sql.rows<SideMonthRow>(staticSideMonthsQuery()),
      byFilters: new Map(),
    };
    states.set(ctx, state);
  }
  if (!state) {
    for (const q of sideCubeSql()) ctx.sql.run(q);
    state = {
      referenceDate: null,
      created: loadCube(ctx, createdCubeLoad()),
      closed: null,
      won: null,
      counts: ctx.sql.one<SideCountsRow>(sideCountsQuery()),
      staticSide: ctx.sql.rows<SideMonthRow>(staticSideMonthsQuery()),
      byFilters: new Map(),
    };
    states.set(ctx, state);
  }
  if (state.referenceDate !== referenceDate) {
    if (cubes) {
      throw new Error(
        notAtScale(
          `A reference date of ${referenceDate}`,
          `the cubes were built as of ${cubes.manifest.referenceDate} (open deals, past due, aging and CLV's year depend on it). Remove ref= from the link, or rebuild the cubes for that date.`,
        ),
      );
    }
    state.closed = loadCube(ctx, closedCubeLoad(referenceDate));
    state.won = loadCube(ctx, wonCubeLoad(referenceDate));
    state.referenceDate = referenceDate;
    state.byFilters.clear();
  }
  const { closed, won } = state;
  if (!closed || !won) throw new Error('The dashboard cubes were not built.');
  return { ...state, closed, won };
}

/**
 * The close-month cube if it is already built for this reference date, else null: the drill
 * takes its totals from it when it can (docs/drill.md) but never builds one for that.
 */
export function builtClosedCube(ctx: AnalyticsContext, referenceDate: string): ColumnCube | null {
  const state = states.get(ctx);
  return state?.closed && state.referenceDate === referenceDate ? state.closed : null;
}

/** The close-month cube for a reference date, which the pivot folds (docs/pivot.md). */
export function closedCubeFor(ctx: AnalyticsContext, referenceDate: string): ColumnCube {
  return ensureCubes(ctx, referenceDate).closed;
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
  const closedKeep = filterMask(state.closed, request.filters);
  const months: FilteredMonths = {
    closed: scanClosed(state.closed, closedKeep, request.segmentBy),
    created: scanCreated(state.created, filterMask(state.created, request.filters), request.funnelSteps),
    side:
      state.counts.quota_rows + state.counts.lead_rows > 0
        ? [...state.staticSide, ...ctx.sql.rows<SideMonthRow>(filteredSideMonthsQuery(request.filters))]
        : state.staticSide,
    totals: scanTotals(state.won, filterMask(state.won, request.filters), state.closed, closedKeep),
    counts: state.counts,
    funnelSteps: request.funnelSteps,
  };
  state.byFilters.set(key, months);
  const oldest = state.byFilters.keys().next();
  if (state.byFilters.size > REMEMBERED && !oldest.done) state.byFilters.delete(oldest.value);
  return months;
}

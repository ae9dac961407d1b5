// The movement verb: the view's pipeline at two dates and the steps between them, from stage
// history (docs/movement.md). Without history there is nothing to compare, and it says so.
import type { DashboardRequest } from '../../src/engine-api/types';
import {
  MOVEMENT_STEPS,
  type MovementFigure,
  type MovementRequest,
  type MovementResult,
  type MovementSnapshots,
  type MovementStep,
} from '../../src/features/dashboard/movement/contract';
import { requestedPeriod } from '../../src/shared/periods/defaultPeriod';
import { addDays, describePeriod, periodRange, type Period } from '../../src/shared/periods/fiscal';
import {
  movementStepsQuery,
  movementTotalsQuery,
  removedQuery,
  withoutHistoryQuery,
  type MovementScope,
} from '../../src/features/dashboard/movement/movementSql';
import { snapshotFilesSql } from '../../src/mapping/snapshots';
import type { AnalyticsContext } from './context';
import { pickReference } from './dashboard';
import { prepare } from './dashboard/prepare';

/** The default window: the 7 days up to the reference date. */
export const DEFAULT_DAYS = 7;

interface TotalsRow {
  readonly a_n: number;
  readonly a_cents: number;
  readonly b_n: number;
  readonly b_cents: number;
  readonly unchanged: number;
  readonly blank: number;
  readonly currencies: string | null;
}

/** The view's period ("auto": the fiscal quarter of the reference date, as the dashboard opens). */
export function viewPeriod(dash: DashboardRequest, referenceDate: string): Period {
  const period = requestedPeriod(dash.period, referenceDate, dash.fiscalStartMonth);
  if (!period) throw new Error(`"${dash.period}" is not a period; use all, 2017, 2017-Q3, 2017-07 or 2017-02-10..2017-05-31.`);
  return period;
}

/** The two snapshots loaded, earlier first (none: movement reads stage history). */
export function loadedSnapshots(ctx: AnalyticsContext): MovementSnapshots | null {
  const rows = ctx.sql.rows<{ as_of: string; file: string }>(snapshotFilesSql());
  const [earlier, later] = rows;
  return rows.length === 2 && earlier && later
    ? { earlier: { date: earlier.as_of, file: earlier.file }, later: { date: later.as_of, file: later.file } }
    : null;
}

/**
 * The scope of a movement request: its dates, the view's period and filters. Two snapshots
 * fix the dates to theirs: between them nothing is known, so another window is not read.
 */
export function movementScope(ctx: AnalyticsContext, request: MovementRequest): MovementScope & { label: string } {
  const prep = prepare(ctx);
  const dash = request.dashboard;
  const referenceDate = pickReference(dash.referenceDate, prep.extent.referenceDate);
  const snapshots = loadedSnapshots(ctx);
  const to = snapshots?.later.date ?? request.window?.to ?? referenceDate;
  const from = snapshots?.earlier.date ?? request.window?.from ?? addDays(to, -DEFAULT_DAYS);
  const period = viewPeriod(dash, referenceDate);
  return {
    from,
    to,
    range: periodRange(period, dash.fiscalStartMonth),
    filters: dash.filters ?? {},
    label: describePeriod(period, dash.fiscalStartMonth),
    ...(snapshots ? { snapshots: true } : {}),
  };
}

export function movement(ctx: AnalyticsContext, request: MovementRequest): MovementResult {
  const scope = movementScope(ctx, request);
  const { from, to } = scope;
  if (!(from < to)) return { available: false, from, to, reason: `The first date (${from}) must be before the second (${to}).` };
  const snapshots = scope.snapshots ? loadedSnapshots(ctx) : null;
  if (!snapshots && !prepare(ctx).hasHistory)
    return {
      available: false,
      from,
      to,
      reason:
        'Pipeline movement needs each deal’s past: a stage history file (opportunity id, date of the change, amount, expected close date; stage optional), or two snapshots of the same deals export (last week’s and this week’s, with their dates in the file names or an "As of" column). Drop them with the deals.',
    };
  const t = ctx.sql.one<TotalsRow>(movementTotalsQuery(scope));
  const currencies = t.currencies ? t.currencies.split('\n') : [];
  if (currencies.length > 1)
    return {
      available: false,
      from,
      to,
      reason: `The deals of this pipeline are in ${currencies.join(', ')}: their amounts are not added up. Filter to one currency.`,
    };
  const found = new Map<string, { n: number; cents: number }>();
  for (const row of ctx.sql.rows<{ step: string; n: number; cents: number }>(movementStepsQuery(scope))) found.set(row.step, row);
  const steps = MOVEMENT_STEPS.map((step: MovementStep) => ({
    step,
    count: found.get(step)?.n ?? 0,
    cents: found.get(step)?.cents ?? 0,
  }));
  return {
    available: true,
    from,
    to,
    periodLabel: scope.label,
    currency: currencies[0] ?? null,
    start: { count: t.a_n, cents: t.a_cents },
    steps,
    end: { count: t.b_n, cents: t.b_cents },
    unchanged: t.unchanged,
    // Every deal of the later snapshot has a row at its date: none is without history.
    withoutHistory: snapshots ? 0 : ctx.sql.one<{ n: number }>(withoutHistoryQuery(scope)).n,
    withoutAmount: t.blank,
    ...(snapshots ? { snapshots, removed: removedOf(ctx, scope) } : {}),
  };
}

function removedOf(ctx: AnalyticsContext, scope: MovementScope): MovementFigure {
  const r = ctx.sql.one<{ n: number; cents: number }>(removedQuery(scope));
  return { count: r.n, cents: r.cents };
}

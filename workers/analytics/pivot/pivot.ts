// The pivot verb (docs/pivot.md): one measure over rows × columns under the dashboard view in
// the request, with every total computed from the deals, one page of rows at a time.
import {
  type PivotCell,
  type PivotDim,
  type PivotFigure,
  type PivotKey,
  type PivotMeasure,
  type PivotRequest,
  type PivotResult,
} from '../../../src/features/pivot/contract';
import { requestedPeriod } from '../../../src/shared/periods/defaultPeriod';
import { describePeriod, periodRange } from '../../../src/shared/periods/fiscal';
import { mixedCurrencyReason } from '../../../src/queries/currency';
import { pivotKeyLabel } from '../../../src/features/pivot/core/pivotKeys';
import { pivotCurrencyQuery, pivotQuery, type PivotRow } from '../../../src/features/pivot/core/pivotSql';
import { pivotFromCube } from '../../../src/features/pivot/core/pivotCube';
import { filterMask } from '../../../src/queries/columnCube';
import { monthAligned } from '../../../src/features/dashboard/core/cubeFold';
import type { AnalyticsContext } from '../context';
import { closedCubeFor } from '../dashboard/monthly';
import { pickReference } from '../dashboard';
import { prepare } from '../dashboard/prepare';

export const MAX_PIVOT_ROWS = 500;
export const MAX_PIVOT_COLS = 100;

const POPULATION_WORDS: Record<PivotMeasure, string> = {
  won_amount: 'Won deals closed',
  won_count: 'Won deals closed',
  cycle: 'Won deals closed',
  win_rate: 'Won and lost deals closed',
  pipeline: 'Deals open at the reference date expected to close',
};

export function pivot(ctx: AnalyticsContext, request: PivotRequest): PivotResult {
  const dash = request.dashboard;
  const fsm = dash.fiscalStartMonth;
  const prep = prepare(ctx);
  const referenceDate = pickReference(dash.referenceDate, prep.extent.referenceDate);
  // No period chosen: the dashboard's default, the fiscal quarter of the reference date.
  const period = requestedPeriod(dash.period, referenceDate, fsm);
  if (!period) throw new Error(`"${dash.period}" is not a period; use all, 2017, 2017-Q3, 2017-07 or 2017-02-10..2017-05-31.`);
  const filters = dash.filters ?? {};
  const rowOffset = Math.max(0, Math.floor(request.rowOffset ?? 0));
  const rowLimit = Math.min(MAX_PIVOT_ROWS, Math.max(1, Math.floor(request.rowLimit ?? 50)));
  const colLimit = Math.min(MAX_PIVOT_COLS, Math.max(1, Math.floor(request.colLimit ?? 40)));
  const range = periodRange(period, fsm);
  const road = request.road ?? (monthAligned(range) ? 'cube' : 'rows');
  if (road === 'cube' && !monthAligned(range)) throw new Error('The monthly cube cannot answer a pivot over a day range.');
  const shape = { rows: request.rows, cols: request.cols, measure: request.measure, rowOffset, rowLimit, colLimit };
  let rows: PivotRow[];
  let currencies: () => string[];
  if (road === 'cube') {
    const cube = closedCubeFor(ctx, referenceDate);
    const folded = pivotFromCube({
      ...shape,
      cube,
      keep: filterMask(cube, filters),
      range,
      fiscalStartMonth: fsm,
      stageOrder: stageOrderOf(ctx),
    });
    rows = folded.rows;
    currencies = () => folded.currencies;
  } else {
    rows = ctx.sql.rows<PivotRow>(pivotQuery({ ...shape, filters, range, referenceDate, fiscalStartMonth: fsm }));
    currencies = () => {
      const row = ctx.sql.one<{ currencies: string | null }>(pivotCurrencyQuery(filters));
      return row.currencies ? row.currencies.split('\n') : [];
    };
  }
  // The tiles withhold money when won and open deals carry several currencies; so does the pivot.
  // One currency in the whole data (or none named) cannot mix: the check is skipped then.
  const money = request.measure === 'won_amount' || request.measure === 'pipeline';
  const moneyBlocked = money && prep.currency === null ? mixedCurrencyReason(currencies()) : null;
  const rowKeys: PivotKey[] = [];
  const colKeys: PivotKey[] = [];
  const cells: PivotCell[] = [];
  let grand = false;
  for (const row of rows) {
    const r = row.gr === 1 ? -1 : (row.ri ?? 0) - rowOffset;
    const c = row.gc === 1 ? -1 : (row.ci ?? 0);
    if (r >= 0 && c === -1) rowKeys[r] = keyOf(request.rows, row.r, fsm);
    if (c >= 0 && r === -1) colKeys[c] = keyOf(request.cols, row.c, fsm);
    if (r === -1 && c === -1) grand = true;
    cells.push({ r, c, ...figure(request.measure, row, moneyBlocked !== null) });
  }
  // No deal at all: the grand total still says what the tile says (nothing won is 0, no rate).
  if (!grand) cells.push({ r: -1, c: -1, ...figure(request.measure, null, moneyBlocked !== null) });
  const first = rows[0];
  const label = describePeriod(period, fsm);
  return {
    measure: request.measure,
    rows: request.rows,
    cols: request.cols,
    rowKeys,
    colKeys,
    rowOffset,
    rowCount: first?.row_n ?? 0,
    colCount: first?.col_n ?? 0,
    cells,
    moneyBlocked,
    periodLabel: label,
    referenceDate,
    population: `${POPULATION_WORDS[request.measure]} ${period.kind === 'all' ? 'at any time' : `in ${label}`}`,
  };
}

/** Funnel place of every stage that is not a lost one (the fact table's stage_ord), once per import. */
const stageOrders = new WeakMap<object, ReadonlyMap<string, number>>();

function stageOrderOf(ctx: AnalyticsContext): ReadonlyMap<string, number> {
  const prep = prepare(ctx);
  let order = stageOrders.get(prep);
  if (!order) {
    const rows = ctx.sql.rows<{ stage: string; ord: number }>({
      sql: `SELECT stage, ord FROM dash_stages WHERE kind <> 'lost' AND ord IS NOT NULL`,
      params: [],
    });
    order = new Map(rows.map((r) => [r.stage, r.ord]));
    stageOrders.set(prep, order);
  }
  return order;
}

/** The measure of a group of deals (null row: no deals), following the tile of the same name (docs/kpis.md). */
export function figure(measure: PivotMeasure, row: PivotRow | null, moneyBlocked: boolean): PivotFigure {
  const n = row?.n ?? 0;
  const won = row?.won_n ?? 0;
  // Σ of no deals is 0; Σ over deals none of which has an amount is no number at all.
  const amount = moneyBlocked ? null : n === 0 ? 0 : (row?.amt_n ?? 0) > 0 ? (row?.amt ?? null) : null;
  const value = (() => {
    switch (measure) {
      case 'won_amount':
      case 'pipeline':
        return amount;
      case 'won_count':
        return n;
      case 'win_rate':
        return n > 0 ? won / n : null;
      case 'cycle':
        return row?.cyc ?? null;
    }
  })();
  return { value, count: n, amount, won };
}

function keyOf(dim: PivotDim | null, key: string | null, fsm: number): PivotKey {
  return { key, label: pivotKeyLabel(dim, key, fsm) };
}

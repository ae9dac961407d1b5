// The pivot folded from the dashboard's close-month cube (docs/pivot.md, "Two roads"): the
// cube already holds every deal grouped by close month, status, open-at-the-reference-date,
// past due, stage, currency and the eight filter dimensions, with the sums and counts every
// pivot measure is made of — so a month-aligned pivot is one pass over about a quarter of a
// million rows in memory instead of a scan of the fact table. It gives the very rows
// pivotQuery gives (cells, row, column and grand totals, ranked keys, one page), so the verb
// reads either road the same way.
import { PAST_DUE_KEY, PERIOD_DIMS, type PivotDim } from '../contract';
import type { DateRange } from '../../../shared/periods/fiscal';
import { closedCubeColumns, numColumn, textColumn, type ColumnCube, type RowMask } from '../../../queries/columnCube';
import type { PivotLayout, PivotRow } from './pivotSql';

export interface PivotCubeRequest extends PivotLayout {
  readonly cube: ColumnCube;
  /** The dashboard's filters as a row mask over the cube (columnCube.ts filterMask). */
  readonly keep: RowMask;
  /** Month-aligned (cubeFold.ts monthAligned), or null for all time. */
  readonly range: DateRange | null;
  /** Funnel place of each stage that is not a lost stage (the fact table's stage_ord). */
  readonly stageOrder: ReadonlyMap<string, number>;
}

export interface PivotCubeResult {
  readonly rows: PivotRow[];
  /** Currencies of won and open deals under the filters (the tiles' money check), sorted. */
  readonly currencies: string[];
}

/** Sums and counts of a group of deals. Amounts are summed in whole cents, exactly as SQL sums DECIMAL(18,2). */
interface Acc {
  n: number;
  cents: number;
  amtN: number;
  wonN: number;
  cycSum: number;
  cycN: number;
}

const emptyAcc = (): Acc => ({ n: 0, cents: 0, amtN: 0, wonN: 0, cycSum: 0, cycN: 0 });

/** One axis: each cube row's key as a small integer, and the keys those integers stand for. */
interface Axis {
  readonly keys: readonly (string | null)[];
  keyOf(i: number): number;
}

/** The first day of the fiscal month, quarter or year a close month (YYYY-MM-01) falls in (pivot.ts dimKeySql). */
function periodStart(month: string, dim: PivotDim, fsm: number): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const back = dim === 'month' ? 0 : (m - fsm + 12) % (dim === 'quarter' ? 3 : 12);
  const index = year * 12 + (m - 1) - back;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function axisOf(cube: ColumnCube, dim: PivotDim | null, fsm: number): Axis | null {
  if (!dim) return null;
  if (!PERIOD_DIMS.includes(dim)) {
    const col = textColumn(cube, dim);
    return { keys: col.dict, keyOf: (i) => col.codes[i] ?? 0 };
  }
  // Period keys: the bucket of the close month; an open deal already past due is "past due".
  const cm = textColumn(cube, 'cm');
  const isOpen = numColumn(cube, 'is_open');
  const pastDue = numColumn(cube, 'past_due');
  const keys: (string | null)[] = [];
  const ids = new Map<string | null, number>();
  const idOf = (key: string | null) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      ids.set(key, id);
    }
    return id;
  };
  const byMonth = cm.dict.map((m) => idOf(m === null ? null : periodStart(m, dim, fsm)));
  const due = idOf(PAST_DUE_KEY);
  return {
    keys,
    keyOf: (i) => (isOpen[i] === 1 && pastDue[i] === 1 ? due : (byMonth[cm.codes[i] ?? 0] ?? 0)),
  };
}

/** Strings in code point order, as the engine compares them (byte order of UTF-8). */
function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n;) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/** Key order (pivot.ts sortSql): periods by date with "past due" first, stages in funnel order (lost after), text A→Z; blank last. */
function keyOrder(dim: PivotDim, stageOrder: ReadonlyMap<string, number>): (a: string | null, b: string | null) => number {
  return (a, b) => {
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    if (PERIOD_DIMS.includes(dim)) {
      if (a === PAST_DUE_KEY || b === PAST_DUE_KEY) return a === b ? 0 : a === PAST_DUE_KEY ? -1 : 1;
    } else if (dim === 'stage') {
      const d = (stageOrder.get(a) ?? 99999) - (stageOrder.get(b) ?? 99999);
      if (d !== 0) return d;
    }
    return compareText(a, b);
  };
}

/** The key ids that have deals, ranked: id → place (or -1). */
function rank(axis: Axis, present: Map<number, Acc>, order: (a: string | null, b: string | null) => number): Int32Array {
  const ranked = [...present.keys()].sort((x, y) => order(axis.keys[x] ?? null, axis.keys[y] ?? null));
  const place = new Int32Array(axis.keys.length).fill(-1);
  ranked.forEach((id, i) => (place[id] = i));
  return place;
}

export function pivotFromCube(req: PivotCubeRequest): PivotCubeResult {
  const { cube, keep, range } = req;
  const { cm, status, currency, isOpen, pastDue, n, amt, amtN, cycSum, cycN } = closedCubeColumns(cube);
  // Closed in the period: the close month lies in the range (every deal, dated or not, for all time).
  const monthIn = cm.dict.map((m) => range === null || (m !== null && m >= range.start && m < range.end));
  const won = status.dict.map((s) => s === 'won');
  const closed = status.dict.map((s) => s === 'won' || s === 'lost');
  const moneySeen = status.dict.map((s) => s === 'won' || s === 'open');
  const currencySeen = new Uint8Array(currency.dict.length);
  const rAxis = axisOf(cube, req.rows, req.fiscalStartMonth);
  const cAxis = axisOf(cube, req.cols, req.fiscalStartMonth);
  const width = (cAxis?.keys.length ?? 0) + 1;
  const cells = new Map<number, Acc>();
  const rowTotals = new Map<number, Acc>();
  const colTotals = new Map<number, Acc>();
  const grand = emptyAcc();
  const accOf = (map: Map<number, Acc>, id: number) => {
    let acc = map.get(id);
    if (!acc) {
      acc = emptyAcc();
      map.set(id, acc);
    }
    return acc;
  };
  const add = (acc: Acc, i: number, isWon: boolean) => {
    acc.n += n[i] ?? 0;
    const a = amt[i] ?? NaN;
    if (!Number.isNaN(a)) acc.cents += Math.round(a * 100);
    acc.amtN += amtN[i] ?? 0;
    if (isWon) acc.wonN += n[i] ?? 0;
    const c = cycSum[i] ?? NaN;
    if (!Number.isNaN(c)) acc.cycSum += c;
    acc.cycN += cycN[i] ?? 0;
  };
  for (let i = 0; i < cube.n; i++) {
    if (keep && keep[i] === 0) continue;
    const s = status.codes[i] ?? 0;
    if (moneySeen[s]) currencySeen[currency.codes[i] ?? 0] = 1;
    const inMonth = monthIn[cm.codes[i] ?? 0] === true;
    const open = isOpen[i] === 1;
    const counted =
      req.measure === 'pipeline'
        ? open && (range === null || (inMonth && pastDue[i] !== 1))
        : inMonth && (req.measure === 'win_rate' ? closed[s] === true : won[s] === true);
    if (!counted) continue;
    const isWon = won[s] === true;
    add(grand, i, isWon);
    const r = rAxis ? rAxis.keyOf(i) : -1;
    const c = cAxis ? cAxis.keyOf(i) : -1;
    if (rAxis) add(accOf(rowTotals, r), i, isWon);
    if (cAxis) add(accOf(colTotals, c), i, isWon);
    if (rAxis && cAxis) add(accOf(cells, r * width + c), i, isWon);
  }
  const currencies = currency.dict.filter((v, code): v is string => v !== null && currencySeen[code] === 1).sort(compareText);
  const rPlace = rAxis && req.rows ? rank(rAxis, rowTotals, keyOrder(req.rows, req.stageOrder)) : null;
  const cPlace = cAxis && req.cols ? rank(cAxis, colTotals, keyOrder(req.cols, req.stageOrder)) : null;
  const rowN = rowTotals.size;
  const colN = colTotals.size;
  const rowShown = (id: number) => {
    const place = rPlace?.[id] ?? -1;
    return place >= req.rowOffset && place < req.rowOffset + req.rowLimit ? place : null;
  };
  const colShown = (id: number) => {
    const place = cPlace?.[id] ?? -1;
    return place >= 0 && place < req.colLimit ? place : null;
  };
  const out: PivotRow[] = [];
  const emit = (acc: Acc, r: number | null, c: number | null, ri: number | null, ci: number | null) =>
    out.push({
      r: r === null ? null : (rAxis?.keys[r] ?? null),
      c: c === null ? null : (cAxis?.keys[c] ?? null),
      gr: ri === null ? 1 : 0,
      gc: ci === null ? 1 : 0,
      ri,
      ci,
      n: acc.n,
      amt: acc.amtN > 0 ? acc.cents / 100 : null,
      amt_n: acc.amtN,
      won_n: acc.wonN,
      cyc: acc.cycN > 0 ? acc.cycSum / acc.cycN : null,
      row_n: rowN,
      col_n: colN,
    });
  if (grand.n > 0) emit(grand, null, null, null, null);
  for (const [id, acc] of rowTotals) {
    const ri = rowShown(id);
    if (ri !== null) emit(acc, id, null, ri, null);
  }
  for (const [id, acc] of colTotals) {
    const ci = colShown(id);
    if (ci !== null) emit(acc, null, id, null, ci);
  }
  for (const [key, acc] of cells) {
    const r = Math.floor(key / width);
    const c = key % width;
    const ri = rowShown(r);
    const ci = colShown(c);
    if (ri !== null && ci !== null) emit(acc, r, c, ri, ci);
  }
  return { rows: out, currencies };
}

// Baseline 2: what a plain-JS implementation would do — papaparse the CSV (streamed), keep
// the few columns the KPIs need in typed arrays, and answer each question with one reduce.
// Same definitions as the product (docs/spec.md §3): status from the status column, close_date ranges.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { parsePeriod, periodRange } from '../../src/shared/periods/fiscal';
import type { BenchQuestions } from './questions';
import { timed } from './stats';

const WON = 1;
const LOST = 2;
const OPEN = 0;

/** Columnar copy of what the KPIs read; dates as epoch days (NaN when blank). */
interface Columns {
  length: number;
  status: Uint8Array;
  amount: Float64Array;
  created: Float64Array;
  close: Float64Array;
}

export interface JsAnswer {
  readonly wonAmount: number;
  readonly wonCount: number;
  readonly winRate: number | null;
  readonly avgDealSize: number | null;
  readonly avgCycleDays: number | null;
  readonly openPipeline: number;
  readonly bookings: ReadonlyMap<number, number>;
}

export interface JsRun {
  readonly loadMs: number;
  readonly firstDashboardMs: number;
  readonly changeMs: readonly number[];
  readonly answer: JsAnswer;
}

export async function plainJsRun(csv: string, questions: BenchQuestions): Promise<JsRun> {
  const started = performance.now();
  const cols = await parseColumns(csv);
  const loadMs = performance.now() - started;
  const [answer, firstDashboardMs] = timed(() => kpis(cols, null, 'quarter'));
  const changeMs = questions.periods.map((p) => timed(() => kpis(cols, rangeOf(p), p === 'all' ? 'quarter' : 'month'))[1]);
  return { loadMs, firstDashboardMs, changeMs, answer };
}

function rangeOf(text: string): [number, number] | null {
  const period = parsePeriod(text);
  if (!period) throw new Error(`bad period ${text}`);
  const range = periodRange(period, 1);
  return range ? [epochDay(range.start), epochDay(range.end)] : null;
}

function parseColumns(csv: string): Promise<Columns> {
  let cap = 1 << 16;
  let cols: Columns = alloc(cap);
  let index: Record<string, number> | null = null;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(csv, { encoding: 'utf8' }), {
      skipEmptyLines: true,
      chunk(results) {
        for (const row of results.data) {
          if (!index) {
            index = Object.fromEntries(row.map((name, i) => [name, i]));
            continue;
          }
          if (cols.length === cap) cols = grow(cols, (cap *= 2));
          put(cols, row, index);
        }
      },
      complete: () => resolve(cols),
      error: reject,
    });
  });
}

function put(cols: Columns, row: readonly string[], index: Record<string, number>): void {
  const at = (name: string) => (row[index[name] ?? -1] ?? '').trim();
  const status = at('status').toLowerCase();
  const amount = at('amount');
  const i = cols.length++;
  cols.status[i] = status === 'won' ? WON : status === 'lost' ? LOST : OPEN;
  cols.amount[i] = amount === '' ? Number.NaN : Number(amount);
  cols.created[i] = epochDay(at('created_date'));
  cols.close[i] = epochDay(at('close_date'));
}

/** The bookings chart's buckets: fiscal quarter (January start) or month of the close date. */
function bucketOf(day: number, grain: 'quarter' | 'month'): number {
  const d = new Date(day * 86_400_000);
  const month = grain === 'quarter' ? d.getUTCMonth() - (d.getUTCMonth() % 3) : d.getUTCMonth();
  return Date.UTC(d.getUTCFullYear(), month, 1) / 86_400_000;
}

function kpis(c: Columns, range: [number, number] | null, grain: 'quarter' | 'month'): JsAnswer {
  let wonAmount = 0;
  let wonCount = 0;
  let wonWithAmount = 0;
  let lost = 0;
  let cycleSum = 0;
  let cycleN = 0;
  let openPipeline = 0;
  const bookings = new Map<number, number>();
  for (let i = 0; i < c.length; i++) {
    const close = c.close[i] ?? Number.NaN;
    if (range && !(close >= range[0] && close < range[1])) continue;
    const status = c.status[i];
    const amount = c.amount[i] ?? Number.NaN;
    if (status === OPEN) {
      if (!Number.isNaN(amount)) openPipeline += amount;
    } else if (status === LOST) lost++;
    else {
      wonCount++;
      if (!Number.isNaN(amount)) {
        wonAmount += amount;
        wonWithAmount++;
      }
      const cycle = close - (c.created[i] ?? Number.NaN);
      if (!Number.isNaN(cycle)) {
        cycleSum += cycle;
        cycleN++;
      }
      if (!Number.isNaN(close)) {
        const b = bucketOf(close, grain);
        bookings.set(b, (bookings.get(b) ?? 0) + (Number.isNaN(amount) ? 0 : amount));
      }
    }
  }
  return {
    wonAmount,
    wonCount,
    winRate: wonCount + lost > 0 ? wonCount / (wonCount + lost) : null,
    avgDealSize: wonWithAmount > 0 ? wonAmount / wonWithAmount : null,
    avgCycleDays: cycleN > 0 ? cycleSum / cycleN : null,
    openPipeline,
    bookings,
  };
}

/** 'YYYY-MM-DD' (or an ISO timestamp) → days since 1970-01-01; NaN when blank or unreadable. */
function epochDay(text: string): number {
  if (text.length < 10) return Number.NaN;
  const ms = Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10)));
  return ms / 86_400_000;
}

function alloc(cap: number): Columns {
  return {
    length: 0,
    status: new Uint8Array(cap),
    amount: new Float64Array(cap),
    created: new Float64Array(cap),
    close: new Float64Array(cap),
  };
}

function grow(c: Columns, cap: number): Columns {
  const next = alloc(cap);
  next.length = c.length;
  next.status.set(c.status);
  next.amount.set(c.amount);
  next.created.set(c.created);
  next.close.set(c.close);
  return next;
}

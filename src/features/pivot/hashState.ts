// The pivot's part of the URL hash (docs/pivot.md):
//   pv.r=<dimension|none>  rows (default owner)       pv.c=<dimension|none>  columns (default quarter)
//   pv.m=<measure>         the measure (default won_amount)
//   pv.p=<n>               the page of rows, from 1 (default 1)
// Read leniently: a bad value falls back to the default with a notice.
import { isPivotDim, isPivotMeasure, type PivotDim, type PivotMeasure } from './contract';

export interface PivotState {
  readonly rows: PivotDim | null;
  readonly cols: PivotDim | null;
  readonly measure: PivotMeasure;
  /** Page of rows, 0-based. */
  readonly page: number;
}

export const DEFAULT_PIVOT: PivotState = { rows: 'owner', cols: 'quarter', measure: 'won_amount', page: 0 };

function readDim(params: URLSearchParams, key: string, fallback: PivotDim | null, problems: string[]): PivotDim | null {
  const raw = params.get(key);
  if (raw === null) return fallback;
  if (raw === 'none') return null;
  if (isPivotDim(raw)) return raw;
  problems.push(`The link's pivot dimension ${key}="${raw}" is not one we know; using ${fallback ?? 'none'}.`);
  return fallback;
}

export function readPivotHash(params: URLSearchParams, problems: string[]): PivotState | undefined {
  if (!['pv.r', 'pv.c', 'pv.m', 'pv.p'].some((k) => params.has(k))) return undefined;
  const rows = readDim(params, 'pv.r', DEFAULT_PIVOT.rows, problems);
  let cols = readDim(params, 'pv.c', DEFAULT_PIVOT.cols, problems);
  if (cols !== null && cols === rows) {
    problems.push(`The link's pivot has ${rows} as both rows and columns; showing rows only.`);
    cols = null;
  }
  let measure = DEFAULT_PIVOT.measure;
  const m = params.get('pv.m');
  if (m !== null) {
    if (isPivotMeasure(m)) measure = m;
    else problems.push(`The link's pivot measure "${m}" is not one we know; showing won amount.`);
  }
  let page = 0;
  const p = params.get('pv.p');
  if (p !== null) {
    const n = Number(p);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) page = n - 1;
    else problems.push(`The link's pivot page "${p}" is not a page number; showing the first page.`);
  }
  return { rows, cols, measure, page };
}

export function writePivotHash(state: PivotState | undefined, params: URLSearchParams): void {
  if (!state) return;
  if (state.rows !== DEFAULT_PIVOT.rows) params.set('pv.r', state.rows ?? 'none');
  if (state.cols !== DEFAULT_PIVOT.cols) params.set('pv.c', state.cols ?? 'none');
  if (state.measure !== DEFAULT_PIVOT.measure) params.set('pv.m', state.measure);
  if (state.page > 0) params.set('pv.p', String(state.page + 1));
}

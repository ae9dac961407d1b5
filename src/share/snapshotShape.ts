// The shape a snapshot link must have before the page draws it: every field the dashboard
// reads, checked and copied (issue 14: `kpis:[null]` or `bookings:[{}]` threw while drawing and
// left the page blank). Anything else is refused as a whole, with a notice.
import type { BookingsBucket, DashboardResult, DataExtent, KpiId, KpiValue } from '../engine-api/types';
import { KPI_IDS } from '../shared/kpiVariants';

/** The aggregates a snapshot carries: never a row of the data. */
export type SnapshotResult = Pick<
  DashboardResult,
  'period' | 'periodLabel' | 'kpis' | 'bookings' | 'grain' | 'extent' | 'referenceDate' | 'comparison' | 'sparklines'
>;

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);
const isStrOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isKpiId = (v: unknown): v is KpiId => typeof v === 'string' && (KPI_IDS as readonly string[]).includes(v);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function kpi(v: unknown): KpiValue | null {
  if (!isRecord(v) || !isKpiId(v['id']) || !isNumOrNull(v['value'])) return null;
  const out: Mutable<KpiValue> = { id: v['id'], value: v['value'] };
  for (const k of ['reason', 'note', 'variant'] as const) {
    const x = v[k];
    if (x === undefined) continue;
    if (typeof x !== 'string') return null;
    out[k] = x;
  }
  for (const k of ['previous', 'yearAgo'] as const) {
    const x = v[k];
    if (x === undefined) continue;
    if (!isNumOrNull(x)) return null;
    out[k] = x;
  }
  return out;
}

function comparisonOf(v: unknown): SnapshotResult['comparison'] | false {
  if (v === undefined || v === null) return v;
  if (!isRecord(v) || typeof v['label'] !== 'string') return false;
  const kind = v['kind'];
  return kind === 'previous' || kind === 'year_ago' ? { kind, label: v['label'] } : false;
}

function sparklinesOf(v: unknown): SnapshotResult['sparklines'] | false {
  if (v === undefined) return v;
  if (!isRecord(v)) return false;
  const entries = Object.entries(v);
  const ok = entries.every(([id, s]) => isKpiId(id) && Array.isArray(s) && s.every(isNumOrNull));
  return ok ? Object.fromEntries(entries.map(([id, s]) => [id, Array.isArray(s) ? s.filter(isNumOrNull) : []])) : false;
}

function bucket(v: unknown): BookingsBucket | null {
  if (!isRecord(v) || typeof v['start'] !== 'string' || typeof v['label'] !== 'string') return null;
  const compareAmount = v['compareAmount'] ?? null;
  if (!isNum(v['wonAmount']) || !isNum(v['wonCount']) || !isNumOrNull(compareAmount)) return null;
  return { start: v['start'], label: v['label'], wonAmount: v['wonAmount'], wonCount: v['wonCount'], compareAmount };
}

function extent(v: unknown): DataExtent | null {
  if (!isRecord(v) || !isNum(v['opportunities'])) return null;
  const { firstClose, lastClose, referenceDate } = v;
  if (!isStrOrNull(firstClose) || !isStrOrNull(lastClose) || !isStrOrNull(referenceDate)) return null;
  return { opportunities: v['opportunities'], firstClose, lastClose, referenceDate };
}

/** The snapshot's result rebuilt from checked parts, or null when any part does not fit. */
export function checkedResult(v: unknown): SnapshotResult | null {
  if (!isRecord(v) || typeof v['period'] !== 'string' || typeof v['periodLabel'] !== 'string') return null;
  if (v['grain'] !== 'month' && v['grain'] !== 'quarter') return null;
  if (!Array.isArray(v['kpis']) || !Array.isArray(v['bookings'])) return null;
  const kpis = v['kpis'].map(kpi);
  const bookings = v['bookings'].map(bucket);
  const ext = extent(v['extent']);
  if (!ext || kpis.some((k) => k === null) || bookings.some((b) => b === null)) return null;
  const referenceDate = v['referenceDate'];
  if (referenceDate !== undefined && !isStrOrNull(referenceDate)) return null;
  const comparison = comparisonOf(v['comparison']);
  const sparklines = sparklinesOf(v['sparklines']);
  if (comparison === false || sparklines === false) return null;
  return {
    period: v['period'],
    periodLabel: v['periodLabel'],
    grain: v['grain'],
    kpis: kpis.filter((k) => k !== null),
    bookings: bookings.filter((b) => b !== null),
    extent: ext,
    ...(referenceDate === undefined ? {} : { referenceDate }),
    ...(comparison === undefined ? {} : { comparison }),
    ...(sparklines === undefined ? {} : { sparklines }),
  };
}

// Number formats of the lead-quality screen.
import { format } from 'd3';

export const fmtCount = format(',d');
export const fmtPct = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : format('.1%')(v));
export const fmtDays = (v: number | null): string => (v === null ? '—' : `${format(',.0f')(v)} days`);
export const fmtMoney = (v: number | null): string =>
  v === null || !Number.isFinite(v) ? '—' : new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(v);
export const ratio = (top: number, bottom: number): number | null => (bottom > 0 ? top / bottom : null);

// Number formats of the lead-quality screen.
import { format } from 'd3';
import { moneyOr } from '../../shared/format/display.svelte';

export const fmtCount = format(',d');
export const fmtPct = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : format('.1%')(v));
export const fmtDays = (v: number | null): string => (v === null ? '—' : `${format(',.0f')(v)} days`);
// Money in the data's currency like every screen (it was a bare number in the browser's locale).
export const fmtMoney = (v: number | null): string => moneyOr(v, '—');
export const ratio = (top: number, bottom: number): number | null => (bottom > 0 ? top / bottom : null);

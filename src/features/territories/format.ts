// Number formats of the planner; a value that cannot be computed reads "not available".
import { count, moneyOr, percent as pct } from '../../shared/format/display.svelte';

export const NA = 'not available';
export const fmtMoney = (v: number | null): string => moneyOr(v, NA);
export const fmtCount = (v: number | null): string => (v === null ? NA : count(v));
export const fmtPct = (v: number | null | undefined): string => (v === null || v === undefined ? NA : pct(v));

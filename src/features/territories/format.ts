// Number formats of the planner; a value that cannot be computed reads "not available".
import { count, money as moneyOf, percent as pct } from '../../format/display.svelte';

const money = (v: number) => moneyOf(v, 0);

export const NA = 'not available';
export const fmtMoney = (v: number | null): string => (v === null ? NA : money(v));
export const fmtCount = (v: number | null): string => (v === null ? NA : count(v));
export const fmtPct = (v: number | null | undefined): string => (v === null || v === undefined ? NA : pct(v));

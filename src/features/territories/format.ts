// Number formats of the planner; a value that cannot be computed reads "not available".
import { format } from 'd3';
import { money as moneyOf } from '../../shared/format/display.svelte';

const money = (v: number) => moneyOf(v, 0);
const count = format(',.0f');
const pct = format('.1%');

export const NA = 'not available';
export const fmtMoney = (v: number | null): string => (v === null ? NA : money(v));
export const fmtCount = (v: number | null): string => (v === null ? NA : count(v));
export const fmtPct = (v: number | null | undefined): string => (v === null || v === undefined ? NA : pct(v));

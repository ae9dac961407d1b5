// Display formats for the forecast screen.
import { format } from 'd3';
import { money as moneyOf } from '../../shared/format/display.svelte';

const money = (v: number) => moneyOf(v, 0);
const pct = format('.1%');

export const fmtMoney = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : money(v));
export const fmtPct = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : pct(v));
export const fmtNum = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : v.toFixed(2));

// Display formats for the forecast screen.
import { format } from 'd3';
import { moneyOr } from '../../shared/format/display.svelte';

const pct = format('.1%');

export const fmtMoney = (v: number | null) => moneyOr(v, 'not available');
export const fmtPct = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : pct(v));
export const fmtNum = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : v.toFixed(2));

// Display formats for the forecast screen.
import { decimal, moneyOr, percent } from '../../shared/format/display.svelte';

const pct = (v: number) => percent(v);

export const fmtMoney = (v: number | null) => moneyOr(v, 'not available');
export const fmtPct = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : pct(v));
export const fmtNum = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : decimal(v, 2));

// Display formats for the forecast screen.
import { decimal, money as moneyOf, percent } from '../../format/display.svelte';

const money = (v: number) => moneyOf(v, 0);
const pct = (v: number) => percent(v);

export const fmtMoney = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : money(v));
export const fmtPct = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : pct(v));
export const fmtNum = (v: number | null) => (v === null || !Number.isFinite(v) ? 'not available' : decimal(v, 2));

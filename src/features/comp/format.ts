// Display formats for the comp screen: money from cents, fractions as percentages.
import { money, percent } from '../../shared/format/display.svelte';

const money0 = (v: number) => money(v, 0);
const money2 = (v: number) => money(v, 2);
const pct1 = (v: number) => percent(v);

export const fmtMoney = (cents: number) => money0(cents / 100);
export const fmtCents = (cents: number) => money2(cents / 100);
export const fmtPct = (fraction: number | null) => (fraction === null ? 'not available' : pct1(fraction));
export const fmtNum = (value: number | null, digits = 2) => (value === null ? 'not available' : value.toFixed(digits));

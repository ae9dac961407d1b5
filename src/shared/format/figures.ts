// Number formats shared by the charts and tables of the dashboard, the pivot and the drill: the
// display locale through the app's one formatter (src/shared/format/numbers.ts, money in
// src/shared/format/money.ts).
import { count as countOf, decimal, display, moneyCompact, percent } from './display.svelte';
import { formatMoney } from './money';

export const pct = (v: number | null): string => (v === null ? '—' : percent(v));
export const count = (v: number): string => countOf(v);
export const days = (v: number | null): string => (v === null ? '—' : decimal(v));
export const moneyOf = (currency: string) => (v: number) => formatMoney(v, { currency, locale: display.locale });
/** Axis ticks: Intl's compact money (`$1.2B`), never d3's SI `G`. */
export const shortMoney = (v: number): string => moneyCompact(v);
export const pctTick = (v: number): string => percent(v, 0);

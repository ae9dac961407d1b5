// Number formats shared by the dashboard's charts and tables: the display locale through the
// app's one formatter (src/format/numbers.ts, money in src/format/money.ts).
import { count as countOf, decimal, moneyCompact, percent } from '../../shared/format/display.svelte';
import { formatValue } from './kpiCatalog';

export const pct = (v: number | null): string => (v === null ? '—' : percent(v));
export const count = (v: number): string => countOf(v);
export const days = (v: number | null): string => (v === null ? '—' : decimal(v));
export const moneyOf = (currency: string) => (v: number) => formatValue('money', v, currency);
/** Axis ticks: Intl's compact money (`$1.2B`), never d3's SI `G`. */
export const shortMoney = (v: number): string => moneyCompact(v);
export const pctTick = (v: number): string => percent(v, 0);

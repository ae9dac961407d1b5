// Number formats shared by the dashboard's charts and tables (deterministic, locale-fixed).
import { format } from 'd3';
import { moneyCompact } from '../../shared/format/display.svelte';
import { formatValue } from './kpiCatalog';

// d3's format() parses its specifier each time it is called: build each formatter once.
const PCT = format('.1%');
const DAYS = format(',.1f');
const PCT_TICK = format('.0%');

export const pct = (v: number | null): string => (v === null ? '—' : PCT(v));
export const count = format(',d');
export const days = (v: number | null): string => (v === null ? '—' : DAYS(v));
export const moneyOf = (currency: string) => (v: number) => formatValue('money', v, currency);
/** Axis ticks: Intl's compact money (`$1.2B`), never d3's SI `G`. */
export const shortMoney = (v: number): string => moneyCompact(v);
export const pctTick = (v: number): string => PCT_TICK(v);

// Number formats shared by the dashboard's charts and tables (deterministic, locale-fixed).
import { format } from 'd3';
import { formatValue } from './kpiCatalog';

export const pct = (v: number | null): string => (v === null ? '—' : format('.1%')(v));
export const count = format(',d');
export const days = (v: number | null): string => (v === null ? '—' : format(',.1f')(v));
export const moneyOf = (currency: string) => (v: number) => formatValue('money', v, currency);
export const shortMoney = (v: number): string => format('~s')(v).replace('G', 'B');
export const pctTick = (v: number): string => format('.0%')(v);

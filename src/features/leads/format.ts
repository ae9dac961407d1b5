// Number formats of the lead-quality screen: the display locale, and money in the data's
// currency (else the setting's), through the app's one formatter.
import { count, money, percent } from '../../shared/format/display.svelte';

export const fmtCount = (v: number): string => count(v);
export const fmtPct = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : percent(v));
export const fmtDays = (v: number | null): string => (v === null ? '—' : `${count(v)} days`);
export const fmtMoney = (v: number | null): string => (v === null || !Number.isFinite(v) ? '—' : money(v, 0));
export const ratio = (top: number, bottom: number): number | null => (bottom > 0 ? top / bottom : null);

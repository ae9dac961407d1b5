// What money is shown in, app-wide (docs/currency.md): the data's currency when the deals
// name one (a currency column, or codes and symbols in the amounts), else the user's choice
// in settings (default USD, said on screen); and the display locale, the browser's unless
// the user picks one. Every screen formats money through `money` and `moneyCompact`.
import { formatMoney, formatMoneyCompact } from './money';
import { formatDay, formatMonth, formatQuarter } from './dates';
import { formatCount, formatDecimal, formatPercent } from './numbers';

export type CurrencyOrigin = 'data' | 'setting' | 'default';

export const display = $state<{ currency: string; locale: string; origin: CurrencyOrigin }>({
  currency: 'USD',
  locale: browserLocale(),
  origin: 'default',
});

export function browserLocale(): string {
  return typeof navigator !== 'undefined' && typeof navigator.language === 'string' && navigator.language
    ? navigator.language
    : 'en-US';
}

/** Settles the display from the loaded data's currency and the view's settings. */
export function syncDisplay(
  dataCurrency: string | null | undefined,
  setting: string | undefined,
  locale: string | undefined,
): void {
  const origin: CurrencyOrigin = dataCurrency ? 'data' : setting ? 'setting' : 'default';
  const currency = dataCurrency ?? setting ?? 'USD';
  const loc = locale ?? browserLocale();
  if (display.currency !== currency) display.currency = currency;
  if (display.origin !== origin) display.origin = origin;
  if (display.locale !== loc) display.locale = loc;
}

export const money = (value: number, digits?: 0 | 2): string =>
  formatMoney(value, { currency: display.currency, locale: display.locale }, digits);

export const moneyCompact = (value: number): string =>
  formatMoneyCompact(value, { currency: display.currency, locale: display.locale });

/** Money in the display currency, or `missing` where it cannot be computed (null, not finite). */
export const moneyOr = (value: number | null | undefined, missing: string, digits: 0 | 2 = 0): string =>
  value === null || value === undefined || !Number.isFinite(value) ? missing : money(value, digits);
// Counts, percentages and decimals in the display locale (src/format/numbers.ts), app-wide.
export const count = (value: number): string => formatCount(value, display.locale);
export const percent = (fraction: number, digits: 0 | 1 = 1): string => formatPercent(fraction, display.locale, digits);
export const decimal = (value: number, digits: 1 | 2 = 1): string => formatDecimal(value, display.locale, digits);
// Days, months and quarters in the display locale (src/shared/format/dates.ts), app-wide.
export const day = (iso: string): string => formatDay(iso, display.locale);
export const month = (iso: string): string => formatMonth(iso, display.locale);
export const quarter = (year: number, q: number): string => formatQuarter(year, q, display.locale);

// The one money formatter of the app (docs/currency.md): Intl.NumberFormat in the data's
// currency and the display locale — whole units from 100 up, cents below, and a compact form
// for axes (`$1.2B`, `1,2 Mrd. €`; never d3's SI `G`). Formats are built once per key: building
// an Intl.NumberFormat costs far more than using one, and every table cell would pay it.

import { safeLocale } from './numbers';

export interface MoneyStyle {
  /** ISO 4217 code. */
  readonly currency: string;
  /** BCP 47 tag. */
  readonly locale: string;
}

type Kind = 'whole' | 'cents' | 'compact';
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(style: MoneyStyle, kind: Kind): Intl.NumberFormat {
  const key = `${style.locale} ${style.currency} ${kind}`;
  const known = cache.get(key);
  if (known) return known;
  const digits = kind === 'cents' ? 2 : 0;
  const options: Intl.NumberFormatOptions =
    kind === 'compact'
      ? { style: 'currency', currency: style.currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : { style: 'currency', currency: style.currency, minimumFractionDigits: digits, maximumFractionDigits: digits };
  const made = new Intl.NumberFormat(safeLocale(style.locale), options);
  cache.set(key, made);
  return made;
}

/**
 * An amount in full: cents below 100, whole units from 100 (or as `digits` says). Zero has no
 * cents to show: `$0`, so a table's zero does not read `$0.00` beside `$2,527,500` (issue 22).
 */
export function formatMoney(value: number, style: MoneyStyle, digits?: 0 | 2): string {
  const small = Math.abs(value) < 100 && value !== 0;
  const kind = digits === undefined ? (small ? 'cents' : 'whole') : digits === 2 ? 'cents' : 'whole';
  return numberFormat(style, kind).format(value);
}

/** An amount for an axis tick or a tight label: `$1.2B`, `€950K`. */
export function formatMoneyCompact(value: number, style: MoneyStyle): string {
  return numberFormat(style, 'compact').format(value);
}

/** True when `code` is a currency Intl can format (a three-letter ISO 4217 code). */
export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en-US', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

// Exported money names its currency (docs/currency.md): a money column's header gets the unit
// (`amount (EUR)`), so a CSV or XLSX never holds a bare number whose currency is lost. A column
// is money when its cells carry a raw number (`data-value`) and show it with the currency's
// symbol or code, as the page's one money formatter writes it.
import { safeLocale } from '../shared/format/numbers';

export interface MoneyUnit {
  /** ISO 4217 code. */
  readonly code: string;
  /** What a formatted amount in this currency shows: its symbols in the locale, and the code. */
  readonly marks: readonly string[];
}

export function moneyUnit(code: string, locale: string): MoneyUnit {
  const marks = new Set([code]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
    try {
      const parts = new Intl.NumberFormat(safeLocale(locale), {
        style: 'currency',
        currency: code,
        currencyDisplay,
      }).formatToParts(1);
      for (const p of parts) if (p.type === 'currency' && p.value.trim() !== '') marks.add(p.value.trim());
    } catch {
      // A code Intl does not know is still its own mark.
    }
  }
  return { code, marks: [...marks] };
}

/** The header with the unit, once (a header that already names the code keeps it). */
export function withUnit(header: string, unit: MoneyUnit): string {
  return header.includes(unit.code) ? header : `${header} (${unit.code})`;
}

/** True when a cell's text shows an amount in the unit's currency. */
export function showsMoney(text: string, unit: MoneyUnit): boolean {
  return unit.marks.some((m) => text.includes(m));
}

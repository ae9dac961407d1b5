// The one formatter for every number that is not money (docs/currency.md): counts, percentages
// and decimals in the display locale, with Intl — never a fixed en-US pattern. Formats are
// built once per locale and kind (building an Intl formatter costs far more than using one).

type Kind = 'count' | 'percent1' | 'percent0' | 'decimal1' | 'decimal2';
const cache = new Map<string, Intl.NumberFormat>();

const OPTIONS: Record<Kind, Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  percent1: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  percent0: { style: 'percent', maximumFractionDigits: 0 },
  decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  decimal2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
};

/** A locale Intl knows, else en-US (a bad `loc=` never breaks the page). */
export function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}

function numberFormat(locale: string, kind: Kind): Intl.NumberFormat {
  const key = `${locale} ${kind}`;
  const known = cache.get(key);
  if (known) return known;
  const made = new Intl.NumberFormat(safeLocale(locale), OPTIONS[kind]);
  cache.set(key, made);
  return made;
}

/** A whole count, grouped as the locale groups (`1,234`, `1.234`, `1 234`). */
export const formatCount = (value: number, locale: string): string => numberFormat(locale, 'count').format(value);

/** A fraction as a percentage: one decimal (`12.5%`, `12,5 %`), or none for axis ticks. */
export const formatPercent = (value: number, locale: string, digits: 0 | 1 = 1): string =>
  numberFormat(locale, digits === 1 ? 'percent1' : 'percent0').format(value);

/** A number with a fixed count of decimals (days, ratios). */
export const formatDecimal = (value: number, locale: string, digits: 1 | 2 = 1): string =>
  numberFormat(locale, digits === 1 ? 'decimal1' : 'decimal2').format(value);

// The one formatter for every number that is not money (docs/currency.md): counts, percentages,
// decimals and dates in the display locale, with Intl — never a fixed en-US pattern. Formats are
// built once per locale and kind (building an Intl formatter costs far more than using one).

type Kind = 'count' | 'percent1' | 'percent0' | 'decimal1' | 'decimal2' | 'date' | 'month';
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

const OPTIONS: Record<Kind, Intl.NumberFormatOptions | Intl.DateTimeFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  percent1: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  percent0: { style: 'percent', maximumFractionDigits: 0 },
  decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  decimal2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  // Dates are calendar days: read and written in UTC so no time zone moves them.
  date: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'short', timeZone: 'UTC' },
};

/** A locale Intl knows, else en-US (a bad `loc=` never breaks the page). */
export function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en-US';
  } catch {
    return 'en-US';
  }
}

function numberFormat(locale: string, kind: Exclude<Kind, 'date' | 'month'>): Intl.NumberFormat {
  const key = `${locale} ${kind}`;
  const known = cache.get(key);
  if (known instanceof Intl.NumberFormat) return known;
  const made = new Intl.NumberFormat(safeLocale(locale), OPTIONS[kind] as Intl.NumberFormatOptions);
  cache.set(key, made);
  return made;
}

function dateFormat(locale: string, kind: 'date' | 'month'): Intl.DateTimeFormat {
  const key = `${locale} ${kind}`;
  const known = cache.get(key);
  if (known instanceof Intl.DateTimeFormat) return known;
  const made = new Intl.DateTimeFormat(safeLocale(locale), OPTIONS[kind] as Intl.DateTimeFormatOptions);
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

/** An ISO calendar date (`2024-03-05`) as the locale writes it; text that is not one stays as it is. */
export function formatDate(iso: string, locale: string, grain: 'day' | 'month' = 'day'): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? '1')));
  return dateFormat(locale, grain === 'month' ? 'month' : 'date').format(date);
}

// The one date formatter for what the screen shows (docs/currency.md, "Dates"): a day, a month
// or a quarter in the display locale, with Intl. Dates are calendar dates (docs/spec.md §1), so
// they are formatted in UTC and never shift a day with the reader's time zone. Exported cells
// keep ISO (`2026-09-30`) for machines; only what a person reads goes through here. Text that is
// not an ISO date is shown as it is, never turned into another date.
import { safeLocale } from './numbers';

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, kind: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${locale} ${kind}`;
  const known = cache.get(key);
  if (known) return known;
  const options: Intl.DateTimeFormatOptions =
    kind === 'day' ? { dateStyle: 'medium', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  const made = new Intl.DateTimeFormat(safeLocale(locale), options);
  cache.set(key, made);
  return made;
}

/** `YYYY-MM-DD` (or `YYYY-MM` with day 1) as a UTC instant, or null when it is no real date. */
function parseIso(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3] ?? '1')];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // 2026-02-30 is no date: Date.UTC would roll it into March.
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/** A day (`2026-09-30`): `Sep 30, 2026`, `30.09.2026`, `30 sept. 2026`, `2026/09/30`. */
export function formatDay(iso: string, locale: string): string {
  const date = parseIso(iso);
  return date && iso.length === 10 ? dateFormat(locale, 'day').format(date) : iso;
}

/** A month (`2026-09` or any day of it): `Sep 2026`, `Sept. 2026`, `sept. 2026`, `2026年9月`. */
export function formatMonth(iso: string, locale: string): string {
  const date = parseIso(iso.slice(0, 7));
  return date ? dateFormat(locale, 'month').format(date) : iso;
}

/** How each language names a quarter; a language not listed reads the English form. */
const QUARTER: Record<string, (year: number, q: number) => string> = {
  en: (y, q) => `Q${q} ${y}`,
  de: (y, q) => `Q${q} ${y}`,
  fr: (y, q) => `T${q} ${y}`,
  es: (y, q) => `T${q} ${y}`,
  ja: (y, q) => `${y}年第${q}四半期`,
};

/** A quarter of a year (fiscal quarters are named by their fiscal year): `Q3 2026`, `T3 2026`, `2026年第3四半期`. */
export function formatQuarter(year: number, quarter: number, locale: string): string {
  const language = safeLocale(locale).split('-')[0] ?? 'en';
  return (QUARTER[language] ?? QUARTER['en'] ?? ((y, q) => `Q${q} ${y}`))(year, quarter);
}

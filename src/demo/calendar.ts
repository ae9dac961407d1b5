// Calendar arithmetic on plain day numbers (days since 1970-01-01, UTC).
//
// Why not Date: millions of rows need several dates each, and Date objects plus
// toISOString are both slow and time-zone-prone. Civil ⇄ day conversion follows
// Howard Hinnant's public-domain algorithms (proleptic Gregorian calendar).

export type Day = number;

export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export function civilFromDay(dayNumber: Day): Civil {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

// Memo tables for the days the demo actually uses (a few thousand): formatting and month
// lookups happen several times per row, millions of times per big demo.
const CACHE_FIRST = dayFromCivil(1990, 1, 1);
const CACHE_DAYS = dayFromCivil(2100, 1, 1) - CACHE_FIRST;
// Filled with '' (not holes) so V8 keeps a fast packed array rather than a sparse dictionary.
const isoCache: string[] = new Array<string>(CACHE_DAYS).fill('');
const monthCache = new Int32Array(CACHE_DAYS).fill(-1);

function formatIso(dayNumber: Day): string {
  const c = civilFromDay(dayNumber);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** ISO YYYY-MM-DD. */
export function isoDate(dayNumber: Day): string {
  const k = dayNumber - CACHE_FIRST;
  if (k < 0 || k >= CACHE_DAYS) return formatIso(dayNumber);
  const cached = isoCache[k] ?? '';
  if (cached !== '') return cached;
  const text = formatIso(dayNumber);
  isoCache[k] = text;
  return text;
}

/** Month index: year·12 + (0..11). */
export function monthIndex(dayNumber: Day): number {
  const k = dayNumber - CACHE_FIRST;
  if (k < 0 || k >= CACHE_DAYS) return monthOf(dayNumber);
  const cached = monthCache[k] ?? -1;
  if (cached >= 0) return cached;
  const m = monthOf(dayNumber);
  monthCache[k] = m;
  return m;
}

function monthOf(dayNumber: Day): number {
  const c = civilFromDay(dayNumber);
  return c.year * 12 + c.month - 1;
}

/** Parses a strict ISO date; throws on anything else (e.g. 2026-02-30). */
export function parseIsoDate(text: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`referenceDate must be YYYY-MM-DD, got "${text}"`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = dayFromCivil(year, month, day);
  if (isoDate(d) !== text) throw new RangeError(`referenceDate is not a real date: "${text}"`);
  return d;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: Day): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: Day): boolean {
  return weekday(dayNumber) >= 5;
}

/** Index of the calendar quarter: year·4 + (0..3). Fiscal years are calendar years (docs/spec.md default). */
export function quarterIndex(dayNumber: Day): number {
  return Math.floor(monthIndex(dayNumber) / 3);
}

export function quarterStartOf(q: number): Day {
  return dayFromCivil(Math.floor(q / 4), (q % 4) * 3 + 1, 1);
}

/** Last day of the quarter, inclusive. */
export function quarterEndOf(q: number): Day {
  return quarterStartOf(q + 1) - 1;
}

export function monthStartOf(m: number): Day {
  return dayFromCivil(Math.floor(m / 12), (m % 12) + 1, 1);
}

/** Last day of the month, inclusive. */
export function monthEndOf(m: number): Day {
  return monthStartOf(m + 1) - 1;
}

// Per-column decisions (date format, decimal comma, percent scale) made from the whole
// column, not per row. The probe query counts, for each candidate, how many non-blank
// values it converts; the pure `decide*` functions turn counts into a decision or a question.
import type { SqlQuery } from '../platform/sql/sql';
import { quoteIdent } from '../platform/sql/sql';
import type { Hint, Shape } from './numberFormat';
import { blankToNull, parsedDateExpr, plausibleDate } from './values';

/**
 * Excel serial days (45291 = 2023-12-31) as text, e.g. a workbook column without a date format
 * saved as CSV. Plausible serials only (1954–2119), so ids or amounts are not taken for dates.
 */
const EXCEL_SERIAL = 'excel-serial';
const SERIAL_RANGE = [20_000, 80_000] as const;

/** Candidate date formats, in order of preference when several read every value. */
export const DATE_CANDIDATES: readonly string[] = [
  'iso',
  '%m/%d/%Y',
  '%d/%m/%Y',
  '%m/%d/%Y %H:%M',
  '%d/%m/%Y %H:%M',
  '%m/%d/%Y %H:%M:%S',
  '%d/%m/%Y %H:%M:%S',
  '%m/%d/%y',
  '%d/%m/%y',
  '%m/%d/%y %H:%M',
  '%d/%m/%y %H:%M',
  '%m/%d/%y %I:%M %p',
  '%d.%m.%Y',
  '%d.%m.%Y %H:%M',
  '%d.%m.%y',
  '%d.%m.%y %H:%M',
  '%d-%m-%Y',
  '%d-%m-%y',
  '%d %b, %Y %H:%M:%S',
  '%d %b %Y',
  '%b %d, %Y',
  'names-dmy',
  'names-mdy',
  // Last: a column of 5-digit numbers is Excel's serial days only when no real format reads it.
  EXCEL_SERIAL,
];

export interface DateProbe {
  readonly nonBlank: number;
  readonly parsed: Readonly<Record<string, number>>;
  readonly example: string | null;
}

export type DateDecision =
  | { readonly kind: 'format'; readonly format: string; readonly reason?: string }
  | { readonly kind: 'ambiguous'; readonly formats: readonly string[]; readonly example: string | null }
  | { readonly kind: 'unreadable'; readonly best: string; readonly failures: number; readonly example: string | null };

/**
 * The column's distinct non-blank values: a format that reads every distinct value reads
 * every row, at a fraction of the cost (a million deals have a few thousand dates).
 * Capped for columns like amounts with very many distinct values; values beyond the cap
 * are still converted with the decision and any that fail are rejected, not guessed.
 */
function distinctValues(table: string, column: string): string {
  const v = blankToNull(quoteIdent(column));
  return `(SELECT DISTINCT ${v} AS v FROM ${quoteIdent(table)} WHERE ${v} IS NOT NULL LIMIT ${PROBE_LIMIT})`;
}

const PROBE_LIMIT = 50_000;

/** Probes the given candidates (all by default; ['iso'] first is a cheap common case). */
export function dateProbeQuery(table: string, column: string, candidates: readonly string[] = DATE_CANDIDATES): SqlQuery {
  const v = 'v';
  const counts = candidates.map((fmt, i) => {
    // A reading counts only when it is a plausible date (1900–2100): `01.03.24` read as
    // day.month.four-digit-year is the year 24 and does not count.
    const expr = fmt === EXCEL_SERIAL ? serialProbe(v) : plausibleDate(parsedDateExpr(v, fmt));
    return `count(${expr})::INTEGER AS f${i}`;
  });
  const sql = `SELECT count(v)::INTEGER AS non_blank, any_value(v) AS example, ${counts.join(', ')} FROM ${distinctValues(table, column)}`;
  return { sql, params: [] };
}

function serialProbe(v: string): string {
  const [lo, hi] = SERIAL_RANGE;
  return `CASE WHEN regexp_full_match(${v}, '[0-9]{5}([.][0-9]+)?') AND TRY_CAST(${v} AS DOUBLE) BETWEEN ${lo} AND ${hi} THEN 1 END`;
}

export function dateProbeFromRow(row: Record<string, unknown>, candidates: readonly string[] = DATE_CANDIDATES): DateProbe {
  const parsed: Record<string, number> = {};
  candidates.forEach((fmt, i) => (parsed[fmt] = Number(row[`f${i}`] ?? 0)));
  const example = row['example'] == null ? null : String(row['example']);
  return { nonBlank: Number(row['non_blank'] ?? 0), parsed, example };
}

export type DateOrder = 'day-first' | 'month-first';

/**
 * The format that reads every value. When month-first and day-first both read every value,
 * hints from the file (other date columns, locale) settle it only if they all agree; else it is asked.
 */
export function decideDateFormat(probe: DateProbe, hints: readonly Hint<DateOrder>[] = []): DateDecision {
  const complete = DATE_CANDIDATES.filter((f) => (probe.parsed[f] ?? 0) === probe.nonBlank);
  if (probe.nonBlank === 0 || complete.includes('iso')) return { kind: 'format', format: 'iso' };
  const first = complete[0];
  if (first !== undefined) {
    const twin = swapDayMonth(first);
    if (twin !== first && complete.includes(twin)) {
      const agreed = [...new Set(hints.map((h) => h.value))];
      const hint = hints[0];
      if (agreed.length === 1 && hint) {
        const format = dateOrder(first) === hint.value ? first : twin;
        return {
          kind: 'format',
          format,
          reason: `Every value reads both ways; ${hint.why}, so day and month are read ${hint.value}.`,
        };
      }
      return { kind: 'ambiguous', formats: [first, twin], example: probe.example };
    }
    return { kind: 'format', format: first };
  }
  const best = [...DATE_CANDIDATES].sort((a, b) => (probe.parsed[b] ?? 0) - (probe.parsed[a] ?? 0))[0] ?? 'iso';
  return { kind: 'unreadable', best, failures: probe.nonBlank - (probe.parsed[best] ?? 0), example: probe.example };
}

/** Whether a format reads the day or the month first (undefined: ISO, serial days). */
export function dateOrder(format: string): DateOrder | undefined {
  if (format === 'names-dmy') return 'day-first';
  if (format === 'names-mdy') return 'month-first';
  const d = format.indexOf('%d');
  const m = format.search(/%m|%b/);
  if (d < 0 || m < 0) return undefined;
  return d < m ? 'day-first' : 'month-first';
}

function swapDayMonth(format: string): string {
  if (format === 'names-dmy') return 'names-mdy';
  if (format === 'names-mdy') return 'names-dmy';
  return format.replace(/%m|%d/g, (token) => (token === '%m' ? '%d' : '%m'));
}

export interface NumberProbe {
  readonly maxValue: number | null;
  readonly percentSigns: number;
}

/** Percent signs and the largest value: enough to tell a 0–1 fraction from a 0–100 percentage. */
export function numberProbeQuery(table: string, column: string): SqlQuery {
  const v = 'v';
  const sql = `SELECT
    count(*) FILTER (WHERE regexp_matches(${v}, '%$'))::INTEGER AS percent_signs,
    max(TRY_CAST(regexp_replace(${v}, '[^0-9.\\-]', '', 'g') AS DOUBLE)) AS max_value
  FROM ${distinctValues(table, column)}`;
  return { sql, params: [] };
}

export function numberProbeFromRow(row: Record<string, unknown>): NumberProbe {
  return {
    percentSigns: Number(row['percent_signs'] ?? 0),
    maxValue: row['max_value'] == null ? null : Number(row['max_value']),
  };
}

const MAX_SHAPES = 500;

/**
 * The column's distinct values by shape (digits as 9): a million amounts have a few dozen
 * shapes, and the number format is decided on shapes alone (numberFormat.ts).
 */
export function shapeProbeQuery(table: string, column: string): SqlQuery {
  const sql = `SELECT shape, count(*)::INTEGER AS n, min(v) AS example FROM (SELECT v, regexp_replace(v, '[0-9]', '9', 'g') AS shape FROM ${distinctValues(table, column)}) GROUP BY shape ORDER BY n DESC, shape LIMIT ${MAX_SHAPES}`;
  return { sql, params: [] };
}

export function shapesFromRows(rows: readonly Record<string, unknown>[]): Shape[] {
  return rows.map((r) => ({ shape: String(r['shape']), n: Number(r['n']), example: String(r['example']) }));
}

/** A probability column is in percent when any value carries % or exceeds 1. */
export function decidePercent(p: NumberProbe): boolean {
  return p.percentSigns > 0 || (p.maxValue !== null && p.maxValue > 1);
}

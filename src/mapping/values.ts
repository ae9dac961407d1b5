// Text → typed value conversions, as SQL expressions over a staged (all-VARCHAR) column.
// Decisions such as date format or decimal comma are made once per column (see profile.ts),
// never per row; a non-blank value that does not convert yields NULL here and is reported
// as a rejection by the loader, never silently turned into 0 or another date.
import type { ValueKind } from '../canonical/schema';
import { quoteLiteral } from '../platform/sql/sql';
import { type Grouping, type NumberFormat, UNIT, UNIT_SCALES, valuePattern } from './numberFormat';

export interface ColumnDecisions {
  /** strptime format, or 'iso' for any ISO-8601 date/timestamp. */
  readonly dateFormat?: string;
  readonly decimalComma?: boolean;
  /** How digits are grouped: by thousands (default) or the Indian lakh/crore way. */
  readonly grouping?: Grouping;
  /** Values may carry k/M/Mio/B suffixes, scaled when read (stated on the import report). */
  readonly units?: boolean;
  /** Why the column was read this way, in words (shown to the user). */
  readonly reason?: string;
  /** Values are percentages (0–100 or with %): divide by 100. */
  readonly percent?: boolean;
}

/** Words that mean true / false in the exports we meet (EN, DE, FR, ES, PT, NL). */
export const TRUE_WORDS = [
  'true',
  't',
  '1',
  'yes',
  'y',
  'x',
  'checked',
  'wahr',
  'ja',
  'oui',
  'vrai',
  'si',
  'sí',
  'sim',
  'verdadero',
  'verdadeiro',
  'waar',
];
export const FALSE_WORDS = [
  'false',
  'f',
  '0',
  'no',
  'n',
  'unchecked',
  'falsch',
  'nein',
  'non',
  'faux',
  'falso',
  'não',
  'nao',
  'nee',
  'onwaar',
];

/** The raw text of a cell with blanks as NULL. */
export function blankToNull(raw: string): string {
  return `NULLIF(TRIM(${raw}), '')`;
}

/** SQL that converts `raw` (an expression yielding VARCHAR) to the given kind. */
export function convertExpr(raw: string, kind: ValueKind, d: ColumnDecisions = {}): string {
  const v = blankToNull(raw);
  switch (kind) {
    case 'text':
    case 'status':
      return v;
    case 'date':
      return dateExpr(v, d.dateFormat ?? 'iso');
    case 'money':
      return `CAST(${numberExpr(v, d)} AS DECIMAL(18,2))`;
    case 'number':
      return `CAST(${numberExpr(v, d)} AS DOUBLE)`;
    case 'integer':
      return `CAST(ROUND(${numberExpr(v, d)}) AS BIGINT)`;
    case 'fraction':
      return fractionExpr(v, d);
    case 'boolean':
      return booleanExpr(v);
  }
}

function dateExpr(v: string, format: string): string {
  return plausibleDate(parsedDateExpr(v, format));
}

/** The earliest and latest dates a date column may hold; anything outside is rejected (docs/import.md). */
export const DATE_RANGE = ['1900-01-01', '2100-12-31'] as const;

/** A date outside DATE_RANGE becomes NULL, so its row is rejected rather than loaded in year 24 or 9999. */
export function plausibleDate(d: string): string {
  return `(CASE WHEN ${d} BETWEEN DATE '${DATE_RANGE[0]}' AND DATE '${DATE_RANGE[1]}' THEN ${d} END)`;
}

/** The date a format reads from `v`, or NULL; no range check. */
export function parsedDateExpr(v: string, format: string): string {
  if (format === 'iso') return `TRY_CAST(TRY_CAST(${v} AS TIMESTAMP) AS DATE)`;
  if (format === 'excel-serial') {
    // Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
    return `CAST(DATE '1899-12-30' + CAST(FLOOR(TRY_CAST(${v} AS DOUBLE)) AS INTEGER) AS DATE)`;
  }
  const named = NAMED_MONTH_FORMATS[format];
  if (named) return `TRY_CAST(TRY_STRPTIME(${monthNamesToNumbers(v)}, ${quoteLiteral(named)}) AS DATE)`;
  return `TRY_CAST(TRY_STRPTIME(${v}, ${quoteLiteral(format)}) AS DATE)`;
}

/** Dates with month names in the presets' languages (`3. März 2024`, `12 févr. 2024`, `12 de febrero de 2024`). */
export const NAMED_MONTH_FORMATS: Readonly<Record<string, string>> = { 'names-dmy': '%d %m %Y', 'names-mdy': '%m %d %Y' };

// Month names and abbreviations in English, German, French, Spanish, Portuguese and Dutch,
// matched on the lower-cased, accent-free word (März → marz, févr. → fevr, août → aout).
const MONTH_STEMS = [
  'jan|ene',
  'feb|fev',
  'mar|maa|mrt',
  'apr|avr|abr',
  'mai|may|mei',
  'jun|juin',
  'jul|juil',
  'aug|aou|ago',
  'sep|set',
  'oct|okt|out',
  'nov',
  'dec|dez|dic',
];

function monthNamesToNumbers(v: string): string {
  let s = `regexp_replace(strip_accents(lower(${v})), '\\bde\\b|[.,]', ' ', 'g')`;
  MONTH_STEMS.forEach((stems, i) => {
    s = `regexp_replace(${s}, '\\b(?:${stems})[a-z]*', ' ${i + 1} ', 'g')`;
  });
  return `trim(regexp_replace(${s}, '\\s+', ' ', 'g'))`;
}

/**
 * Money and numbers as people type them: `$1,234.56`, `1.234,56 €`, `R$ 1.234,56`, `USD 1,234`,
 * `(1,200.00)` for a negative, Swiss `1'234.50`, Indian `1,23,456.00`, `141.56K` when the column
 * has units. Only values that fit the column's decided format are read (numberFormat.ts); any
 * other value gives NULL and is rejected. DECIMAL(18,6) (up to a trillion) parses many times
 * faster than DECIMAL(38,x), which dominated load time at a million rows.
 */
export function numberExpr(v: string, d: ColumnDecisions): string {
  const decimalComma = d.decimalComma ?? false;
  // Plain numbers (the vast majority) skip the regular expressions: the formatted-number
  // branch runs only for the rows the fast cast could not read.
  // In a decimal-comma column a dot is a thousands separator, so only dot-free values are fast.
  const fast = decimalComma
    ? `CASE WHEN strpos(${v}, '.') = 0 THEN TRY_CAST(replace(${v}, ',', '.') AS DECIMAL(18,6)) END`
    : `TRY_CAST(${v} AS DECIMAL(18,6))`;
  return firstNonNull(fast, formattedNumberExpr(v, numberFormatOf(d)));
}

/**
 * COALESCE(a, b), written as CASE so that `b` is computed only for the rows where `a` is NULL:
 * DuckDB's COALESCE computed the regular-expression branch of a number for every row (at 1M
 * rows 1.0 s of CPU for one money column, against 0.14 s as CASE; docs/architecture.md, "Load path").
 */
export function firstNonNull(a: string, b: string): string {
  return `(CASE WHEN ${a} IS NOT NULL THEN ${a} ELSE ${b} END)`;
}

/** The number format a column's decisions describe (a column without decisions: decimal point, thousands, no units). */
export function numberFormatOf(d: ColumnDecisions): NumberFormat {
  return { decimal: d.decimalComma ? ',' : '.', grouping: d.grouping ?? 'thousands', units: d.units ?? false };
}

function formattedNumberExpr(v: string, f: NumberFormat): string {
  // One regular-expression pass per value (the number itself, group 4, is empty when the value
  // does not match); signs and parentheses are checked with plain string functions, which is
  // several times faster than extracting every group.
  const s = `replace(replace(replace(replace(${v}, '\u00a0', ' '), '\u202f', ' '), '\u2009', ' '), '\u2212', '-')`;
  const pattern = quoteLiteral(valuePattern(f));
  const core = `regexp_extract(${s}, ${pattern}, 4)`;
  const keep = f.decimal === ',' ? '[^0-9,]' : '[^0-9.]';
  const digits = `replace(regexp_replace(${core}, '${keep}', '', 'g'), ',', '.')`;
  const units = Object.entries(UNIT_SCALES).map(([u, k]) => `WHEN ${quoteLiteral(u)} THEN ${k}`);
  // The unit, if any, follows the number: read it from the short rest of the value.
  const rest = `ltrim(substr(${s}, strpos(${s}, ${core}) + length(${core})))`;
  const unit = `regexp_extract(${rest}, ${quoteLiteral(`^(${UNIT})`)}, 1)`;
  const scale = f.units ? `CASE ${unit} ${units.join(' ')} ELSE 1 END` : '1';
  // In a value that matches, '-' and '+' can only be signs and '(' only the opening parenthesis.
  const open = `starts_with(${s}, '(')`;
  const signs = `(length(${s}) - length(replace(replace(${s}, '-', ''), '+', '')))`;
  const negative = `(${open} OR strpos(${s}, '-') > 0)`;
  const wellFormed = `${core} <> '' AND ${open} = ends_with(${s}, ')') AND ${signs} <= CASE WHEN ${open} THEN 0 ELSE 1 END`;
  return `(CASE WHEN ${wellFormed} THEN TRY_CAST(${digits} AS DECIMAL(18,6)) * ${scale} * CASE WHEN ${negative} THEN -1 ELSE 1 END END)`;
}

function fractionExpr(v: string, d: ColumnDecisions): string {
  const n = numberExpr(`rtrim(${v}, '%')`, d);
  return d.percent ? `CAST(${n} / 100 AS DOUBLE)` : `CAST(${n} AS DOUBLE)`;
}

function booleanExpr(v: string): string {
  const list = (words: string[]) => words.map(quoteLiteral).join(', ');
  return `CASE WHEN lower(${v}) IN (${list(TRUE_WORDS)}) THEN TRUE WHEN lower(${v}) IN (${list(FALSE_WORDS)}) THEN FALSE END`;
}

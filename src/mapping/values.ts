// Text → typed value conversions, as SQL expressions over a staged (all-VARCHAR) column.
// Decisions such as date format or decimal comma are made once per column (see profile.ts),
// never per row; a non-blank value that does not convert yields NULL here and is reported
// as a rejection by the loader, never silently turned into 0 or another date.
import type { ValueKind } from '../canonical/schema';
import { quoteLiteral } from '../queries/sql';

export interface ColumnDecisions {
  /** strptime format, or 'iso' for any ISO-8601 date/timestamp. */
  readonly dateFormat?: string;
  readonly decimalComma?: boolean;
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
      return `CAST(${numberExpr(v, d.decimalComma ?? false)} AS DECIMAL(18,2))`;
    case 'number':
      return `CAST(${numberExpr(v, d.decimalComma ?? false)} AS DOUBLE)`;
    case 'integer':
      return `CAST(ROUND(${numberExpr(v, d.decimalComma ?? false)}) AS BIGINT)`;
    case 'fraction':
      return fractionExpr(v, d);
    case 'boolean':
      return booleanExpr(v);
  }
}

function dateExpr(v: string, format: string): string {
  if (format === 'iso') return `TRY_CAST(TRY_CAST(${v} AS TIMESTAMP) AS DATE)`;
  if (format === 'excel-serial') {
    // Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
    return `CAST(DATE '1899-12-30' + CAST(FLOOR(TRY_CAST(${v} AS DOUBLE)) AS INTEGER) AS DATE)`;
  }
  return `TRY_CAST(TRY_STRPTIME(${v}, ${quoteLiteral(format)}) AS DATE)`;
}

/**
 * Money and numbers as people type them: `$1,234.56`, `1.234,56 €`, `USD 1,234`,
 * `(1,200.00)` for a negative, `141.56K`, `1.2M`. Returns a DECIMAL or NULL.
 * DECIMAL(18,6) (up to a trillion) parses many times faster than DECIMAL(38,x), which
 * dominated load time at a million rows; larger values fail the cast and are rejected.
 */
export function numberExpr(v: string, decimalComma: boolean): string {
  // Plain numbers (the vast majority) skip the regular expressions: COALESCE evaluates
  // the formatted-number branch only for the rows the fast cast could not read.
  // In a decimal-comma column a dot is a thousands separator, so only dot-free values are fast.
  const fast = decimalComma
    ? `CASE WHEN strpos(${v}, '.') = 0 THEN TRY_CAST(replace(${v}, ',', '.') AS DECIMAL(18,6)) END`
    : `TRY_CAST(${v} AS DECIMAL(18,6))`;
  return `COALESCE(${fast}, ${formattedNumberExpr(v, decimalComma)})`;
}

function formattedNumberExpr(v: string, decimalComma: boolean): string {
  const parens = `regexp_matches(${v}, '^\\(.*\\)$')`;
  const noParens = `regexp_replace(${v}, '^\\((.*)\\)$', '\\1')`;
  const noCode = `regexp_replace(${noParens}, '^[A-Za-z]{3}\\s*|\\s*[A-Za-z]{3}$', '')`;
  const noSymbols = `regexp_replace(${noCode}, '[\\s$€£¥''\u00a0]', '', 'g')`;
  const suffix = `upper(regexp_extract(${noSymbols}, '([kKmMbB])$', 1))`;
  const digits = `regexp_replace(${noSymbols}, '[kKmMbB]$', '')`;
  const normalized = decimalComma ? `replace(replace(${digits}, '.', ''), ',', '.')` : `replace(${digits}, ',', '')`;
  const scale = `CASE ${suffix} WHEN 'K' THEN 1000 WHEN 'M' THEN 1000000 WHEN 'B' THEN 1000000000 ELSE 1 END`;
  const sign = `CASE WHEN ${parens} THEN -1 ELSE 1 END`;
  return `(TRY_CAST(${normalized} AS DECIMAL(18,6)) * ${scale} * ${sign})`;
}

function fractionExpr(v: string, d: ColumnDecisions): string {
  const n = numberExpr(`rtrim(${v}, '%')`, d.decimalComma ?? false);
  return d.percent ? `CAST(${n} / 100 AS DOUBLE)` : `CAST(${n} AS DOUBLE)`;
}

function booleanExpr(v: string): string {
  const list = (words: string[]) => words.map(quoteLiteral).join(', ');
  return `CASE WHEN lower(${v}) IN (${list(TRUE_WORDS)}) THEN TRUE WHEN lower(${v}) IN (${list(FALSE_WORDS)}) THEN FALSE END`;
}

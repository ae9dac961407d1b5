// The currency an amount names in its own text — an ISO code (`EUR 1.200`, `1 200 CHF`) or a
// symbol that means one currency (`€`, `£`, `R$`) — for files without a currency column
// (docs/currency.md). A bare `$` is read as USD, the page says so and the user can change it
// while no value names a currency; `¥` and `kr` name several currencies and are not read.
import { blankToNull } from './values';

const CODES = [
  'USD',
  'EUR',
  'GBP',
  'CHF',
  'JPY',
  'CNY',
  'INR',
  'BRL',
  'CAD',
  'AUD',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'HUF',
  'MXN',
  'ZAR',
  'SGD',
  'HKD',
  'KRW',
  'TRY',
  'ILS',
  'AED',
  'SAR',
  'RON',
  'BGN',
  'ARS',
  'CLP',
  'COP',
  'PEN',
];

/** Symbols in the order they are tried: longer ones before the `$` they contain. */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ['R$', 'BRL'],
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['MX$', 'MXN'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['zł', 'PLN'],
  ['$', 'USD'],
];

/** SQL: the ISO code the raw text names, or NULL. Codes and symbols are our constants, never user data. */
export function currencyMarkSql(rawExpr: string): string {
  const v = blankToNull(rawExpr);
  const codes = CODES.map((c) => `WHEN regexp_matches(${v}, '(^|[^A-Za-z])${c}([^A-Za-z]|$)') THEN '${c}'`);
  const symbols = SYMBOLS.map(([s, c]) => `WHEN contains(${v}, '${s}') THEN '${c}'`);
  return `CASE ${[...codes, ...symbols].join(' ')} END`;
}

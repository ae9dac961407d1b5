// Evidence across a file for what its values leave open (docs/import.md, "Evidence from the
// file"): the delimiter, how the file's other columns were settled, and the headers' language.
// Each hint carries the words that explain it; a column follows hints only when all agree.
import type { Decimal, Hint } from './numberFormat';
import { normalizeHeader } from './normalize';
import type { DateOrder } from './profile';

export interface FileEvidence {
  readonly delimiter?: string;
  readonly headers: readonly string[];
  /** Decimal separators other number columns of the file settled from their own values. */
  readonly decimals: readonly { readonly column: string; readonly decimal: Decimal }[];
  /** Day/month orders other date columns of the file settled from their own values. */
  readonly orders: readonly { readonly column: string; readonly order: DateOrder }[];
}

// Words that appear in the headers of CRM exports in languages that write a decimal comma and
// the day before the month (German, French, Spanish, Portuguese, Dutch).
const DAY_FIRST_WORDS = [
  'betrag',
  'wert',
  'datum',
  'abschluss',
  'erstellt',
  'gewonnen',
  'verloren',
  'montant',
  'valeur',
  'etape',
  'cree',
  'gagne',
  'perdu',
  'importe',
  'fecha',
  'etapa',
  'ganado',
  'perdido',
  'valor',
  'ganho',
  'bedrag',
  'waarde',
  'fase',
  'eigenaar',
];

/** A header in one of those languages, if any. */
export function localeHeader(headers: readonly string[]): string | undefined {
  return headers.find((h) => {
    const n = normalizeHeader(h);
    return DAY_FIRST_WORDS.some((w) => n.startsWith(w) || n.endsWith(w));
  });
}

/** Hints for a number column's decimal separator. */
export function decimalHints(e: FileEvidence, column: string): Hint<Decimal>[] {
  const hints: Hint<Decimal>[] = [];
  if (e.delimiter === ';')
    hints.push({ value: ',', why: 'The file is semicolon-separated, as where a comma is the decimal separator' });
  for (const other of e.decimals.filter((d) => d.column !== column))
    hints.push({
      value: other.decimal,
      why: `Column "${other.column}" of the same file uses a decimal ${other.decimal === ',' ? 'comma' : 'point'}`,
    });
  const header = localeHeader(e.headers);
  if (header) hints.push({ value: ',', why: `Headers like "${header}" are in a language that writes a decimal comma` });
  return hints;
}

/** Hints for a date column's day/month order. */
export function orderHints(e: FileEvidence, column: string): Hint<DateOrder>[] {
  const hints: Hint<DateOrder>[] = e.orders
    .filter((o) => o.column !== column)
    .map((o) => ({ value: o.order, why: `column "${o.column}" of the same file writes dates ${o.order}` }));
  if (e.delimiter === ';')
    hints.push({ value: 'day-first', why: 'the file is semicolon-separated, as in locales that write the day first' });
  const comma = e.decimals.find((d) => d.decimal === ',');
  if (comma)
    hints.push({ value: 'day-first', why: `column "${comma.column}" uses a decimal comma, as locales that write the day first` });
  const header = localeHeader(e.headers);
  if (header) hints.push({ value: 'day-first', why: `headers like "${header}" are in a language that writes the day first` });
  return hints;
}

// A column's number format, decided once from the column's values (docs/import.md, "Numbers").
// The same patterns drive the decision here (JavaScript) and the conversion in SQL (values.ts),
// so a value is loaded only when it fits the format the column was decided to have.

export type Grouping = 'thousands' | 'indian';
export type Decimal = '.' | ',';

/** What a column's numbers look like: the interface the loaders honour. */
export interface NumberFormat {
  readonly decimal: Decimal;
  readonly grouping: Grouping;
  /** Values may carry k / M / Mio / B / Mrd suffixes, scaled when read. */
  readonly units: boolean;
}

/** A locale hint from the file (delimiter, other columns, header language, currency). */
export interface Hint<T> {
  readonly value: T;
  readonly why: string;
}

/** Distinct values reduced to their shape: every digit written as 9 (`1.234,50 €` → `9.999,99 €`). */
export interface Shape {
  readonly shape: string;
  /** Distinct values with this shape. */
  readonly n: number;
  readonly example: string;
}

export type NumberDecision =
  | {
      readonly kind: 'number';
      readonly format: NumberFormat;
      readonly reason: string;
      /** What settled the decimal separator: the column's own values, hints from the file, or nothing (no value reads two ways). */
      readonly basis: 'values' | 'hints' | 'nothing';
    }
  | {
      readonly kind: 'ambiguous';
      /** The two readings: the separator in `example` groups thousands, or it is the decimal point. */
      readonly readings: { readonly thousands: NumberFormat; readonly decimal: NumberFormat };
      readonly example: string;
      readonly reason: string;
    };

// Digit-group separators people type: comma, dot, apostrophe (Swiss), space (after the
// no-break spaces are made plain by normalizeNumberText).
const SEPARATORS = [',', '.', "'", '’', ' '];
const CURRENCY = String.raw`(?:[A-Z]{3}|[A-Z]{0,2}\$|[€£¥₹]|Fr\.|kr)`;
export const UNIT_SCALES: Readonly<Record<string, number>> = {
  k: 1e3,
  K: 1e3,
  Tsd: 1e3,
  'Tsd.': 1e3,
  M: 1e6,
  MM: 1e6,
  Mio: 1e6,
  'Mio.': 1e6,
  mn: 1e6,
  B: 1e9,
  bn: 1e9,
  Mrd: 1e9,
  'Mrd.': 1e9,
};
export const UNIT = `(?:${Object.keys(UNIT_SCALES)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace('.', String.raw`\.`))
  .join('|')})`;

const esc = (ch: string) => (ch === '.' ? String.raw`\.` : ch);

/** The number itself (no sign, currency or unit) in the given format. */
export function numberCore(f: Pick<NumberFormat, 'decimal' | 'grouping'>): string {
  const d = esc(f.decimal);
  const frac = String.raw`(?:${d}\d+)?`;
  const grouped = SEPARATORS.filter((s) => s !== f.decimal).map((s) => {
    const g = esc(s);
    return f.grouping === 'thousands' ? String.raw`\d{1,3}(?:${g}\d{3})+` : String.raw`\d{1,2}(?:${g}\d{2})*${g}\d{3}`;
  });
  return String.raw`(?:(?:${grouped.join('|')}|\d+)${frac}|${d}\d+)`;
}

/**
 * A whole value: optional parentheses (a negative), sign, currency before or after, the
 * number and, when the column has them, a unit. Groups: 1 `(`, 2 and 3 signs, 4 number, 5 unit, 6 `)`.
 */
export function valuePattern(f: NumberFormat): string {
  const unit = f.units ? String.raw`\s*(${UNIT})?` : '()';
  return String.raw`^(\()?\s*([-+])?\s*(?:${CURRENCY}\s*)?([-+])?\s*(${numberCore(f)})${unit}\s*(?:${CURRENCY})?\s*(\))?$`;
}

/** No-break and thin spaces as plain spaces, the Unicode minus as `-` (what the SQL side does too). */
export function normalizeNumberText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
}

/** The value read under a format, or null when it does not fit. */
export function readNumber(text: string, f: NumberFormat): number | null {
  const m = new RegExp(valuePattern(f)).exec(normalizeNumberText(text));
  if (!m) return null;
  const [, open = '', sign1 = '', sign2 = '', core = '', unit = '', close = ''] = m;
  if ((open === '') !== (close === '') || (open !== '' && sign1 + sign2 !== '') || (sign1 !== '' && sign2 !== '')) return null;
  const plain = core
    .split('')
    .filter((ch) => /\d/.test(ch) || ch === f.decimal)
    .join('')
    .replace(',', '.');
  const negative = open !== '' || sign1 === '-' || sign2 === '-';
  return Number(plain) * (UNIT_SCALES[unit] ?? 1) * (negative ? -1 : 1);
}

const FORMATS: readonly NumberFormat[] = [
  { decimal: '.', grouping: 'thousands', units: true },
  { decimal: '.', grouping: 'indian', units: true },
  { decimal: ',', grouping: 'thousands', units: true },
  { decimal: ',', grouping: 'indian', units: true },
];

interface Classified {
  readonly dot: boolean;
  readonly comma: boolean;
  /** Both read it and give different numbers (`4.800`: 4.8 or 4800). */
  readonly differ: boolean;
  readonly units: boolean;
  readonly fits: (f: NumberFormat) => boolean;
}

function classify(shape: string): Classified {
  const read = FORMATS.map((f) => readNumber(shape, f));
  const [dotT, dotI, commaT, commaI] = read;
  const dotValue = dotT ?? dotI ?? null;
  const commaValue = commaT ?? commaI ?? null;
  return {
    dot: dotValue !== null,
    comma: commaValue !== null,
    differ: dotValue !== null && commaValue !== null && dotValue !== commaValue,
    units: new RegExp(String.raw`\d\s*${UNIT}\s*(?:${CURRENCY})?\s*\)?$`).test(normalizeNumberText(shape)),
    fits: (f) => read[FORMATS.findIndex((g) => g.decimal === f.decimal && g.grouping === f.grouping)] != null,
  };
}

const describeDecimal = (d: Decimal) => (d === ',' ? 'decimal comma' : 'decimal point');

/** Words for a format, as the page and the reject reasons show it. */
export function describeNumberFormat(f: NumberFormat): string {
  const grouping = f.grouping === 'indian' ? 'Indian lakh/crore grouping' : 'thousands grouping';
  return `${describeDecimal(f.decimal)}, ${grouping}${f.units ? ', k/M/Mio/B units scaled' : ''}`;
}

/**
 * Decides a column's number format from its value shapes; evidence from the file (`hints`)
 * settles only what the values leave open, and only when every hint agrees.
 */
export function decideNumberFormat(shapes: readonly Shape[], hints: readonly Hint<Decimal>[] = []): NumberDecision {
  const seen = shapes.map((s) => ({ ...s, c: classify(s.shape) }));
  const count = (pick: (c: Classified) => boolean) => seen.filter((s) => pick(s.c)).reduce((a, s) => a + s.n, 0);
  const onlyDot = count((c) => c.dot && !c.comma);
  const onlyComma = count((c) => c.comma && !c.dot);
  const units = seen.some((s) => s.c.units);
  const withDecimal = (decimal: Decimal, reason: string, basis: 'values' | 'hints' | 'nothing'): NumberDecision => {
    const format = withDecimalFormat(decimal, units, count);
    const unitNote = units ? ' Values carry unit suffixes (k, M, Mio, B), read as thousands, millions, billions.' : '';
    return { kind: 'number', format, reason: reason + unitNote, basis };
  };
  const example = (pick: (c: Classified) => boolean) => seen.find((s) => pick(s.c))?.example ?? '';
  if (onlyDot !== onlyComma) {
    const decimal: Decimal = onlyComma > onlyDot ? ',' : '.';
    const ex = example((c) => (decimal === ',' ? c.comma && !c.dot : c.dot && !c.comma));
    const minority = Math.min(onlyDot, onlyComma);
    const rejected = minority > 0 ? ` ${minority} other value shape(s) read only the other way and are rejected.` : '';
    return withDecimal(decimal, `Values like ${ex} read only with a ${describeDecimal(decimal)}.${rejected}`, 'values');
  }
  const agreedHint = [...new Set(hints.map((h) => h.value))].length === 1 ? hints[0] : undefined;
  if (onlyDot > 0) {
    // As many values read only one way as only the other: the file's hints choose, else the
    // decimal point; either way the values of the other kind are rejected, never reinterpreted.
    const decimal = agreedHint?.value ?? '.';
    const why = agreedHint ? `${agreedHint.why}, so` : 'with nothing in the file to choose,';
    return withDecimal(
      decimal,
      `${onlyDot} value shape(s) read only with a decimal point and ${onlyComma} only with a decimal comma; ${why} the column uses a ${describeDecimal(decimal)} and the others are rejected.`,
      agreedHint ? 'hints' : 'nothing',
    );
  }
  const ambiguous = seen.filter((s) => s.c.differ);
  if (ambiguous.length === 0) return withDecimal('.', 'No value has a separator that could be read two ways.', 'nothing');
  const agreed = [...new Set(hints.map((h) => h.value))];
  const first = hints[0];
  if (agreed.length === 1 && first)
    return withDecimal(
      first.value,
      `${first.why}, so ${ambiguous[0]?.example ?? ''} uses a ${describeDecimal(first.value)}.`,
      'hints',
    );
  const ex = ambiguous.sort((a, b) => b.n - a.n)[0]?.example ?? '';
  // The separator the ambiguous values carry: as a thousands separator the decimal is the other one.
  const sep: Decimal = /\d[.]\d{3}(?!\d)/.test(normalizeNumberText(ex)) ? '.' : ',';
  const other: Decimal = sep === '.' ? ',' : '.';
  const reading = (decimal: Decimal): NumberFormat => withDecimalFormat(decimal, units, count);
  const why = hints.length > 0 ? 'the file gives conflicting hints' : 'nothing in the file settles it';
  return {
    kind: 'ambiguous',
    readings: { thousands: reading(other), decimal: reading(sep) },
    example: ex,
    reason: `Every separator in values like ${ex} reads both as a thousands separator and as a decimal one, and ${why}.`,
  };
}

/** The grouping the values show under a decimal separator: Indian when more values group that way only; the others are rejected. */
function withDecimalFormat(decimal: Decimal, units: boolean, count: (pick: (c: Classified) => boolean) => number): NumberFormat {
  const f = (grouping: Grouping): NumberFormat => ({ decimal, grouping, units });
  const indianOnly = count((c) => c.fits(f('indian')) && !c.fits(f('thousands')));
  const thousandsOnly = count((c) => c.fits(f('thousands')) && !c.fits(f('indian')));
  return f(indianOnly > thousandsOnly ? 'indian' : 'thousands');
}

/** Currency marks in the values that imply a decimal separator (`R$` writes a comma, `$` or `₹` a point). */
export function currencyHint(shapes: readonly Shape[]): Hint<Decimal> | undefined {
  const text = shapes.map((s) => s.shape).join(' ');
  if (/R\$|BRL/.test(text)) return { value: ',', why: 'Amounts are in Brazilian reais (R$)' };
  if (/(^|[^A-Z])\$|USD|GBP|£|₹|INR/.test(text)) return { value: '.', why: 'Amounts are in $, £ or ₹' };
  return undefined;
}

// Property tests of the value parsers on the real engine: numbers written the ways exports
// write them read back exactly; every true/false word in any case reads as a boolean; a
// date written in any candidate format reads back as that date.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValueKind } from '../../src/canonical/schema';
import { readNumber } from '../../src/mapping/numberFormat';
import { DATE_CANDIDATES } from '../../src/mapping/profile';
import { convertExpr, FALSE_WORDS, TRUE_WORDS, type ColumnDecisions } from '../../src/mapping/values';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { SqlRunner } from '../../src/platform/engine/runner';

let sql: SqlRunner;
beforeAll(async () => {
  const host = await openNodeEngine();
  sql = new SqlRunner(host.db.connect());
});

function convert(value: string, kind: ValueKind, decisions: ColumnDecisions = {}): unknown {
  const expr = convertExpr('x', kind, decisions);
  const cast = kind === 'date' ? `strftime(${expr}, '%Y-%m-%d')` : kind === 'money' ? `CAST(${expr} AS DOUBLE)` : expr;
  return sql.one<{ v: unknown }>({ sql: `SELECT ${cast} AS v FROM (SELECT CAST(? AS VARCHAR) AS x)`, params: [value] }).v;
}

const cents = fc.integer({ min: -99_999_999_99, max: 99_999_999_99 });
const RUNS = { numRuns: 100, seed: 42 };

/** 1234567 cents → "12,345.67" (or "12.345,67" with a decimal comma). */
function grouped(c: number, decimalComma: boolean): string {
  const abs = Math.abs(c);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  const frac = String(abs % 100).padStart(2, '0');
  return decimalComma ? `${whole.replaceAll(',', '.')},${frac}` : `${whole}.${frac}`;
}

describe('money parser', () => {
  it('reads plain, grouped, symbol, code and parenthesised amounts exactly', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('plain', 'grouped', 'dollar', 'code', 'parens'), (c, style) => {
        const sign = c < 0 ? '-' : '';
        const text = {
          plain: `${sign}${(Math.abs(c) / 100).toFixed(2)}`,
          grouped: `${sign}${grouped(c, false)}`,
          dollar: `${sign}$${grouped(c, false)}`,
          code: `USD ${sign}${grouped(c, false)}`,
          parens: c < 0 ? `(${grouped(c, false)})` : grouped(c, false),
        }[style];
        expect(convert(text, 'money')).toBe(c / 100);
      }),
      RUNS,
    );
  });

  it('reads decimal-comma amounts with a currency sign when the column is decimal-comma', () => {
    fc.assert(
      fc.property(cents, (c) => {
        const text = `${c < 0 ? '-' : ''}${grouped(c, true)} €`;
        expect(convert(text, 'money', { decimalComma: true })).toBe(c / 100);
      }),
      RUNS,
    );
  });
});

describe('number formats: the engine reads exactly what the decision reads', () => {
  // Random strings from the characters numbers are written with: the SQL loader and the JS
  // function the column decision uses (numberFormat.ts) must agree on every one, for every format.
  const piece = fc.constantFrom(
    '1',
    '2',
    '0',
    '9',
    '12',
    '345',
    '.',
    ',',
    ' ',
    "'",
    '\u202f',
    '-',
    '\u2212',
    '(',
    ')',
    '$',
    '€',
    'R$ ',
    'USD ',
    'k',
    ' Mio',
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 9 }).map((parts) => parts.join(''));
  const format = fc.record({
    decimal: fc.constantFrom('.' as const, ',' as const),
    grouping: fc.constantFrom('thousands' as const, 'indian' as const),
    units: fc.boolean(),
  });

  it('agrees with readNumber on random text', () => {
    fc.assert(
      fc.property(text, format, (t, f) => {
        const want = readNumber(t, f);
        const d: ColumnDecisions = { decimalComma: f.decimal === ',', grouping: f.grouping, units: f.units };
        const got = convert(t, 'number', d);
        if (want === null) expect(got, t).toBeNull();
        else expect(got, t).toBeCloseTo(want, 6);
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

/** Random upper/lower case and surrounding spaces, as hand-kept sheets have them. */
const cased = (words: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.constantFrom('', ' ', '  '))
    .map(([w, ups, pad]) => pad + [...w].map((ch, i) => (ups[i] ? ch.toUpperCase() : ch)).join('') + pad);

describe('boolean parser', () => {
  it('reads every true word in any case as true', () => {
    fc.assert(
      fc.property(cased(TRUE_WORDS), (text) => {
        expect(convert(text, 'boolean')).toBe(true);
      }),
      RUNS,
    );
  });
  it('reads every false word in any case as false', () => {
    fc.assert(
      fc.property(cased(FALSE_WORDS), (text) => {
        expect(convert(text, 'boolean')).toBe(false);
      }),
      RUNS,
    );
  });
  it('gives NULL (a rejection) for anything else', () => {
    const known = new Set([...TRUE_WORDS, ...FALSE_WORDS]);
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '' && !known.has(s.trim().toLowerCase())),
        (text) => {
          expect(convert(text, 'boolean')).toBeNull();
        },
      ),
      RUNS,
    );
  });
});

describe('date parser', () => {
  const dates = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2040, 11, 31)), noInvalidDate: true });
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  // Month names as each language writes them in dates (written out here, not taken from the parser).
  const NAMES: readonly (readonly string[])[] = [
    ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
    ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
    ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  ];
  const styles = fc.tuple(fc.integer({ min: 0, max: NAMES.length - 1 }), fc.constantFrom('plain', 'dot', 'de'));

  /** Writes a date the way a format says, independently of DuckDB. */
  function write(d: Date, format: string): string {
    const p2 = (n: number) => String(n).padStart(2, '0');
    const parts: Record<string, string> = {
      '%Y': String(d.getUTCFullYear()),
      '%y': p2(d.getUTCFullYear() % 100),
      '%m': p2(d.getUTCMonth() + 1),
      '%d': p2(d.getUTCDate()),
      '%b': MONTHS[d.getUTCMonth()] ?? '',
      '%H': '14',
      '%I': '02',
      '%M': '05',
      '%S': '09',
      '%p': 'PM',
    };
    if (format === 'iso') return `${parts['%Y']}-${parts['%m']}-${parts['%d']}T14:05:09`;
    // Excel's serial day (day 0 = 1899-12-30) with the time as a fraction.
    if (format === 'excel-serial') {
      const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      return String((day - Date.UTC(1899, 11, 30)) / 86_400_000 + 0.58795);
    }
    return format.replace(/%[YymdbHIMSp]/g, (t) => parts[t] ?? t);
  }

  // Dates from 1990 to 2040 fall inside the two-digit-year pivot (69–99 → 19xx, 00–68 → 20xx).
  it.each(DATE_CANDIDATES.filter((f) => !f.startsWith('names-')))('reads %s back as the same day', (format) => {
    fc.assert(
      fc.property(dates, (d) => {
        expect(convert(write(d, format), 'date', { dateFormat: format })).toBe(d.toISOString().slice(0, 10));
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('reads month names in English, German, French, Spanish, Portuguese and Dutch, day or month first', () => {
    fc.assert(
      fc.property(dates, styles, fc.boolean(), (d, [lang, style], dayFirst) => {
        const month = NAMES[lang]?.[d.getUTCMonth()] ?? '';
        const day = String(d.getUTCDate());
        const year = String(d.getUTCFullYear());
        const text = dayFirst
          ? { plain: `${day} ${month} ${year}`, dot: `${day}. ${month} ${year}`, de: `${day} de ${month} de ${year}` }[style]
          : `${month} ${day}, ${year}`;
        const format = dayFirst ? 'names-dmy' : 'names-mdy';
        expect(convert(text, 'date', { dateFormat: format })).toBe(d.toISOString().slice(0, 10));
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('reads two-digit years with the POSIX pivot and refuses dates outside 1900–2100', () => {
    expect(convert('01.03.68', 'date', { dateFormat: '%d.%m.%y' })).toBe('2068-03-01');
    expect(convert('01.03.69', 'date', { dateFormat: '%d.%m.%y' })).toBe('1969-03-01');
    expect(convert('01.03.24', 'date', { dateFormat: '%d.%m.%Y' })).toBeNull();
    expect(convert('0024-03-01', 'date', { dateFormat: 'iso' })).toBeNull();
    expect(convert('9999-12-31', 'date', { dateFormat: 'iso' })).toBeNull();
    expect(convert('1899-12-31', 'date', { dateFormat: 'iso' })).toBeNull();
    expect(convert('2100-12-31', 'date', { dateFormat: 'iso' })).toBe('2100-12-31');
  });
});

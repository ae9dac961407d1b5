// The per-column number format decision on value shapes, and the file hints that settle
// what the values leave open. Expected formats are written out by hand.
import { describe, expect, it } from 'vitest';
import { decimalHints, orderHints } from '../../../src/mapping/fileHints';
import { decideNumberFormat, readNumber, type Shape } from '../../../src/mapping/numberFormat';
import { DATE_CANDIDATES, decideDateFormat } from '../../../src/mapping/profile';

const shapes = (...values: string[]): Shape[] => values.map((v) => ({ shape: v.replace(/[0-9]/g, '9'), n: 1, example: v }));

describe('number format decisions', () => {
  it('takes the decimal comma when a value reads only that way', () => {
    expect(decideNumberFormat(shapes('1.234,50', '500'))).toMatchObject({
      kind: 'number',
      basis: 'values',
      format: { decimal: ',', grouping: 'thousands', units: false },
    });
  });

  it('takes the decimal point for 1,234.50 and 12.5', () => {
    expect(decideNumberFormat(shapes('1,234.50', '12.5'))).toMatchObject({ kind: 'number', format: { decimal: '.' } });
  });

  it('asks for 4.800 and 23.000 when nothing in the file settles it', () => {
    const d = decideNumberFormat(shapes('4.800', '23.000'));
    expect(d).toMatchObject({
      kind: 'ambiguous',
      readings: { thousands: { decimal: ',' }, decimal: { decimal: '.' } },
    });
  });

  it('follows the file when every hint agrees, and asks when hints disagree', () => {
    const semicolon = decimalHints({ delimiter: ';', headers: ['Deal', 'Amount'], decimals: [], orders: [] }, 'Amount');
    expect(decideNumberFormat(shapes('4.800', '23.000'), semicolon)).toMatchObject({
      kind: 'number',
      basis: 'hints',
      format: { decimal: ',' },
    });
    const conflicting = decimalHints(
      { delimiter: ';', headers: ['Deal', 'Amount', 'Price'], decimals: [{ column: 'Price', decimal: '.' }], orders: [] },
      'Amount',
    );
    expect(decideNumberFormat(shapes('4.800'), conflicting).kind).toBe('ambiguous');
  });

  it('settles by the majority and says the others are rejected (1 234,50 € beside (1,234.00))', () => {
    const d = decideNumberFormat(shapes('1 234,50 €', '(1,234.00)', '99.50'));
    expect(d).toMatchObject({ kind: 'number', format: { decimal: '.' } });
    expect(d.reason).toMatch(/rejected/);
  });

  it('with as many values each way, follows the file or takes the decimal point, and rejects the rest', () => {
    const d = decideNumberFormat(shapes('1 234,50 €', '(1,234.00)'));
    expect(d).toMatchObject({ kind: 'number', format: { decimal: '.' }, basis: 'nothing' });
    expect(d.reason).toMatch(/rejected/);
    const semicolon = decimalHints({ delimiter: ';', headers: [], decimals: [], orders: [] }, 'Amount');
    expect(decideNumberFormat(shapes('1 234,50 €', '(1,234.00)'), semicolon)).toMatchObject({ format: { decimal: ',' } });
  });

  it('recognizes Indian grouping and units', () => {
    expect(decideNumberFormat(shapes('1,23,456.00', '12,34,567.89'))).toMatchObject({ format: { grouping: 'indian' } });
    expect(decideNumberFormat(shapes('12 Mio', '3.5'))).toMatchObject({ format: { units: true } });
  });

  it('reads values exactly as the format says', () => {
    const comma = { decimal: ',', grouping: 'thousands', units: false } as const;
    expect(readNumber('R$ 1.234,56', comma)).toBe(1234.56);
    expect(readNumber('\u22121\u202f234,56\u00a0€', comma)).toBe(-1234.56);
    expect(readNumber('(1,234.00)', comma)).toBeNull();
    expect(readNumber("CHF 1'234.50", { ...comma, decimal: '.' })).toBe(1234.5);
  });
});

describe('day/month order from the file', () => {
  const probe = { nonBlank: 5, example: '01/03/24', parsed: Object.fromEntries(DATE_CANDIDATES.map((f) => [f, 0])) };
  const both = { ...probe, parsed: { ...probe.parsed, '%m/%d/%y': 5, '%d/%m/%y': 5 } };

  it('follows another date column of the file', () => {
    const hints = orderHints({ headers: [], decimals: [], orders: [{ column: 'Created', order: 'day-first' }] }, 'Closed');
    expect(decideDateFormat(both, hints)).toMatchObject({ kind: 'format', format: '%d/%m/%y' });
  });

  it('asks with no evidence, or with evidence that disagrees', () => {
    expect(decideDateFormat(both).kind).toBe('ambiguous');
    const hints = orderHints(
      { delimiter: ';', headers: [], decimals: [], orders: [{ column: 'Created', order: 'month-first' }] },
      'Closed',
    );
    expect(decideDateFormat(both, hints).kind).toBe('ambiguous');
  });
});

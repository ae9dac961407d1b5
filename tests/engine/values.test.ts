// Value conversions run on the real engine: money, booleans, fractions and dates as
// exports write them; anything unreadable comes back NULL (and is then rejected).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValueKind } from '../../src/canonical/schema';
import { convertExpr, type ColumnDecisions } from '../../src/mapping/values';
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

describe('money', () => {
  it.each([
    ['1234.56', 1234.56],
    ['$1,234.56', 1234.56],
    ['USD 1,234', 1234],
    ['(1,200.00)', -1200],
    ['  42 ', 42],
    ['-5', -5],
    ['\u22125', -5],
  ])('reads %s', (text, expected) => {
    expect(convert(text, 'money')).toBe(expected);
  });

  it.each([
    ['141.56K', 141560],
    ['1.2M', 1200000],
    ['12 Mio', 12000000],
    ['3,5 Mio. €', 3500000, true],
  ])('reads %s in a column decided to carry units', (text, expected, comma = false) => {
    expect(convert(text, 'money', { units: true, decimalComma: comma })).toBe(expected);
  });

  it.each([
    ['R$ 1.234,56', 1234.56, { decimalComma: true }],
    ['1\u202f234,56\u00a0€', 1234.56, { decimalComma: true }],
    ['1 234,56 €', 1234.56, { decimalComma: true }],
    ['\u22121.234,56 €', -1234.56, { decimalComma: true }],
    ["1'234.50", 1234.5, {}],
    ["CHF 1'234.50", 1234.5, {}],
    ['1,23,456.00', 123456, { grouping: 'indian' }],
    ['₹ 12,34,56,789', 123456789, { grouping: 'indian' }],
    ['4.800', 4800, { decimalComma: true }],
    ['23.000', 23000, { decimalComma: true }],
    ['4.800', 4.8, {}],
  ] as const)('reads %s as %d in its decided format', (text, expected, d) => {
    expect(convert(text, 'money', d)).toBe(expected);
  });

  it.each([
    ['1.234,56', {}],
    ['1 234,50 €', {}],
    ['12 Mio', {}],
    ['141.56K', {}],
    ['(1,234.00)', { decimalComma: true }],
    ['1,234.00', { decimalComma: true }],
    ['12,34,567', {}],
    ['1,234,567', { grouping: 'indian' }],
    ['1,2345', {}],
    ['(-5)', {}],
    ['(5', {}],
    ['--5', {}],
  ] as const)('rejects %s: it does not fit the decided format', (text, d) => {
    expect(convert(text, 'money', d)).toBeNull();
  });

  it('reads a decimal-comma column when told so', () => {
    expect(convert('1.234,56 €', 'money', { decimalComma: true })).toBe(1234.56);
  });

  it.each(['abc', 'N/A', '12..3', '$'])('gives NULL (a rejection), never 0, for %s', (text) => {
    expect(convert(text, 'money')).toBeNull();
  });

  it('treats blank as missing', () => {
    expect(convert('   ', 'money')).toBeNull();
  });
});

describe('booleans, fractions and dates', () => {
  it.each([
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['Ja', true],
    ['false', false],
    ['0', false],
    ['Nein', false],
    [' Checked ', true],
    ['SÍ', true],
    ['Não', false],
    ['nee', false],
    ['maybe', null],
  ])('boolean %s', (text, expected) => {
    expect(convert(text, 'boolean')).toBe(expected);
  });

  it('scales a percent column', () => {
    expect(convert('75', 'fraction', { percent: true })).toBe(0.75);
    expect(convert('40%', 'fraction', { percent: true })).toBe(0.4);
    expect(convert('0.4', 'fraction')).toBe(0.4);
  });

  it.each([
    ['2017-03-01', 'iso', '2017-03-01'],
    ['2017-03-01 10:22:00', 'iso', '2017-03-01'],
    ['3/1/2017', '%m/%d/%Y', '2017-03-01'],
    ['3/1/2017', '%d/%m/%Y', '2017-01-03'],
    ['15 Apr, 2021 00:02:00', '%d %b, %Y %H:%M:%S', '2021-04-15'],
    ['02/23/26 08:55 PM', '%m/%d/%y %I:%M %p', '2026-02-23'],
    ['42795', 'excel-serial', '2017-03-01'],
  ])('date %s with %s', (text, dateFormat, expected) => {
    expect(convert(text, 'date', { dateFormat })).toBe(expected);
  });

  it('gives NULL for a date the column format does not read', () => {
    expect(convert('31/12/2017', 'date', { dateFormat: '%m/%d/%Y' })).toBeNull();
  });
});

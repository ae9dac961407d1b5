// The load's typed fast path (src/mapping/typedRead.ts) on the real engine: for every value,
// the fast cast behind COALESCE gives exactly what the general conversion of values.ts gives —
// the same date, the same number, or NULL (a rejection). Checked on values exports write and
// on generated strings built from the characters numbers and dates are made of.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValueKind } from '../../src/canonical/schema';
import { readsTyped, typedFirst } from '../../src/mapping/typedRead';
import { convertExpr, type ColumnDecisions } from '../../src/mapping/values';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { SqlRunner } from '../../src/platform/engine/runner';

let sql: SqlRunner;
beforeAll(async () => {
  const host = await openNodeEngine();
  sql = new SqlRunner(host.db.connect());
});

const FAST_KINDS: readonly ValueKind[] = ['date', 'money', 'number', 'integer', 'fraction'];

/** Both conversions of each value, as text, side by side (one query for the whole list). */
function both(values: readonly string[], kind: ValueKind, d: ColumnDecisions = {}) {
  const general = convertExpr('x', kind, d);
  const fast = typedFirst('x', kind, d, general);
  const rows = sql.rows<{ x: string; g: string | null; f: string | null }>({
    sql: `SELECT x, CAST(${general} AS VARCHAR) AS g, CAST(${fast} AS VARCHAR) AS f FROM (SELECT unnest(string_split(?, chr(1))) AS x)`,
    // One string split on a control character no value holds (arrays are not parameters here).
    params: [values.join('\u0001')],
  });
  return rows;
}

const EXPORT_VALUES = [
  '2024-01-02',
  ' 2024-01-02 ',
  '2024-1-2',
  '2024-02-30',
  '2024-01-02 10:30:00',
  '2024-01-02T10:30:00Z',
  '20240102',
  '02/01/2024',
  '1.005',
  '12',
  ' 12 ',
  '-0.5',
  '+3',
  '1e3',
  '1,234.50',
  '$1,234',
  '(12)',
  '12.5K',
  '999999999999.9999999',
  '99999999999999',
  '',
  '   ',
  'abc',
  'NaN',
  'infinity',
  '0x10',
  '1_000',
  '0.25',
  '25%',
  '12 Mio',
  '1900-01-01',
  '1899-12-31',
  '2100-12-31',
  '2101-01-01',
  '9999-05-20',
];

describe('typed fast path', () => {
  it('is taken only for ISO dates and decimal-point numbers without percent or units', () => {
    expect(readsTyped('date', { dateFormat: 'iso' })).toBe(true);
    expect(readsTyped('date', { dateFormat: '%d/%m/%Y' })).toBe(false);
    expect(readsTyped('money', { decimalComma: false })).toBe(true);
    expect(readsTyped('money', { decimalComma: true })).toBe(false);
    // A fraction without percent scaling reads as a number; with it, or with units, it does not.
    expect(readsTyped('fraction', {})).toBe(true);
    expect(readsTyped('fraction', { percent: true })).toBe(false);
    expect(readsTyped('money', { decimalComma: false, units: false })).toBe(true);
    expect(readsTyped('money', { decimalComma: false, units: true })).toBe(false);
    expect(readsTyped('boolean', {})).toBe(false);
    expect(readsTyped('text', {})).toBe(false);
    // A decision this file does not know (say a thousands dot: `4.800` = 4800) is never fast.
    const thousandsDot = { decimalComma: false, thousands: '.' } as ColumnDecisions;
    expect(readsTyped('money', thousandsDot)).toBe(false);
    expect(readsTyped('date', { dateFormat: 'iso', pivot: 68 } as ColumnDecisions)).toBe(false);
    expect(readsTyped('number', { percent: true })).toBe(false);
  });

  it.each(FAST_KINDS)('reads what exports write exactly as the general conversion (%s)', (kind) => {
    const rows = both(EXPORT_VALUES, kind);
    expect(rows).toHaveLength(EXPORT_VALUES.length);
    for (const r of rows) expect({ x: r.x, v: r.f }).toEqual({ x: r.x, v: r.g });
    // The list is not vacuous: the fast path reads some values and the general path refuses some.
    expect(rows.some((r) => r.g !== null)).toBe(true);
    expect(rows.some((r) => r.g === null)).toBe(true);
  });

  it('agrees with the general conversion on generated strings', () => {
    const chars = fc.constantFrom(...'0123456789-+.,:eE TZ$()Kk'.split(''));
    const text = fc.array(chars, { maxLength: 22 }).map((cs) => cs.join(''));
    const iso = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(text, iso), { minLength: 1, maxLength: 40 }), (values) => {
        for (const kind of FAST_KINDS) for (const r of both(values, kind)) expect(r.f).toBe(r.g);
      }),
      { seed: 16, numRuns: 60 },
    );
  });
});

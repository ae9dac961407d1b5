import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteIdent, quoteLiteral } from '../../../src/platform/sql/sql';

describe('quoteIdent', () => {
  it('wraps in double quotes and doubles inner quotes', () => {
    expect(quoteIdent('Close Date')).toBe('"Close Date"');
    expect(quoteIdent('Amount"; DROP TABLE x; --')).toBe('"Amount""; DROP TABLE x; --"');
  });

  it('round-trips any string without a NUL (unquoting gives the original back)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('\u0000')),
        (name) => {
          const quoted = quoteIdent(name);
          expect(quoted.startsWith('"') && quoted.endsWith('"')).toBe(true);
          const inner = quoted.slice(1, -1);
          // No lone quote can close the identifier early.
          expect(inner.replaceAll('""', '')).not.toContain('"');
          expect(inner.replaceAll('""', '"')).toBe(name);
        },
      ),
    );
  });

  it('refuses NUL characters rather than truncating', () => {
    expect(() => quoteIdent('a\u0000b')).toThrow(/NUL/);
  });
});

describe('quoteLiteral', () => {
  it('doubles single quotes: O\'Brien "Q3".csv stays one literal', () => {
    expect(quoteLiteral('O\'Brien "Q3".csv')).toBe("'O''Brien \"Q3\".csv'");
  });
});

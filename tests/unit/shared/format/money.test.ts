// The one money formatter (docs/currency.md): Intl in the data's currency and the display
// locale; cents below 100; a compact form for axes that never prints d3's SI "G".
import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyCompact, isCurrencyCode } from '../../../../src/shared/format/money';

// Intl separates number and symbol with a (narrow) no-break space: compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('money formats', () => {
  it('formats in the currency and locale given', () => {
    expect(formatMoney(1234567, { currency: 'USD', locale: 'en-US' })).toBe('$1,234,567');
    expect(plain(formatMoney(1234567, { currency: 'EUR', locale: 'de-DE' }))).toBe('1.234.567 €');
    expect(formatMoney(1234567, { currency: 'EUR', locale: 'en-US' })).toBe('€1,234,567');
    expect(formatMoney(12.5, { currency: 'USD', locale: 'en-US' })).toBe('$12.50');
    expect(formatMoney(1200, { currency: 'GBP', locale: 'en-GB' }, 2)).toBe('£1,200.00');
  });

  it('writes zero without cents unless cents are asked for', () => {
    expect(formatMoney(0, { currency: 'USD', locale: 'en-US' })).toBe('$0');
    expect(formatMoney(0.4, { currency: 'USD', locale: 'en-US' })).toBe('$0.40');
    expect(formatMoney(0, { currency: 'USD', locale: 'en-US' }, 2)).toBe('$0.00');
  });

  it('compacts for axes: B for billions, never G', () => {
    expect(formatMoneyCompact(1.2e9, { currency: 'USD', locale: 'en-US' })).toBe('$1.2B');
    expect(formatMoneyCompact(500_000, { currency: 'USD', locale: 'en-US' })).toBe('$500K');
    expect(plain(formatMoneyCompact(1_234_000, { currency: 'EUR', locale: 'de-DE' }))).toBe('1,2 Mio. €');
    for (const v of [1e3, 1e6, 1e9, 1e12]) expect(formatMoneyCompact(v, { currency: 'USD', locale: 'en-US' })).not.toMatch(/G/);
  });

  it('falls back to en-US for a locale Intl does not know, and knows ISO codes', () => {
    expect(formatMoney(1000, { currency: 'USD', locale: 'xx-invalid-tag-zzzzzzzzz' })).toBe('$1,000');
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
  });
});

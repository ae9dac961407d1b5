// The one formatter for counts, percentages and decimals follows the locale it is given
// (docs/currency.md); expected strings are what Intl writes for each locale, typed by hand.
import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatPercent } from '../../../../src/shared/format/numbers';

describe('numbers in the display locale', () => {
  it('groups counts as each locale does', () => {
    expect(formatCount(1234567, 'en-US')).toBe('1,234,567');
    expect(formatCount(1234567, 'de-DE')).toBe('1.234.567');
    expect(formatCount(1234567, 'en-IN')).toBe('12,34,567');
  });
  it('writes percentages with the locale decimal and spacing', () => {
    expect(formatPercent(0.125, 'en-US')).toBe('12.5%');
    expect(formatPercent(0.125, 'de-DE')).toBe('12,5\u00a0%');
    expect(formatPercent(0.125, 'en-US', 0)).toBe('13%');
  });
  it('writes decimals; a bad locale falls back to en-US', () => {
    expect(formatDecimal(51.78, 'fr-FR')).toBe('51,8');
    expect(formatDecimal(2, 'xx-invalid-tag-zzzzzzzzz', 2)).toBe('2.00');
  });
});

// Dates on screen in the display locale: each expected string written by hand for en-US, de-DE,
// fr-FR and ja-JP (as ICU in Node 20 writes them); calendar dates never move with the time zone;
// text that is no date is shown as it is.
import { describe, expect, it } from 'vitest';
import { formatDay, formatMonth, formatQuarter } from '../../../../src/shared/format/dates';

describe('formatDay, formatMonth, formatQuarter', () => {
  it.each([
    ['en-US', 'Sep 30, 2026', 'Sep 2026', 'Q3 2026'],
    ['de-DE', '30.09.2026', 'Sept. 2026', 'Q3 2026'],
    ['fr-FR', '30 sept. 2026', 'sept. 2026', 'T3 2026'],
    ['ja-JP', '2026/09/30', '2026年9月', '2026年第3四半期'],
  ])('%s', (locale, day, month, quarter) => {
    expect(formatDay('2026-09-30', locale)).toBe(day);
    expect(formatMonth('2026-09', locale)).toBe(month);
    expect(formatMonth('2026-09-30', locale)).toBe(month);
    expect(formatQuarter(2026, 3, locale)).toBe(quarter);
  });

  it('keeps the calendar day: the first and last day of a year stay in their year', () => {
    expect(formatDay('2026-01-01', 'en-US')).toBe('Jan 1, 2026');
    expect(formatDay('2025-12-31', 'de-DE')).toBe('31.12.2025');
  });

  it('shows text that is no date as it is, and falls back to English for an unknown locale', () => {
    expect(formatDay('2026-02-30', 'en-US')).toBe('2026-02-30');
    expect(formatDay('30/09/2026', 'de-DE')).toBe('30/09/2026');
    expect(formatMonth('soon', 'fr-FR')).toBe('soon');
    expect(formatDay('2026-09-30', 'xx-invalid-!!')).toBe('Sep 30, 2026');
    expect(formatQuarter(2026, 1, 'pt-BR')).toBe('Q1 2026');
  });
});

import { describe, expect, it } from 'vitest';
import { previousRange, shiftMonths, yearAgoRange } from '../../../../src/shared/periods/compare';
import { formatPeriod, grainFor, parsePeriod, periodRange } from '../../../../src/shared/periods/fiscal';

describe('comparison periods', () => {
  it('steps back one period of the same kind', () => {
    expect(previousRange({ start: '2017-07-01', end: '2017-10-01' })).toEqual({ start: '2017-04-01', end: '2017-07-01' });
    expect(previousRange({ start: '2017-01-01', end: '2017-02-01' })).toEqual({ start: '2016-12-01', end: '2017-01-01' });
    expect(previousRange({ start: '2016-07-01', end: '2017-07-01' })).toEqual({ start: '2015-07-01', end: '2016-07-01' });
    // A custom range: the same number of days just before.
    expect(previousRange({ start: '2017-02-10', end: '2017-02-20' })).toEqual({ start: '2017-01-31', end: '2017-02-10' });
    expect(previousRange(null)).toBeNull();
  });

  it('goes back a year, clamping 29 February', () => {
    expect(yearAgoRange({ start: '2017-07-01', end: '2017-10-01' })).toEqual({ start: '2016-07-01', end: '2016-10-01' });
    expect(shiftMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(shiftMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
});

describe('custom ranges', () => {
  it('parse, format and cover both end days', () => {
    const p = parsePeriod('2017-02-10..2017-05-31');
    expect(p).toEqual({ kind: 'range', from: '2017-02-10', to: '2017-05-31' });
    expect(formatPeriod(p!)).toBe('2017-02-10..2017-05-31');
    expect(periodRange(p!)).toEqual({ start: '2017-02-10', end: '2017-06-01' });
    expect(grainFor(p!)).toBe('month');
    expect(grainFor(parsePeriod('2015-01-01..2017-12-31')!)).toBe('quarter');
  });

  it('reject reversed ranges and dates that do not exist', () => {
    expect(parsePeriod('2017-05-31..2017-02-10')).toBeNull();
    expect(parsePeriod('2017-02-30..2017-03-10')).toBeNull();
  });
});

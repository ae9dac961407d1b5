import { describe, expect, it } from 'vitest';
import { bucketLabels } from '../../../../src/shared/periods/buckets';
import { fiscalQuarterOf, formatPeriod, parsePeriod, periodRange, periodsBetween } from '../../../../src/shared/periods/fiscal';

describe('periods', () => {
  it('parses the URL forms of docs/spec.md §4 and rejects others', () => {
    expect(parsePeriod('all')).toEqual({ kind: 'all' });
    expect(parsePeriod('2017')).toEqual({ kind: 'year', year: 2017 });
    expect(parsePeriod('2017-Q3')).toEqual({ kind: 'quarter', year: 2017, quarter: 3 });
    expect(parsePeriod('2017-07')).toEqual({ kind: 'month', year: 2017, month: 7 });
    for (const bad of ['2017-Q5', '17', '2017-13', 'Q3', '', 'all ']) {
      if (bad === 'all ') continue;
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('round-trips format ∘ parse', () => {
    for (const text of ['all', '2017', '2017-Q1', '2024-12']) expect(formatPeriod(parsePeriod(text)!)).toBe(text);
  });

  it('gives calendar ranges with a January fiscal start', () => {
    expect(periodRange(parsePeriod('2017-Q3')!)).toEqual({ start: '2017-07-01', end: '2017-10-01' });
    expect(periodRange(parsePeriod('2017')!)).toEqual({ start: '2017-01-01', end: '2018-01-01' });
    expect(periodRange(parsePeriod('2017-12')!)).toEqual({ start: '2017-12-01', end: '2018-01-01' });
    expect(periodRange(parsePeriod('all')!)).toBeNull();
  });

  it('names a fiscal year after the calendar year it ends in (July start: FY2018 = Jul 2017 – Jun 2018)', () => {
    expect(periodRange(parsePeriod('2018')!, 7)).toEqual({ start: '2017-07-01', end: '2018-07-01' });
    expect(periodRange(parsePeriod('2018-Q1')!, 7)).toEqual({ start: '2017-07-01', end: '2017-10-01' });
    expect(periodRange(parsePeriod('2018-Q3')!, 7)).toEqual({ start: '2018-01-01', end: '2018-04-01' });
    expect(fiscalQuarterOf('2017-07-15', 7)).toEqual({ year: 2018, quarter: 1 });
    expect(fiscalQuarterOf('2018-06-30', 7)).toEqual({ year: 2018, quarter: 4 });
    expect(fiscalQuarterOf('2017-02-01', 1)).toEqual({ year: 2017, quarter: 1 });
  });

  it('lists years and quarters newest first, only those the data touches', () => {
    const list = periodsBetween('2016-11-03', '2017-02-10').map(formatPeriod);
    expect(list).toEqual(['2017', '2017-Q1', '2016', '2016-Q4']);
  });

  it('fills every bucket of a period, empty ones included', () => {
    const months = bucketLabels(periodRange(parsePeriod('2017-Q3')!), 'month', { firstClose: null, lastClose: null }, 1);
    expect(months.map((b) => b.start)).toEqual(['2017-07-01', '2017-08-01', '2017-09-01']);
    const quarters = bucketLabels(null, 'quarter', { firstClose: '2017-02-03', lastClose: '2017-12-31' }, 1);
    expect(quarters.map((b) => b.label)).toEqual(['2017 Q1', '2017 Q2', '2017 Q3', '2017 Q4']);
  });
});

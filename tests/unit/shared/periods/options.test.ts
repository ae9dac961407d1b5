// The period picker's groups (src/shared/periods/options.ts); expected values worked out by hand.
import { describe, expect, it } from 'vitest';
import { defaultPeriodText } from '../../../../src/shared/periods/defaultPeriod';
import { periodGroups } from '../../../../src/shared/periods/options';

const values = (label: string, groups: ReturnType<typeof periodGroups>) =>
  groups.find((g) => g.label.startsWith(label))?.options.map((o) => o.value);

describe('period picker', () => {
  // Maven-like: closes from 2016-10-20 to 2017-12-31, the reference date 2017-12-31.
  const maven = periodGroups({ firstClose: '2016-10-20', referenceDate: '2017-12-31', openMonths: [] });

  it('opens on the fiscal quarter of the reference date', () => {
    expect(defaultPeriodText('2017-12-31')).toBe('2017-Q4');
    expect(defaultPeriodText('2017-12-31', 7)).toBe('2018-Q2'); // FY2018 runs 2017-07 … 2018-06
  });

  it('offers quarter and year to date and the last 12 months, ending on the reference date', () => {
    // On 2017-12-31 the year to date is the last 12 months: offered once, under both names.
    expect(maven[0]?.options).toEqual([
      { value: '2017-10-01..2017-12-31', label: 'Quarter to date (2017-10-01 – 2017-12-31)' },
      { value: '2017-01-01..2017-12-31', label: 'Year to date = Last 12 months (2017-01-01 – 2017-12-31)' },
    ]);
    const mid = periodGroups({ firstClose: '2024-01-05', referenceDate: '2024-05-15' }, 7);
    // July start: FY2024 Q4 began 2024-04-01, FY2024 began 2023-07-01.
    expect(values('To date', mid)).toEqual(['2024-04-01..2024-05-15', '2023-07-01..2024-05-15', '2023-05-16..2024-05-15']);
  });

  it('lists quarters, months and years up to the reference date, newest first, then all time', () => {
    expect(values('Quarters', maven)).toEqual(['2017-Q4', '2017-Q3', '2017-Q2', '2017-Q1', '2016-Q4']);
    expect(values('Months', maven)?.slice(0, 3)).toEqual(['2017-12', '2017-11', '2017-10']);
    expect(values('Months', maven)).toHaveLength(15);
    expect(values('Fiscal years', maven)).toEqual(['2017', '2016']);
    expect(maven.at(-1)?.options).toEqual([{ value: 'all', label: 'All time' }]);
    expect(maven.some((g) => g.label.startsWith('Future'))).toBe(false);
  });

  it('groups future periods apart, only where open deals are expected to close', () => {
    const groups = periodGroups({
      firstClose: '2024-01-05',
      referenceDate: '2024-05-15',
      openMonths: ['2024-05', '2024-06', '2024-09', '2025-02'],
    });
    // May and June fall in the current quarter (Q2), which is not the future.
    expect(values('Future', groups)).toEqual(['2024-Q3', '2024-09', '2025-Q1', '2025-02']);
    expect(values('Quarters', groups)).toEqual(['2024-Q2', '2024-Q1']);
  });
});

// The starting plan and period fitted to the data, and the history stand-in for forecasts.
import { describe, expect, it } from 'vitest';
import { calibratedPlan, defaultQuarter, quarterFromPeriod } from '../../../src/features/comp/core/defaults';
import { historyForecasts } from '../../../src/features/comp/core/historyForecast';
import { quarterIndexOf } from '../../../src/features/comp/core/periods';
import type { CompData } from '../../../src/features/comp/contract';

const Q = quarterIndexOf('2024-01-01');
const base: CompData = {
  reps: [{ rep: 'A', team: null, region: null, startDate: '2020-01-01', potentialCents: null }],
  bookings: [],
  deals: [],
  clawbacks: [],
  clawbackNote: null,
  quotaRows: [],
  firstQuarter: Q - 8,
  lastQuarter: Q,
  referenceDate: '2024-02-15',
};

describe('defaults', () => {
  it('reads 2024-Q1 as a quarter index under both calendars, a month or range as its quarter; years give null', () => {
    expect(quarterFromPeriod('2024-Q1')).toBe(Q);
    // FY2024 Q1 with a July start begins 2023-07-01
    expect(quarterFromPeriod('2024-Q1', 7)).toBe(quarterIndexOf('2023-07-01', 7));
    expect(quarterFromPeriod('2024')).toBeNull();
    // The header's month or to-date range: the quarter it falls in (ends in).
    expect(quarterFromPeriod('2024-02')).toBe(Q);
    expect(quarterFromPeriod('2023-10-01..2024-03-31')).toBe(Q);
    expect(quarterFromPeriod('2024-02', 7)).toBe(quarterIndexOf('2024-01-01', 7));
  });
  it("opens on the link's quarter when in range, else the last complete quarter", () => {
    expect(defaultQuarter(base, '2023-Q3')).toBe(Q - 2);
    expect(defaultQuarter(base, 'all')).toBe(Q - 1);
    expect(defaultQuarter(base, '2030-Q1')).toBe(Q - 1);
  });
  it('sets OTE at a fifth of the typical yearly quota: $50,000 a quarter → $200,000 a year → OTE $40,000', () => {
    const rows = [0, 1, 2].map((k) => ({
      rep: 'A',
      periodStart: `2023-0${1 + 3 * k}-01`,
      periodEnd: `2023-0${3 + 3 * k}-${k === 1 ? '30' : '31'}`,
      quotaCents: 50_000_00,
    }));
    const plan = calibratedPlan({ ...base, quotaRows: rows });
    expect(plan.quota.source).toBe('table');
    expect(plan.roles[0]?.oteCents).toBe(40_000_00);
  });
  it('without a quotas table, starts top-down from the mean of the last four complete quarters ($10,000 + $30,000 over 4 = $10,000)', () => {
    const b = (quarter: number, won: number) => ({ rep: 'A', quarter, wonCents: won, wonCount: 1, lostCents: 0, dueCents: won });
    const plan = calibratedPlan({
      ...base,
      bookings: [b(Q - 1, 10_000_00), b(Q - 3, 30_000_00), b(Q, 99_000_00), b(Q - 5, 99_000_00)],
    });
    expect(plan.quota).toEqual({ source: 'top_down', companyTargetCents: 10_000_00, overAssignment: 1.1, shareBy: 'history' });
  });
  it("history forecast: a rep's last eight quarters 1..8 ($) → P10 1.7, P50 4.5, P90 7.3 (linear between order statistics)", () => {
    const bookings = [1, 2, 3, 4, 5, 6, 7, 8].map((d, k) => ({
      rep: 'A',
      quarter: Q - 8 + k,
      wonCents: d * 100,
      wonCount: 1,
      lostCents: 0,
      dueCents: 0,
    }));
    const [f] = historyForecasts({ ...base, bookings }, new Map([['A', new Map([[Q - 1, 500]])]]), Q);
    expect(f?.quantiles).toEqual([
      { p: 0.1, cents: 170 },
      { p: 0.5, cents: 450 },
      { p: 0.9, cents: 730 },
    ]);
    expect(f?.quotaCents).toBe(500);
  });
});

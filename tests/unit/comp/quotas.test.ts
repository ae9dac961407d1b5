// Quota setting: table rows pro-rated onto quarters, top-down splits that add up exactly,
// bottom-up from deals due × win rate — each against hand arithmetic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, quotasFromTable, setQuotas } from '../../../src/features/comp/core/quotas';
import { quarterIndexOf, quarterOf } from '../../../src/features/comp/core/periods';
import type { CompData } from '../../../src/features/comp/contract';

const Q1_2024 = quarterIndexOf('2024-01-15');
const data = (patch: Partial<CompData>): CompData => ({
  reps: [],
  bookings: [],
  deals: [],
  clawbacks: [],
  clawbackNote: null,
  quotaRows: [],
  firstQuarter: null,
  lastQuarter: null,
  referenceDate: null,
  ...patch,
});
const rep = (name: string, potentialCents: number | null = null) => ({
  rep: name,
  team: null,
  region: null,
  startDate: '2020-01-01',
  potentialCents,
});

describe('quarter index', () => {
  it('agrees with the fiscal calendar: July start makes 2023-07-01 the first quarter of FY2024', () => {
    expect(quarterOf(Q1_2024)).toMatchObject({ key: '2024-Q1', start: '2024-01-01', end: '2024-04-01' });
    expect(quarterOf(quarterIndexOf('2023-07-01', 7), 7)).toMatchObject({
      key: '2024-Q1',
      start: '2023-07-01',
      end: '2023-10-01',
    });
  });
});

describe('quotas', () => {
  it('a yearly row of $366,000 in leap 2024 spreads by days: Q1 91 days → $91,000, Q2 91 → $91,000, Q3 92 → $92,000, Q4 92 → $92,000', () => {
    const t = quotasFromTable([{ rep: 'A', periodStart: '2024-01-01', periodEnd: '2024-12-31', quotaCents: 366_000_00 }]);
    expect([...(t.get('A')?.values() ?? [])]).toEqual([91_000_00, 91_000_00, 92_000_00, 92_000_00]);
  });
  it('monthly rows add up into their quarter', () => {
    const rows = ['01', '02', '03'].map((m, i) => ({
      rep: 'A',
      periodStart: `2024-${m}-01`,
      periodEnd: `2024-${m}-${['31', '29', '31'][i]}`,
      quotaCents: 10_000_00,
    }));
    expect(quotasFromTable(rows).get('A')?.get(Q1_2024)).toBe(30_000_00);
  });
  it('allocate: $100.00 in three equal parts → 33.34, 33.33, 33.33 (the remainder cent to the first)', () => {
    expect(allocate(10_000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });
  it('allocate to nobody gives nothing (a quarter without active reps)', () => {
    expect(allocate(10_000, [])).toEqual([]);
  });
  it('allocate always adds up to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e13 }), { minLength: 1, maxLength: 40 }),
        (total, weights) => {
          expect(allocate(total, weights).reduce((s, p) => s + p, 0)).toBe(total);
        },
      ),
    );
  });
  it('top-down by potential: target $1,000,000 × 1.1 over-assignment = $1,100,000 split 3 : 1 → $825,000 and $275,000', () => {
    const d = data({ reps: [rep('A', 3_000_000_00), rep('B', 1_000_000_00)] });
    const { quotas } = setQuotas(
      { source: 'top_down', companyTargetCents: 1_000_000_00, overAssignment: 1.1, shareBy: 'potential' },
      d,
      [Q1_2024],
    );
    expect(quotas.get('A')?.get(Q1_2024)).toBe(825_000_00);
    expect(quotas.get('B')?.get(Q1_2024)).toBe(275_000_00);
  });
  it('top-down by history: the four quarters before — A $60,000, B $20,000 → $1,000,000 splits $750,000 / $250,000', () => {
    const b = (r: string, quarter: number, won: number) => ({
      rep: r,
      quarter,
      wonCents: won,
      wonCount: 1,
      lostCents: 0,
      dueCents: won,
    });
    const d = data({
      reps: [rep('A'), rep('B')],
      bookings: [
        b('A', Q1_2024 - 1, 40_000_00),
        b('A', Q1_2024 - 4, 20_000_00),
        b('A', Q1_2024 - 5, 99_000_00),
        b('B', Q1_2024 - 2, 20_000_00),
      ],
    });
    const { quotas } = setQuotas(
      { source: 'top_down', companyTargetCents: 1_000_000_00, overAssignment: 1, shareBy: 'history' },
      d,
      [Q1_2024],
    );
    expect(quotas.get('A')?.get(Q1_2024)).toBe(750_000_00);
    expect(quotas.get('B')?.get(Q1_2024)).toBe(250_000_00);
  });
  it('top-down by potential with no potential anywhere: equal split and a note that says so', () => {
    const out = setQuotas(
      { source: 'top_down', companyTargetCents: 100_00, overAssignment: 1, shareBy: 'potential' },
      data({ reps: [rep('A'), rep('B')] }),
      [Q1_2024],
    );
    expect(out.quotas.get('A')?.get(Q1_2024)).toBe(50_00);
    expect(out.notes[0]).toMatch(/split equally/);
  });
  it("bottom-up: A's win rate before = $30,000 ÷ ($30,000 + $70,000) = 30 %; $200,000 due → $60,000 quota", () => {
    const d = data({
      reps: [rep('A')],
      bookings: [
        { rep: 'A', quarter: Q1_2024 - 1, wonCents: 30_000_00, wonCount: 1, lostCents: 70_000_00, dueCents: 100_000_00 },
        { rep: 'A', quarter: Q1_2024, wonCents: 0, wonCount: 0, lostCents: 0, dueCents: 200_000_00 },
      ],
    });
    expect(setQuotas({ source: 'bottom_up', winRate: null }, d, [Q1_2024]).quotas.get('A')?.get(Q1_2024)).toBe(60_000_00);
    expect(setQuotas({ source: 'bottom_up', winRate: 0.25 }, d, [Q1_2024]).quotas.get('A')?.get(Q1_2024)).toBe(50_000_00);
  });
  it('no quotas table: the note tells the user to choose top-down or bottom-up', () => {
    expect(setQuotas({ source: 'table' }, data({}), []).notes[0]).toMatch(/no quotas table.*top-down or bottom-up/);
  });
});

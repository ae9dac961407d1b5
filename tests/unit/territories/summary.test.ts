// The page's per-territory summary and the CSV export, against hand-computed values.
import { describe, expect, it } from 'vitest';
import type { TerritoryAccount } from '../../../src/features/territories/contract';
import { assignmentCsv, csvCell } from '../../../src/features/territories/exportCsv';
import { accountsMovedFraction, summarize } from '../../../src/features/territories/summary';

const account = (id: string, revenue: number | null, won: number, lost: number): TerritoryAccount => ({
  id,
  name: id,
  territory: null,
  owner: null,
  region: null,
  state: null,
  postalCode: null,
  country: null,
  latitude: null,
  longitude: null,
  annualRevenue: revenue,
  employees: null,
  openPipeline: 0,
  bookings: 10 * won,
  wonCount: won,
  lostCount: lost,
  openCount: 0,
});

describe('summarize', () => {
  const accounts = [account('a', 100, 1, 1), account('b', 50, 0, 0), account('c', null, 3, 1), account('d', 30, 0, 0)];

  it('adds up accounts, potential, bookings and win rate per territory', () => {
    const s = summarize(accounts, ['East', 'East', 'West', null], 'annualRevenue', 'accounts', ['East', 'West', 'North']);
    expect(s.rows.map((r) => [r.territory, r.accounts, r.potential, r.bookings, r.winRate])).toEqual([
      ['East', 2, 150, 10, 0.5],
      ['North', 0, 0, 0, null],
      ['West', 1, 0, 30, 0.75],
    ]);
    expect(s.unassigned).toBe(1);
    expect(s.missingPotential).toBe(1);
    // mean 50; East +200 %, North and West −100 %
    expect(s.potential?.maxDeviation).toBeCloseTo(2, 12);
    expect(s.workload?.mean).toBeCloseTo(1, 12);
  });

  it('counts accounts moved among those that had a territory', () => {
    expect(accountsMovedFraction(['A', 'A', null, 'B'], ['A', 'B', 'C', 'B'])).toBeCloseTo(1 / 3, 12);
    expect(accountsMovedFraction([null], ['A'])).toBeNull();
  });
});

describe('CSV export', () => {
  it('neutralises formulas and quotes separators', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('Acme, Inc')).toBe('"Acme, Inc"');
    expect(assignmentCsv(['A1', '@x'], ['East', null], ['West', 'East'])).toBe(
      "account_id,current_territory,new_territory\r\nA1,East,West\r\n'@x,,East\r\n",
    );
  });
});

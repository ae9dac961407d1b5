import { describe, expect, it } from 'vitest';
import { filterWhere } from '../../../src/shared/filters';
import { extrasQuery, leadsBlocked, quotaBlocked, spendBlocked } from '../../../src/queries/extras';
import { tilesQuery } from '../../../src/queries/tiles';
import { viewsQuery } from '../../../src/features/dashboard/core/views';
import { monthSeriesQuery } from '../../../src/features/dashboard/core/series';

const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe('filter conditions', () => {
  it('is TRUE without filters and ANDs one IN list per dimension', () => {
    expect(filterWhere({})).toEqual({ sql: 'TRUE', params: [] });
    expect(filterWhere({ owner: ['A', 'B'], region: ['West'] })).toEqual({
      sql: '("owner" IN (?, ?)) AND ("region" IN (?))',
      params: ['A', 'B', 'West'],
    });
  });

  it('selects blanks with IS NULL, and passes hostile values as parameters only', () => {
    const q = filterWhere({ product: [null, `x'); DROP TABLE opportunities; --`] });
    expect(q.sql).toBe('("product" IN (?) OR "product" IS NULL)');
    expect(q.params).toEqual([`x'); DROP TABLE opportunities; --`]);
  });

  it('maps a dimension to the column that carries it in another table', () => {
    expect(filterWhere({ owner: ['A'] }, { owner: 'rep' }, 'q').sql).toBe('(q."rep" IN (?))');
  });

  it('says which filters a small table cannot answer', () => {
    expect(spendBlocked({ owner: ['A'] })).toMatch(/Spend is not split by owner/);
    expect(quotaBlocked({ owner: ['A'], manager: ['M'] })).toBeNull();
    expect(quotaBlocked({ product: ['P'] })).toMatch(/product/);
    expect(leadsBlocked({ lead_source: ['Web'] })).toBeNull();
    expect(leadsBlocked({ industry: ['Tech'] })).toMatch(/account industry/);
  });
});

describe('dashboard query builders', () => {
  const range = { start: '2024-01-01', end: '2024-04-01' };
  const filters = { owner: ['A'], region: [null] };

  it('give one parameter per placeholder, in order', () => {
    const queries = [
      tilesQuery({ filters, ranges: { cur: range, prev: range, yoy: range }, referenceDate: '2024-06-30', medians: true }),
      tilesQuery({ filters: {}, ranges: { cur: null }, referenceDate: '2024-06-30', medians: false }),
      viewsQuery({ filters, range, referenceDate: '2024-06-30', segmentBy: 'manager', funnelSteps: 3 }),
      monthSeriesQuery(filters, range, range),
      extrasQuery({ cur: range, prev: null }, { owner: ['A'] }),
    ];
    for (const q of queries) expect(placeholders(q.sql)).toBe(q.params.length);
  });

  it('puts the reference date before the ranges and the filter values last', () => {
    const q = tilesQuery({ filters: { owner: ['A'] }, ranges: { cur: range }, referenceDate: '2024-06-30', medians: false });
    expect(q.params).toEqual([
      '2024-06-30', // open at the reference date (three times)
      '2024-06-30',
      '2024-06-30',
      '2024-06-30', // past due
      '2024-06-30', // the trailing year (two ends)
      '2024-06-30',
      '2024-01-01', // closed in the range
      '2024-04-01',
      '2024-01-01', // created in the range
      '2024-04-01',
      '2024-01-01', // open deals of the range: due in it, not before the reference date
      '2024-04-01',
      '2024-06-30',
      'A',
    ]);
  });

  it('computes medians only when asked', () => {
    const base = { filters: {}, ranges: { cur: range }, referenceDate: '2024-06-30' };
    expect(tilesQuery({ ...base, medians: false }).sql).not.toContain('median(');
    expect(tilesQuery({ ...base, medians: true }).sql).toContain('median(amount)');
  });
});

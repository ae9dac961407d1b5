// The lead table's grouping, pure: the median, the row order, and the cap (50 groups + "Other",
// never an "Other" row of one value), with every lead in exactly one row.
import { describe, expect, it } from 'vitest';
import { allLeads, compareGroups, groupLeads, median, rankedValues, shownOf } from '../../../src/features/leads/core';
import type { LeadRow } from '../../../src/queries/leadRows';

const lead = (id: number, attr: string | null, wonAfter: number | null = null): LeadRow => ({
  lead_id: `L${id}`,
  created: '2024-01-01',
  source: 'Web',
  owner: null,
  country: null,
  state: null,
  campaign: attr,
  landing_page: null,
  origin: null,
  attr,
  company: null,
  status: null,
  to_opp: wonAfter !== null,
  first_won: wonAfter === null ? null : `2024-01-${String(1 + wonAfter).padStart(2, '0')}`,
  won_amount: wonAfter === null ? 0 : 10,
  won_unpriced: 0,
  source_file: 'leads.csv',
  source_line: id + 1,
});

describe('lead groups', () => {
  it('takes the median of an odd and an even count, and none of nothing', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([10, 2, 30, 60])).toBe(20);
    expect(median([])).toBeNull();
  });

  it('orders by leads, then by code point, the blank group last of its ties', () => {
    const rows = [
      { value: 'b', leads: 2 },
      { value: null, leads: 2 },
      { value: 'Z', leads: 2 },
      { value: 'a', leads: 3 },
    ];
    expect(rows.sort(compareGroups).map((r) => r.value)).toEqual(['a', 'Z', 'b', null]);
  });

  it('shows 51 groups as they are, and folds the 52nd and beyond into one "Other" row', () => {
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => lead(i, `v${String(i).padStart(2, '0')}`, i === n - 1 ? 4 : null));
    expect(groupLeads(rows(51), 'campaign', null, new Map()).some((g) => g.otherValues !== undefined)).toBe(false);
    const g = groupLeads(rows(53), 'attr.X', null, new Map());
    expect(g).toHaveLength(51);
    expect(g[50]).toMatchObject({
      value: null,
      otherValues: 3,
      leads: 3,
      toCustomer: 1,
      daysToCustomer: 4,
      medianDaysToCustomer: 4,
    });
    expect(g.reduce((n, x) => n + x.leads, 0)).toBe(allLeads(rows(53), null).leads);
    expect(shownOf(rankedValues(rows(53), 'attr.X', null))).toEqual(g.slice(0, 50).map((x) => x.value));
  });
});

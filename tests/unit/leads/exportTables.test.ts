// The lead tables' exports: raw fractions computed by hand, blanks stay blank (never 0), every ranked lead.
import { describe, expect, it } from 'vitest';
import { cohortsTable, groupsTable, rankedTable } from '../../../src/features/leads/exportTables';

describe('lead export tables', () => {
  const t0 = {
    value: 'Ann',
    leads: 2,
    toOpportunity: 1,
    toCustomer: 1,
    wonAmount: 90,
    daysToCustomer: 3,
    medianDaysToCustomer: 3,
    spend: null,
  };

  it('writes rates as fractions and names the currency of amounts', () => {
    const t = groupsTable(
      'source',
      [
        {
          value: null,
          leads: 8,
          toOpportunity: 2,
          toCustomer: 1,
          wonAmount: 500,
          wonUnpriced: 0,
          daysToCustomer: null,
          medianDaysToCustomer: null,
          spend: null,
        },
        {
          value: 'Web',
          leads: 4,
          toOpportunity: 2,
          toCustomer: 2,
          wonAmount: 300,
          wonUnpriced: 1,
          daysToCustomer: 12,
          medianDaysToCustomer: 10,
          spend: 40,
        },
      ],
      'EUR',
    );
    expect(t.header).toEqual([
      'source',
      'leads',
      'to_opportunity',
      'to_customer',
      'won_amount (EUR)',
      'won_deals_without_amount',
      'days_to_customer',
      'median_days_to_customer',
      'spend (EUR)',
    ]);
    // A won deal without an amount leaves the sum empty (a sum without it would be too low), never 300.
    expect(t.rows).toEqual([
      [null, 8, 0.25, 0.125, 500, 0, null, null, null],
      ['Web', 4, 0.5, 0.5, null, 1, 12, 10, 40],
    ]);
    // A lead file's own column is named by its header; the "Other" row says how many values it adds up.
    const x = groupsTable('attr.UTM Term', [{ ...t0, wonUnpriced: 0, value: null, otherValues: 7 }], null);
    expect(x.header[0]).toBe('UTM Term');
    expect(x.rows[0]?.[0]).toBe('(7 other values)');
    // Amounts in several currencies are not summed either.
    expect(groupsTable('owner', [{ ...t0, wonUnpriced: 0 }], null, true).rows[0]?.[4]).toBeNull();
    const c = cohortsTable([{ month: '2026-01', leads: 0, toOpportunity: 0, toCustomer: 0, ageDays: 30, maturing: true }]);
    expect(c.rows).toEqual([['2026-01', 0, null, null, 30, true]]);
  });

  it('numbers every ranked lead from 1', () => {
    const lead = {
      leadId: 'L1',
      score: 0.4,
      created: '2026-02-03',
      source: 'Web',
      owner: null,
      company: 'Acme',
      sourceFile: 'leads.csv',
      sourceLine: 7,
    };
    const t = rankedTable([lead, { ...lead, leadId: 'L2', score: 0.3 }]);
    expect(t.rows.map((r) => r[0])).toEqual([1, 2]);
    expect(t.rows[0]).toEqual([1, 'L1', 0.4, '2026-02-03', 'Web', null, 'Acme', 'leads.csv', 7]);
  });
});

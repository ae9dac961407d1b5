// The data-quality wording: each effect names the count and the money, in words a sales-ops
// analyst reads; the SQL builders bind values as parameters.
import { describe, expect, it } from 'vitest';
import { accountSpellingsQuery, openPastCloseQuery, ownersMissingQuery } from '../../../src/features/import/quality';
import { describeEffect } from '../../../src/features/import/qualityEffects';

const USD = { currency: 'USD', locale: 'en-US' };

describe('describeEffect', () => {
  it('says none found when the check passed', () => {
    expect(describeEffect('closed_before_created', { n: 0, deals: 0, amount: null, extra: 0 }, null, USD)).toBe('None found.');
  });
  it('names the won amount of deals closed before created', () => {
    expect(describeEffect('closed_before_created', { n: 3, deals: 2, amount: 12_345.4, extra: 0 }, null, USD)).toBe(
      'Won amount includes $12,345 from 2 won deals closed before created; their negative cycles shorten the average sales cycle.',
    );
  });
  it('names the pipeline of open deals past their close date, with the reference date', () => {
    expect(describeEffect('open_past_close', { n: 1, deals: 1, amount: 900, extra: 0 }, '2024-03-20', USD)).toBe(
      "1 open deal ($900) past due, expected to close before 2024-03-20: no period's pipeline counts them (all time does; the tiles name them); update or close them.",
    );
  });
  it('tells zero amounts from missing ones', () => {
    expect(describeEffect('won_without_amount', { n: 3, deals: 3, amount: null, extra: 1 }, null, USD)).toBe(
      'Won count includes 3 deals that add nothing to won amount; 1 deal at 0 lower the average deal size and 2 deals without an amount are left out of it.',
    );
  });
});

describe('describeEffect without a named currency, in another locale', () => {
  it('writes a plain number and says the currency is not named (no invented $)', () => {
    const text = describeEffect('open_past_close', { n: 1, deals: 1, amount: 1234.4, extra: 0 }, null, {
      currency: null,
      locale: 'en-US',
    });
    expect(text).toContain('(1,234 (currency not named))');
    expect(text).not.toContain('$');
  });
  it('writes euros and counts as the German locale does', () => {
    const text = describeEffect('owners_missing_from_reps', { n: 1200, deals: 3, amount: 4800, extra: 0 }, null, {
      currency: 'EUR',
      locale: 'de-DE',
    });
    // Intl writes 4.800 € with a no-break space; 1.200 groups with a dot.
    expect(text).toMatch(/^1\.200 owners \(3 deals, 4\.800\s€ won\)/u);
  });
});

describe('quality builders', () => {
  it('bind the reference date and limit as parameters', () => {
    expect(openPastCloseQuery('2024-03-20', 5).params).toEqual(['2024-03-20', 5]);
    expect(ownersMissingQuery(3).params).toEqual([3]);
    expect(accountSpellingsQuery(7).params).toEqual([7]);
  });
});

import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState } from '../../../src/app/viewState';

describe('dashboard keys in the hash', () => {
  it('round-trips filters (with blanks), variants, comparison and settings', () => {
    const state = {
      period: '2017-Q3',
      view: 'dashboard',
      fiscalStartMonth: 7,
      filters: { owner: ['A & B', null], region: ['West'] },
      variants: { win_rate: 'by_value', clv: 'churn_based' },
      comparison: 'year_ago',
      referenceDate: '2017-12-31',
      grossMargin: 0.6,
      churn: 0.15,
      currency: 'EUR',
      segmentBy: 'manager',
    } as const;
    const hash = writeViewState(state);
    expect(hash).toContain('f.owner=A+%26+B');
    expect(readViewState(hash)).toEqual({ state, problems: [] });
  });

  it('drops each bad value with a notice and keeps the good ones', () => {
    const { state, problems } = readViewState(
      '#period=2017&f.colour=red&f.owner=A&k.win_rate=magic&cmp=lastweek&ref=2017-13-45&gm=150&churn=x&cur=dollars&by=planet',
    );
    expect(state).toEqual({ period: '2017', view: 'dashboard', fiscalStartMonth: 1, filters: { owner: ['A'] } });
    expect(problems).toHaveLength(8);
  });
});

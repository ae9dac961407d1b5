// The whole view state survives the URL hash: read → write → read is the identity, generically
// over whatever fields ViewState has, and a full non-default state comes back field for field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState, type ViewState } from '../../../src/app/viewState';

// Keys and values near the valid ones, so the property also runs through real values.
const KEYS = [
  ...['view', 'period', 'fy', 'f.region', 'f.owner', 'k.win_rate', 'cmp', 'ref', 'gm', 'churn', 'cur', 'by', 'zz'],
  ...['fc.target', 'fc.p.Prospecting', 'fc.p.', 't.by', 't.pot', 't.work', 't.mode', 't.n', 't.bal', 't.tol', 't.seed', 't.from'],
];
const VALUES = [
  'forecast',
  'data',
  '2017',
  '2017-Q3',
  '2017-07',
  '7',
  '13',
  'West',
  '',
  'by_value',
  'yoy',
  'prev',
  '2017-12-31',
  '2017-13-45',
  '60',
  '250',
  'EUR',
  'usd',
  'team',
  '<img src=x onerror=alert(1)>',
  'a&b=c',
  '0',
  '1',
  '8',
  '12.5',
  '250000',
  'owner',
  'counties',
  'employees',
  'openPipeline,bookings',
  'accounts,accounts',
];

describe('view state in the hash', () => {
  it('read → write → read is the identity for any hash', () => {
    const pair = fc.tuple(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...VALUES), fc.string()));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 12 }), (pairs) => {
        const hash = `#${new URLSearchParams(pairs).toString()}`;
        const first = readViewState(writeViewState(readViewState(hash).state));
        const second = readViewState(writeViewState(first.state));
        expect(second.state).toEqual(first.state);
        expect(first.problems).toEqual([]);
        expect(writeViewState(second.state)).toBe(writeViewState(first.state));
      }),
    );
  });

  it('brings back every field of a full, non-default state', () => {
    const full: ViewState = {
      view: 'forecast',
      period: '2017-Q3',
      fiscalStartMonth: 7,
      filters: { region: ['West', null], owner: ['Anna <b>&amp;'] },
      variants: { win_rate: 'by_value', open_pipeline: 'weighted' },
      comparison: 'year_ago',
      referenceDate: '2017-12-31',
      grossMargin: 0.6,
      churn: 0.125,
      currency: 'EUR',
      segmentBy: 'team',
      forecast: { target: 2_500_000, stageProbabilities: { Prospecting: 0.125, 'Engaging & <b>': 0.5 } },
      territory: {
        grouping: 'owner',
        potential: 'openPipeline',
        workload: 'employees',
        mode: 'counties',
        territories: 12,
        balance: ['bookings', 'openPipeline', 'accounts'],
        tolerancePct: 2.5,
        seed: 42,
        fromCurrent: true,
      },
    };
    const back = readViewState(writeViewState(full));
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(full);
    expect(Object.keys(back.state).sort()).toEqual(Object.keys(full).sort());
  });

  it('reports a stale or damaged hash with notices instead of failing', () => {
    const { state, problems } = readViewState('#view=nope&period=2017-Q9&fy=0&k.win_rate=magic&%E0%A4%A=1');
    expect(state.view).toBe('dashboard');
    expect(state.period).toBe('all');
    expect(problems).toHaveLength(4);
  });

  it('drops bad forecast and territory values with a notice each, keeping the good ones and the defaults', () => {
    const { state, problems } = readViewState(
      '#fc.target=-5&fc.p.Won=150&fc.p.Engaging=40&t.n=0&t.bal=accounts,accounts&t.mode=hexagons&t.tol=2&t.seed=1.5&t.by=owner',
    );
    expect(state.forecast).toEqual({ target: null, stageProbabilities: { Engaging: 0.4 } });
    expect(state.territory).toEqual({
      grouping: 'owner',
      potential: 'annualRevenue',
      workload: 'accounts',
      mode: 'points',
      territories: 8,
      balance: ['annualRevenue', 'accounts'],
      tolerancePct: 2,
      seed: 1,
      fromCurrent: false,
    });
    expect(problems).toHaveLength(6);
  });
});

// The drill's and the leaderboard's link keys, and pacing. The drill's link keys: every target survives write → read, a bad value is dropped with a
// notice (never a crash), and a blank key stays distinct from a missing one.
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState } from '../../../src/app/viewState';
import type { DrillTarget } from '../../../src/features/drill/contract';
import { sortLeaders } from '../../../src/features/dashboard/leaderSort';
import { elapsedShare, paceOf } from '../../../src/features/dashboard/pacing';
import { formatTarget, parseTarget } from '../../../src/features/drill/hashState';

const TARGETS: DrillTarget[] = [
  { kind: 'kpi', kpi: 'won_amount' },
  { kind: 'bookings', key: '2017-04-01' },
  { kind: 'funnel', key: null },
  { kind: 'funnel', key: 'Negotiation: final' },
  { kind: 'stage', key: 'Proposal & Quote' },
  { kind: 'aging', key: '31–60 days' },
  { kind: 'owner', key: null },
  { kind: 'segment', key: 'a=b&c' },
  { kind: 'month', key: '2017-03' },
  { kind: 'source', key: 'Web' },
  { kind: 'movement', key: 'pushed_out' },
  { kind: 'forecast', key: 'booked' },
  { kind: 'forecast', key: 'open:Negotiation: final' },
  { kind: 'forecast', key: 'open' },
  { kind: 'forecast', key: 'total' },
  { kind: 'territory', key: 'today/North East' },
  { kind: 'territory', key: 'proposed/T 3/b' },
];

describe('drill state in the link', () => {
  it.each(TARGETS)('round-trips %o through the hash', (target) => {
    expect(parseTarget(formatTarget(target))).toEqual(target);
    const state = {
      period: 'all',
      view: 'dashboard' as const,
      fiscalStartMonth: 1,
      drill: { target, sort: { column: 'owner' as const, desc: false }, search: 'acme co' },
    };
    const back = readViewState(writeViewState(state));
    expect(back.problems).toEqual([]);
    expect(back.state.drill).toEqual(state.drill);
  });

  it.each([
    'kpi:nope',
    'bookings:2017-04-15',
    'pivot:x',
    'nocolon',
    'forecast:open:',
    'forecast:stage',
    'territory:today/',
    'territory:x',
  ])('drops %s with a notice', (raw) => {
    const { state, problems } = readViewState(`#period=all&drill=${encodeURIComponent(raw)}`);
    expect(state.drill).toBeUndefined();
    expect(problems.join(' ')).toMatch(/drill-through/);
  });

  it('keeps the drill but not a bad sort', () => {
    const { state, problems } = readViewState('#period=all&drill=kpi:won_count&drill.sort=price.up');
    expect(state.drill).toEqual({ target: { kind: 'kpi', kpi: 'won_count' } });
    expect(problems).toHaveLength(1);
  });
});

describe('leaderboard sort and pacing', () => {
  const row = (label: string, wonAmount: number, quota: number | null) => ({
    key: label,
    label,
    wonCount: 1,
    lostCount: 0,
    wonAmount,
    winRate: 1,
    avgCycleDays: null,
    openCount: 0,
    openAmount: 0,
    weightedAmount: 0,
    quota,
    attainment: quota ? wonAmount / quota : null,
  });
  const rows = [row('b', 50, 100), row('a', 80, null), row('c', 120, 100)];

  it('sorts by any column, missing values last, and keeps the sort in the link', () => {
    expect(sortLeaders(rows, { column: 'gap', desc: false }).map((r) => r.label)).toEqual(['c', 'b', 'a']);
    expect(sortLeaders(rows, { column: 'owner', desc: true }).map((r) => r.label)).toEqual(['c', 'b', 'a']);
    expect(sortLeaders(rows, { column: 'attainment', desc: true }).map((r) => r.label)).toEqual(['c', 'b', 'a']);
    const state = {
      period: 'all',
      view: 'dashboard' as const,
      fiscalStartMonth: 1,
      leaderSort: { column: 'gap' as const, desc: false },
    };
    expect(readViewState(writeViewState(state)).state.leaderSort).toEqual(state.leaderSort);
    expect(readViewState('#lb.sort=nope.up').problems).toHaveLength(1);
  });

  it('measures the share of the period gone at the reference date', () => {
    // 2017-Q3 has 92 days; up to and including 2017-08-15 is 46 of them.
    expect(elapsedShare('2017-Q3', 1, '2017-08-15')).toBeCloseTo(46 / 92, 12);
    expect(elapsedShare('2017-Q3', 1, '2018-01-01')).toBe(1);
    expect(elapsedShare('2017-Q3', 1, '2017-01-01')).toBe(0);
    expect(elapsedShare('all', 1, '2017-08-15')).toBeNull();
    expect(paceOf(0.25, 0.5)).toBe(0.5);
  });
});

// The drill's link keys: every target survives write → read, a bad value is dropped with a
// notice (never a crash), and a blank key stays distinct from a missing one.
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState } from '../../../src/app/viewState';
import type { DrillTarget } from '../../../src/engine-api/drill';
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

  it.each(['kpi:nope', 'bookings:2017-04-15', 'pivot:x', 'nocolon'])('drops %s with a notice', (raw) => {
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

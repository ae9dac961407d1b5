// The movement's link key (mv=<A>..<B>) and its waterfall's geometry: every step floats from
// the running total, so the last step ends where the pipeline at B starts.
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState } from '../../../../src/app/viewState';
import { parseTarget } from '../../../../src/features/drill/hashState';
import { parseWindow } from '../../../../src/features/dashboard/movement/hashState';
import { waterfall } from '../../../../src/features/dashboard/movement/layout';

describe('movement dates in the link', () => {
  it('round-trips through the hash', () => {
    const { state, problems } = readViewState('#view=dashboard&period=2026-Q3&mv=2026-09-01..2026-09-30');
    expect(problems).toEqual([]);
    expect(state.movement).toEqual({ from: '2026-09-01', to: '2026-09-30' });
    expect(writeViewState(state)).toContain('mv=2026-09-01..2026-09-30');
  });

  it.each(['2026-09-30..2026-09-01', '2026-09-01..2026-09-01', '2026-02-30..2026-03-01', 'last week', '2026-9-1..2026-9-30'])(
    'drops %s with a notice',
    (raw) => {
      const { state, problems } = readViewState(`#mv=${encodeURIComponent(raw)}`);
      expect(state.movement).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(parseWindow(raw)).toBeNull();
    },
  );

  it('knows only the seven steps', () => {
    expect(parseTarget('movement:won')).toEqual({ kind: 'movement', key: 'won' });
    expect(parseTarget('movement:slipped')).toBeNull();
  });
});

describe('movement waterfall', () => {
  it('floats each step from the running total and ends at the pipeline at B', () => {
    const box = { width: 900, height: 300, top: 10, right: 10, bottom: 40, left: 60 };
    const steps = [
      { step: 'created' as const, count: 2, cents: 50_000 },
      { step: 'won' as const, count: 1, cents: -120_000 },
    ];
    const { bars } = waterfall({ count: 3, cents: 200_000 }, steps, { count: 4, cents: 130_000 }, box, { start: 'A', end: 'B' });
    expect(bars.map((b) => [b.key, b.kind, b.value])).toEqual([
      ['start', 'total', 2000],
      ['created', 'up', 500],
      ['won', 'down', -1200],
      ['end', 'total', 1300],
    ]);
    const [start, created, won, end] = bars;
    // created rises from the top of A; won falls from the top of created to the top of B.
    expect(created?.y).toBeLessThan(start?.y ?? 0);
    expect((created?.y ?? 0) + (created?.height ?? 0)).toBeCloseTo(start?.y ?? 0);
    expect(won?.y).toBeCloseTo(created?.y ?? 0);
    expect((won?.y ?? 0) + (won?.height ?? 0)).toBeCloseTo(end?.y ?? 0);
  });
});

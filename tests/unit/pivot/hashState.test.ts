// The pivot's layout and a pivot cell's drill in the link: round trips, and lenient reading.
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState } from '../../../src/app/viewState';
import { formatPivotKey, parsePivotKey } from '../../../src/features/drill/pivotLink';
import { readPivotHash } from '../../../src/features/pivot/hashState';

describe('pivot link state', () => {
  it('round-trips the layout and leaves defaults out of the link', () => {
    const { state, problems } = readViewState('#view=pivot&period=2025&pv.r=stage&pv.c=none&pv.m=win_rate&pv.p=3');
    expect(problems).toEqual([]);
    expect(state.pivot).toEqual({ rows: 'stage', cols: null, measure: 'win_rate', page: 2 });
    expect(writeViewState(state)).toBe('#view=pivot&period=2025&pv.r=stage&pv.c=none&pv.m=win_rate&pv.p=3');
    const plain = readViewState('#view=pivot&pv.m=won_amount').state;
    expect(writeViewState(plain)).toBe('#view=pivot');
  });

  it('falls back with a notice on bad values, and never shows one dimension on both axes', () => {
    const problems: string[] = [];
    const s = readPivotHash(new URLSearchParams('pv.r=account&pv.c=owner&pv.m=profit&pv.p=0'), problems);
    expect(s).toEqual({ rows: 'owner', cols: null, measure: 'won_amount', page: 0 });
    expect(problems).toHaveLength(4);
  });

  it("a cell's drill key survives values with slashes, equals signs and blanks", () => {
    const t = {
      measure: 'pipeline' as const,
      cell: [
        { dim: 'owner' as const, key: 'A/B = C%' },
        { dim: 'quarter' as const, key: null },
      ],
    };
    expect(parsePivotKey(formatPivotKey(t))).toEqual(t);
    const { state } = readViewState(`#drill=${encodeURIComponent(`pivot:${formatPivotKey(t)}`)}`);
    expect(state.drill?.target).toEqual({ kind: 'pivot', ...t });
    for (const bad of ['nope/owner=A', 'won_amount/account=A', 'won_amount/owner=A/owner=B', 'won_amount/owner=%E0'])
      expect(parsePivotKey(bad), bad).toBeNull();
  });
});

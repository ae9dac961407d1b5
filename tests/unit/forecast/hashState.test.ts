// The forecast's as-of day in the link (fc.asof): read, written back, and a bad value dropped
// with a notice (the screen then forecasts as of the default day).
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState } from '../../../src/app/viewState';

describe('fc.asof in the link', () => {
  it('is read, kept with the other forecast keys and written back', () => {
    const { state, problems } = readViewState('#view=forecast&period=2026-Q2&fc.asof=2026-05-27&fc.target=5000000');
    expect(problems).toEqual([]);
    expect(state.forecast).toEqual({ target: 5_000_000, stageProbabilities: {}, asOf: '2026-05-27' });
    expect(writeViewState(state)).toContain('fc.asof=2026-05-27');
    expect(readViewState(writeViewState(state)).state.forecast).toEqual(state.forecast);
  });

  it('drops a value that is not a day, with a notice', () => {
    for (const bad of ['2026-13-45', 'yesterday', '2026-5-1']) {
      const { state, problems } = readViewState(`#view=forecast&fc.asof=${bad}`);
      expect(state.forecast).toBeUndefined();
      expect(problems.join(' ')).toContain(bad);
    }
  });
});

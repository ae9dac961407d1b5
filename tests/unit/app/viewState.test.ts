import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, readViewState, writeViewState } from '../../../src/app/viewState';

describe('view state in the hash', () => {
  it('reads period and view as docs/spec.md §4 names them', () => {
    expect(readViewState('#period=2017-Q3&view=dashboard').state).toEqual({
      period: '2017-Q3',
      view: 'dashboard',
      fiscalStartMonth: 1,
    });
  });

  it('round-trips', () => {
    const state = { period: '2018', view: 'data', fiscalStartMonth: 7 } as const;
    expect(readViewState(writeViewState(state)).state).toEqual(state);
  });

  it('leaves the period to the data when the link names none, and keeps it out of the link', () => {
    const { state } = readViewState('#view=dashboard');
    expect(state.periodAuto).toBe(true);
    expect(writeViewState({ ...state, period: '2017-Q4' })).toBe('#view=dashboard');
    // Picked or linked, the period is the user's: written, and read back as not automatic.
    const picked = readViewState(writeViewState({ ...state, period: '2017-Q4', periodAuto: false })).state;
    expect(picked).toEqual({ period: '2017-Q4', view: 'dashboard', fiscalStartMonth: 1 });
  });

  it('falls back with a notice, never a crash, on a bad or stale hash', () => {
    const { state, problems } = readViewState('#period=2017-Q9&view=nope&fy=13');
    expect(state).toEqual(DEFAULT_VIEW);
    expect(problems).toHaveLength(3);
  });
});

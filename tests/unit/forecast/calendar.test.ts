// The target period and the backtest grid, on hand-picked dates.
import { describe, expect, it } from 'vitest';
import { chooseTarget, completeFrom, periodGrid } from '../../../src/features/forecast/core/calendar';
import { conversionTable, SHRINKAGE } from '../../../src/features/forecast/core/conversion';
import { stageTable } from '../../../src/features/forecast/core/stageTable';
import type { Cell } from '../../../src/features/forecast/core/types';

describe('target period', () => {
  it('is the next quarter when the data ends on a quarter’s last day', () => {
    const t = chooseTarget(undefined, '2018-01-01', 1);
    expect(t.name).toBe('2018-Q1');
    expect(t.range).toEqual({ start: '2018-01-01', end: '2018-04-01' });
  });
  it('is the quarter under way mid-quarter, in a July fiscal year', () => {
    // FY2019 starts 2018-07-01; 2018-11-15 is in its Q2 (Oct–Dec).
    const t = chooseTarget('all', '2018-11-15', 7);
    expect(t.name).toBe('2019-Q2');
    expect(t.range.start).toBe('2018-10-01');
  });
  it('follows the header: a period under way as of the data, a period over replayed from its first day', () => {
    const now = chooseTarget('2018-02', '2018-02-10', 1);
    expect([now.name, now.asOf, now.over]).toEqual(['2018-02', '2018-02-10', false]);
    const past = chooseTarget('2017-Q3', '2018-01-01', 1);
    expect([past.name, past.asOf, past.over]).toEqual(['2017-Q3', '2017-07-01', true]);
    expect(past.fallback).toBeUndefined();
  });
  it('keeps the quarter that holds the reference date in progress when that date is its last day', () => {
    // Data up to 2017-12-31 (as of 2018-01-01): 2017-Q4 is forecast as of its last day, not replayed.
    const q4 = chooseTarget('2017-Q4', '2018-01-01', 1);
    expect([q4.name, q4.asOf, q4.over]).toEqual(['2017-Q4', '2017-12-31', false]);
    expect(chooseTarget('2017-Q4', '2018-01-01', 1, '2017-11-20').asOf).toBe('2017-11-20');
    expect(chooseTarget('2017-12', '2018-01-01', 1).asOf).toBe('2017-12-31');
    // A day later the quarter is over and is replayed from its first day.
    const over = chooseTarget('2017-Q4', '2018-01-02', 1);
    expect([over.asOf, over.over]).toEqual(['2017-10-01', true]);
  });
  it('takes an as-of date inside the period up to the data, and says when it cannot', () => {
    expect(chooseTarget('2017-Q3', '2018-01-01', 1, '2017-08-26').asOf).toBe('2017-08-26');
    expect(chooseTarget(undefined, '2018-02-10', 1, '2018-01-29').asOf).toBe('2018-01-29');
    const late = chooseTarget(undefined, '2018-02-10', 1, '2018-03-01');
    expect(late.asOf).toBe('2018-02-10');
    expect(late.fallback).toContain('2018-03-01');
    const future = chooseTarget('2018-Q3', '2018-02-10', 1);
    expect(future.name).toBe('2018-Q1');
    expect(future.fallback).toContain('after the data ends');
  });
});

describe('grids and windows', () => {
  it('lists complete months from the first close up to the as-of date', () => {
    const grid = periodGrid('2017-03-01', '2018-01-01', 'month', 1);
    expect(grid.length).toBe(10);
    expect(grid[0]?.start).toBe('2017-03-01');
    expect(grid.at(-1)?.end).toBe('2018-01-01');
  });
  it('leaves out a first period whose closes start after its first week', () => {
    const quarters = periodGrid('2017-03-01', '2018-01-01', 'quarter', 1);
    const { grid, partial } = completeFrom(quarters, '2017-03-01');
    expect(partial?.start).toBe('2017-01-01');
    expect(grid.map((g) => g.start)).toEqual(['2017-04-01', '2017-07-01', '2017-10-01']);
    expect(completeFrom(quarters, '2017-01-07').partial).toBeNull();
  });
});

describe('empirical conversion', () => {
  const cell = (stage: string | null, ageBucket: number, n: number, wonN: number): Cell => ({
    window: 0,
    stage,
    ageBucket,
    owner: null,
    n,
    sum: n * 100,
    sumSq: n * 10_000,
    wonN,
    swKnown: 0,
    swUnknown: 0,
    commit: 0,
    bestCase: 0,
    categorized: 0,
  });
  it('shrinks a small cell toward its stage and the stage toward the overall rate', () => {
    const table = conversionTable([cell('A', 0, 90, 45), cell('A', 1, 2, 2), cell('B', 0, 8, 0)]);
    expect(table.overall).toBeCloseTo(47 / 100, 12);
    const stageA = (47 + SHRINKAGE * 0.47) / (92 + SHRINKAGE);
    expect(table.probability('A', 1)).toBeCloseTo((2 + SHRINKAGE * stageA) / (2 + SHRINKAGE), 12);
    // An unseen cell takes its stage's rate; an unseen stage the overall rate.
    expect(table.probability('A', 5)).toBeCloseTo(stageA, 12);
    expect(table.probability('C', 0)).toBeCloseTo(0.47, 12);
  });
});

describe('stage table', () => {
  it('prefers the user, then the export, then a default by name, else the win rate', () => {
    const rows = [
      { stage: 'Prospecting', probability: null, open_deals: 5, closed_only: false },
      { stage: 'Proposal', probability: 0.55, open_deals: 3, closed_only: false },
      { stage: 'Engaging', probability: null, open_deals: 2, closed_only: false },
      { stage: 'Stage 7', probability: null, open_deals: 1, closed_only: false },
      { stage: 'Won', probability: null, open_deals: 0, closed_only: true },
    ];
    const table = stageTable(rows, { Engaging: 0.25 });
    expect(table.map((r) => [r.stage, r.probability, r.source])).toEqual([
      ['Prospecting', 0.1, 'default'],
      ['Proposal', 0.55, 'export'],
      ['Engaging', 0.25, 'user'],
      ['Stage 7', null, 'win_rate'],
    ]);
  });
});

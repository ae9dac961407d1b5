// The forecast's SQL builders keep every value a parameter: stage names, dates and filter
// values never appear in the SQL text.
import { describe, expect, it } from 'vitest';
import { cellsQuery, windowFactsQuery } from '../../../workers/analytics/forecast/queries';

const windows = [
  { index: 0, start: '2017-01-01', end: '2017-04-01', current: false, periodStart: '2017-01-01' },
  { index: 1, start: '2017-04-15', end: '2017-07-01', current: true, periodStart: '2017-04-01' },
];

describe('forecast SQL builders', () => {
  it('passes windows, stage names and filter values as parameters', () => {
    const stage = `O'Brien "Q3"; DROP TABLE opportunities`;
    const q = cellsQuery(windows, {
      filters: { owner: ['Ann "The Closer"'] },
      stageTable: [{ stage, probability: 0.4, force: true, fallback: 0.3 }],
      hasHistory: true,
      byOwner: true,
    });
    expect(q.sql).not.toContain('Brien');
    expect(q.sql).not.toContain('Closer');
    expect(q.sql).not.toContain('2017-');
    expect(q.params).toEqual([
      0,
      '2017-01-01',
      '2017-04-01',
      false,
      '2017-01-01',
      1,
      '2017-04-15',
      '2017-07-01',
      true,
      '2017-04-01',
      'Ann "The Closer"',
      stage,
      0.4,
      true,
      0.3,
    ]);
    expect(q.sql.split('?').length - 1).toBe(q.params.length);
  });

  it('reads stage history only when it is loaded', () => {
    const without = cellsQuery(windows, { filters: {}, stageTable: [], hasHistory: false, byOwner: false });
    expect(without.sql).not.toContain('stage_history');
    const facts = windowFactsQuery(windows, {});
    expect(facts.sql.split('?').length - 1).toBe(facts.params.length);
  });
});

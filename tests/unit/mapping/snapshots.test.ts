// Reading a snapshot's date (docs/movement.md, "Two snapshots"): from a file name or a single
// as-of value, never a date that does not exist; and the pair in date order, or none to ask.
import { describe, expect, it } from 'vitest';
import {
  asOfFromFileName,
  asOfFromValue,
  isAsOfHeader,
  pairOf,
  referenceWithSnapshot,
  snapshotProblems,
} from '../../../src/mapping/snapshots';

describe('a snapshot’s date', () => {
  it('reads ISO and compact dates in file names', () => {
    expect(asOfFromFileName('deals-2026-09-23.csv')).toBe('2026-09-23');
    expect(asOfFromFileName('Opps_20260930.xlsx')).toBe('2026-09-30');
    expect(asOfFromFileName('export 2026.09.23 (2).csv')).toBe('2026-09-23');
    expect(asOfFromFileName('pipeline_2026_02_28.csv')).toBe('2026-02-28');
  });

  it('refuses what is not a day, or not a date at all', () => {
    expect(asOfFromFileName('deals-2026-02-30.csv')).toBeNull();
    expect(asOfFromFileName('deals-2026-13-01.csv')).toBeNull();
    expect(asOfFromFileName('deals-a.csv')).toBeNull();
    expect(asOfFromFileName('deals 123456789.csv')).toBeNull();
    // Mixed separators are not one date.
    expect(asOfFromFileName('deals-2026-0923.csv')).toBeNull();
  });

  it('reads an as-of value as an ISO day only (a time is cut; 03/04/2026 is not guessed)', () => {
    expect(asOfFromValue('2026-09-23')).toBe('2026-09-23');
    expect(asOfFromValue(' 2026-09-23T08:00:00Z ')).toBe('2026-09-23');
    expect(asOfFromValue('03/04/2026')).toBeNull();
    expect(asOfFromValue('2026-02-29')).toBeNull();
  });

  it('knows the headers that name a snapshot date', () => {
    for (const h of ['As Of', 'as_of', 'Snapshot Date', 'snapshot', 'Report Date', 'Exported At', 'Stichtag'])
      expect(isAsOfHeader(h), h).toBe(true);
    for (const h of ['Close Date', 'Created', 'Amount']) expect(isAsOfHeader(h), h).toBe(false);
  });
});

describe('the pair', () => {
  const g = (fileId: string, asOf: string | null) => ({
    fileId,
    fileName: `${fileId}.csv`,
    asOf,
    source: asOf ? ('file name' as const) : null,
  });

  it('puts the earlier date first, whatever the drop order', () => {
    expect(pairOf([g('b', '2026-09-30'), g('a', '2026-09-23')])).toEqual({
      earlier: { fileId: 'a', asOf: '2026-09-23' },
      later: { fileId: 'b', asOf: '2026-09-30' },
    });
  });

  it('is not made when a date is missing or both are the same day (the screen asks)', () => {
    expect(pairOf([g('a', null), g('b', '2026-09-30')])).toBeNull();
    expect(pairOf([g('a', '2026-09-30'), g('b', '2026-09-30')])).toBeNull();
  });

  it('is refused at load without two dates in order, two deals files and two file names', () => {
    const m = (fileId: string) => ({ fileId, table: 'opportunities' as const, columns: {}, presetId: 'generic', confidence: 1 });
    const plan = (a: string, b: string) => ({
      mappings: [m('a'), m('b')],
      snapshots: { earlier: { fileId: 'a', asOf: a }, later: { fileId: 'b', asOf: b } },
    });
    expect(snapshotProblems(plan('2026-09-23', '2026-09-30'), { a: 'x.csv', b: 'y.csv' })).toEqual([]);
    expect(snapshotProblems(plan('2026-09-30', '2026-09-23'), { a: 'x.csv', b: 'y.csv' })[0]).toMatch(/different/);
    expect(snapshotProblems(plan('', '2026-09-23'), { a: 'x.csv', b: 'y.csv' })[0]).toMatch(/Say the "as of" date/);
    expect(snapshotProblems(plan('2026-09-23', '2026-09-30'), { a: 'x.csv', b: 'x.csv' })[0]).toMatch(/same file name/);
    expect(snapshotProblems({ ...plan('2026-09-23', '2026-09-30'), mappings: [m('a')] }, {})[0]).toMatch(/opportunities/);
  });
});

describe('the reference date with snapshots', () => {
  it('is the later snapshot’s date, unless the data holds a later one', () => {
    expect(referenceWithSnapshot('2024-05-07', '2024-05-08')).toBe('2024-05-08');
    expect(referenceWithSnapshot('2024-05-09', '2024-05-08')).toBe('2024-05-09');
    expect(referenceWithSnapshot(null, '2024-05-08')).toBe('2024-05-08');
    expect(referenceWithSnapshot('2024-05-07', null)).toBe('2024-05-07');
  });
});

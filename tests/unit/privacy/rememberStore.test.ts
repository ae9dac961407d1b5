// The remembered mapping is keyed by file position, so it survives new file ids in the next
// session, and is dropped (recognised afresh) when a file no longer has the columns it names.
import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../../src/mapping/types';
import { fromStored, toStored } from '../../../src/privacy/rememberStore';

const plan: ImportPlan = {
  mappings: [
    { fileId: 'f7', table: 'opportunities', columns: { amount: { source: 'Deal Value' } }, presetId: 'x', confidence: 0.8 },
    { fileId: 'f8', table: 'reps', columns: { name: { source: 'Rep', fallback: 'Owner' } }, presetId: 'y', confidence: 1 },
  ],
};
const file = (fileId: string, ...names: string[]) => ({ fileId, columns: names.map((name) => ({ name })) });

describe('remembered mapping', () => {
  it('maps the plan onto the next session’s file ids by position', () => {
    const stored = toStored(plan, ['f7', 'f8']);
    expect(stored?.map((m) => m.fileIndex)).toEqual([0, 1]);
    const back = fromStored(stored ?? [], [file('f1', 'Deal Value', 'Stage'), file('f2', 'Rep', 'Owner')]);
    expect(back?.mappings.map((m) => [m.fileId, m.table, m.columns])).toEqual([
      ['f1', 'opportunities', { amount: { source: 'Deal Value' } }],
      ['f2', 'reps', { name: { source: 'Rep', fallback: 'Owner' } }],
    ]);
  });

  it('gives up when a file is missing, a plan names an unknown file, or a column is gone', () => {
    expect(toStored(plan, ['f7'])).toBeNull();
    const stored = toStored(plan, ['f7', 'f8']) ?? [];
    expect(fromStored(stored, [file('f1', 'Deal Value')])).toBeNull();
    expect(fromStored(stored, [file('f1', 'Deal Value'), file('f2', 'Rep')])).toBeNull();
  });
});

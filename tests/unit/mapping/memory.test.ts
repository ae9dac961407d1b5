// Remembered mappings: the header signature, the round trip through a store, and the
// proposal that no longer needs review once its files' mappings are remembered.
import { describe, expect, it } from 'vitest';
import type { ImportProposal } from '../../../src/engine-api/types';
import { applyRemembered, rememberPlan } from '../../../src/features/import/rememberedPlan';
import { headerSignature, recallMapping, rememberMapping, type KeyValueStore } from '../../../src/mapping/memory';
import type { TableMapping } from '../../../src/mapping/types';

function store(): KeyValueStore & { size(): number } {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), size: () => m.size };
}

const HEADERS = ['Deal', 'Customer', 'Stage', 'Value'];
const MAPPING: TableMapping = {
  fileId: 'f1',
  table: 'opportunities',
  columns: { opportunity_id: { source: 'Deal' }, account_name: { source: 'Customer' }, amount: { source: 'Value' } },
  status: { kind: 'stage', column: 'Stage', won: ['Signed'], lost: ['Dropped'] },
  presetId: 'manual',
  confidence: 0.5,
};

describe('headerSignature', () => {
  it('ignores column order and surrounding spaces', () => {
    expect(headerSignature(['b', ' a'])).toBe(headerSignature(['a', 'b ']));
  });
  it('changes when a column is renamed, added or removed', () => {
    const base = headerSignature(HEADERS);
    expect(headerSignature(['Deal', 'Customer', 'Stage', 'Amount'])).not.toBe(base);
    expect(headerSignature([...HEADERS, 'Owner'])).not.toBe(base);
    expect(headerSignature(HEADERS.slice(1))).not.toBe(base);
  });
});

describe('remember and recall', () => {
  it('gives back the mapping for the same headers, at confidence 1, for the new file id', () => {
    const s = store();
    rememberMapping(s, HEADERS, MAPPING);
    const recalled = recallMapping(s, 'f9', [...HEADERS].reverse());
    expect(recalled).toEqual({ ...MAPPING, fileId: 'f9', presetId: 'remembered', confidence: 1 });
  });
  it('gives nothing for other headers, or for a damaged entry', () => {
    const s = store();
    rememberMapping(s, HEADERS, MAPPING);
    expect(recallMapping(s, 'f9', ['Deal', 'Customer', 'Stage'])).toBeUndefined();
    s.setItem(`pipelens.mapping.${headerSignature(['x'])}`, '{not json');
    expect(recallMapping(s, 'f9', ['x'])).toBeUndefined();
  });
  it('survives a store that refuses to write', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberMapping(full, HEADERS, MAPPING)).not.toThrow();
  });
});

describe('applyRemembered', () => {
  const proposal: ImportProposal = {
    files: [
      {
        fileId: 'f1',
        fileName: 'a.csv',
        rowsStaged: 3,
        parserRejects: 0,
        stageValues: [],
        columns: HEADERS.map((name) => ({ name, samples: [] })),
      },
    ],
    plan: {
      mappings: [{ ...MAPPING, columns: {}, status: { kind: 'stage', column: 'Stage', won: [], lost: [] }, presetId: 'generic' }],
    },
    needsReview: true,
    questions: [],
  };

  it('leaves a proposal alone when nothing is remembered', () => {
    expect(applyRemembered(proposal, store())).toBe(proposal);
  });

  it('loads a file mapped before without asking again', () => {
    const s = store();
    rememberPlan(proposal, { mappings: [MAPPING] }, s);
    expect(s.size()).toBe(1);
    const next = applyRemembered(proposal, s);
    expect(next.needsReview).toBe(false);
    expect(next.plan.mappings[0]).toMatchObject({
      presetId: 'remembered',
      confidence: 1,
      columns: MAPPING.columns,
      status: MAPPING.status,
    });
  });
});

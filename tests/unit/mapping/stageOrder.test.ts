// Stage order evidence from names (src/mapping/stageOrder.ts), the mapping screen's arrows,
// and the order remembered with the mapping.
import { describe, expect, it } from 'vitest';
import { recallMapping, rememberMapping } from '../../../src/mapping/memory';
import { evidenceOrder, knownStageRank, moveStage } from '../../../src/mapping/stageOrder';
import type { TableMapping } from '../../../src/mapping/types';

describe('stage order from names', () => {
  it("puts Maven's Prospecting before Engaging, whatever the counts", () => {
    expect(evidenceOrder(['Engaging', 'Prospecting'])).toEqual(['Prospecting', 'Engaging']);
  });

  it("follows a CRM's default pipeline, and words of any sales process", () => {
    expect(evidenceOrder(['Negotiation/Review', 'Needs Analysis', 'Prospecting'])).toEqual([
      'Prospecting',
      'Needs Analysis',
      'Negotiation/Review',
    ]);
    expect(evidenceOrder(['Contract out', 'Discovery call', 'Proposal sent', 'New lead'])).toEqual([
      'New lead',
      'Discovery call',
      'Proposal sent',
      'Contract out',
    ]);
    expect(knownStageRank('Closed Won')).toBe(100);
    expect(knownStageRank('Stage 7b')).toBeNull();
  });

  it('keeps unknown names as found, after the known ones, and the user order first', () => {
    expect(evidenceOrder(['Zeta', 'Proposal', 'Alpha'])).toEqual(['Proposal', 'Zeta', 'Alpha']);
    expect(evidenceOrder(['Prospecting', 'Engaging', 'Demo'], ['Engaging'])).toEqual(['Engaging', 'Prospecting', 'Demo']);
  });

  it('moves a stage one place with the arrows, never off the ends', () => {
    expect(moveStage(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveStage(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveStage(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });

  it('remembers the order with the mapping', () => {
    const memory = new Map<string, string>();
    const store = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v) };
    const headers = ['id', 'stage', 'amount'];
    const mapping: TableMapping = {
      fileId: 'f1',
      table: 'opportunities',
      columns: { opportunity_id: { source: 'id' }, stage: { source: 'stage' } },
      status: { kind: 'stage', column: 'stage', won: ['Won'], lost: ['Lost'] },
      presetId: 'manual',
      confidence: 1,
      stageOrder: ['Engaging', 'Prospecting'],
    };
    rememberMapping(store, headers, mapping);
    expect(recallMapping(store, 'f2', headers)?.stageOrder).toEqual(['Engaging', 'Prospecting']);
  });
});

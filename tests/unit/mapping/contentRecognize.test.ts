// Recognition by content (docs/recognition.md) on hand-written column profiles: which file is
// a list of won deals, which column is the key two files share, and what is left alone.
import { describe, expect, it } from 'vitest';
import type { ColumnProfile, FileProfile } from '../../../src/mapping/contentProfile';
import { idCandidates, joins, recognizeByContent } from '../../../src/mapping/contentRecognize';
import type { TableMapping } from '../../../src/mapping/types';

const col = (name: string, c: Partial<ColumnProfile>): ColumnProfile => ({
  name,
  filled: 100,
  distinct: 100,
  idLike: 0,
  hashLike: 0,
  dateLike: 0,
  ...c,
});
const hashId = (name: string, distinct = 100) => col(name, { distinct, idLike: 100, hashLike: 100 });
const date = (name: string) => col(name, { distinct: 40, dateLike: 100 });
const guess = (fileId: string, m: Partial<TableMapping> = {}): TableMapping => ({
  fileId,
  table: 'ignore',
  columns: {},
  presetId: 'generic',
  confidence: 0,
  ...m,
});

const LEADS: FileProfile = {
  fileId: 'l',
  rows: 100,
  columns: [hashId('ref'), date('Erstkontakt am'), col('Herkunft', { distinct: 3 })],
};
const DEALS: FileProfile = {
  fileId: 'd',
  rows: 30,
  // Thirty rows: every column filled in each of them.
  columns: [hashId('ref', 30), date('Gewonnen am'), col('Branche', { distinct: 2 })].map((c) => ({
    ...c,
    filled: 30,
    distinct: Math.min(c.distinct, 30),
    idLike: Math.min(c.idLike, 30),
    hashLike: Math.min(c.hashLike, 30),
    dateLike: Math.min(c.dateLike, 30),
  })),
};
const SHARE = { a: { fileId: 'l', column: 'ref' }, b: { fileId: 'd', column: 'ref' }, shared: 30 };

describe('recognition by content', () => {
  it('takes hashes as ids, integers only under an id-like header', () => {
    const ints = { fileId: 'x', rows: 100, columns: [col('Kunden-Nr', { idLike: 100 }), col('Menge', { idLike: 100 })] };
    expect(idCandidates(ints).map((c) => c.name)).toEqual(['Kunden-Nr']);
    expect(idCandidates(LEADS).map((c) => c.name)).toEqual(['ref']);
  });

  it('joins on half of the smaller side’s values, not on a few coincidences', () => {
    expect(joins({ ...SHARE, shared: 15 }, hashId('ref'), hashId('ref', 30))).toBe(true);
    expect(joins({ ...SHARE, shared: 14 }, hashId('ref'), hashId('ref', 30))).toBe(false);
  });

  it('proposes the won-deals list and the lead list it names, below certainty', () => {
    const out = recognizeByContent([guess('l'), guess('d')], [LEADS, DEALS], [SHARE]);
    const [l, d] = out.mappings;
    expect(d).toMatchObject({ table: 'opportunities', status: { kind: 'won_date', column: 'Gewonnen am' } });
    expect(d?.columns).toEqual({ close_date: { source: 'Gewonnen am' }, lead_id: { source: 'ref' } });
    expect(l?.columns).toEqual({
      lead_id: { source: 'ref' },
      created_date: { source: 'Erstkontakt am' },
      source: { source: 'Herkunft' },
    });
    expect([l?.confidence, d?.confidence].every((c) => c !== undefined && c < 1)).toBe(true);
    expect(out.joins).toHaveLength(1);
  });

  it('leaves alone files recognized for certain, and deals that carry a stage', () => {
    const certain = guess('l', { table: 'leads', presetId: 'hubspot-contacts', confidence: 1 });
    expect(recognizeByContent([certain, guess('d')], [DEALS], [SHARE]).mappings[0]).toEqual(certain);
    const staged = guess('d', { table: 'opportunities', status: { kind: 'stage', column: 'Phase', won: ['Won'], lost: [] } });
    expect(recognizeByContent([guess('l'), staged], [LEADS, DEALS], [SHARE]).mappings[1]).toEqual(staged);
  });

  it('does not take a list with many repeated ids for the list the deals name', () => {
    const repeats: FileProfile = { ...LEADS, columns: [hashId('ref', 90), ...LEADS.columns.slice(1)] };
    const out = recognizeByContent([guess('l'), guess('d')], [repeats, DEALS], [SHARE]);
    expect(out.mappings[0]?.table).toBe('ignore');
    expect(out.joins).toEqual([]);
  });
});

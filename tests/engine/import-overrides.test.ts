// The user's reading choices (delimiter, encoding, sheet): one staged file is read again
// under the same id, the others stay as they were, and the mapping is proposed again.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, openAnalytics } from './helpers/engine';

const enc = (s: string) => new TextEncoder().encode(s);

describe('reading overrides', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  it('reads a file again with the delimiter the user chose, keeping the other files', async () => {
    const first = await analytics.stageFiles([fixture('messy/semicolon.csv'), fixture('messy/comma.csv')]);
    const [semi, comma] = first.files;
    expect(semi?.reading).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8' });
    expect(semi?.columns).toHaveLength(8);

    // Comma is wrong for this file: every row is one field (the amounts hold decimal commas).
    const wrong = await analytics.restageFile(semi!.fileId, { delimiter: ',' });
    const wrongSemi = wrong.files.find((f) => f.fileId === semi!.fileId);
    expect(wrongSemi?.reading?.delimiter).toBe(',');
    expect(wrongSemi?.columns.length).not.toBe(8);
    expect(wrong.files.map((f) => f.fileName)).toEqual(['semicolon.csv', 'comma.csv']);
    expect(wrong.files[1]).toMatchObject({ fileId: comma!.fileId, rowsStaged: 4 });

    const right = await analytics.restageFile(semi!.fileId, { delimiter: ';' });
    expect(right.files[0]?.columns.map((c) => c.name)).toEqual(semi?.columns.map((c) => c.name));
    const result = await analytics.applyImport(right.plan);
    expect(result.files.map((f) => f.rowsLoaded)).toEqual([4, 4]);
    // Both files carry the same four deals: won 1,234.56 + 2,000 twice.
    expect(kpi(await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 }), 'won_amount')).toBeCloseTo(6469.12, 2);
  });

  it('decodes with the encoding the user chose', async () => {
    const staged = await analytics.stageFiles([fixture('messy/win1252.csv')]);
    const file = staged.files[0]!;
    expect(file.reading?.encoding).toBe('windows-1252');
    const account = (p: typeof staged) => p.files[0]?.columns.find((c) => c.name === 'account')?.samples ?? [];
    expect(account(staged)).toContain('Béta Müller');
    // Read as UTF-16LE the bytes make no sense; read back as Windows-1252 they do again.
    const garbled = await analytics.restageFile(file.fileId, { encoding: 'utf-16le' });
    expect(garbled.files[0]?.reading?.encoding).toBe('utf-16le');
    expect(account(garbled)).not.toContain('Béta Müller');
    const back = await analytics.restageFile(file.fileId, { encoding: 'windows-1252' });
    expect(account(back)).toContain('Béta Müller');
  });

  it('lists the sheets and reads the one the user chose', async () => {
    const staged = await analytics.stageFiles([fixture('messy/several-sheets.xlsx')]);
    expect(staged.files[0]?.reading).toMatchObject({ sheets: ['Cover', 'Deals', 'Notes'], sheet: 'Deals' });
    const notes = await analytics.restageFile(staged.files[0]!.fileId, { sheet: 'Notes' });
    expect(notes.files[0]?.reading?.sheet).toBe('Notes');
    expect(notes.files[0]?.columns.map((c) => c.name)).toEqual(['note']);
    expect(notes.files[0]?.rowsStaged).toBe(1);
  });

  it('keeps the file as it was when the chosen reading fails', async () => {
    const staged = await analytics.stageFiles([fixture('messy/several-sheets.xlsx')]);
    const id = staged.files[0]!.fileId;
    await expect(analytics.restageFile(id, { sheet: 'Missing' })).rejects.toThrow(/has no sheet "Missing"/);
    const again = await analytics.restageFile(id, { sheet: 'Deals' });
    expect(again.files[0]?.rowsStaged).toBe(4);
  });

  it('refuses a file id that is not staged', async () => {
    await analytics.stageFiles([{ name: 'a.csv', data: enc('a,b\n1,2\n') }]);
    await expect(analytics.restageFile('f999', { delimiter: ';' })).rejects.toThrow(/no longer staged/);
  });
});

// Staging edge cases beyond the corpus: user overrides, a file that stops being UTF-8 after
// the sniffed sample, footers far from the header, and line numbers that count from the top
// of the file even when a report preamble was cut off.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, kpi, openAnalytics } from './helpers/engine';

const HEADER = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n';
const row = (i: number, amount: string | number = 100, account = `Account ${i}`) =>
  `D${i},Ann Lee,GTX Basic,${account},Won,2021-03-01,2021-04-15,${amount}\n`;
const bytes = (s: string) => new TextEncoder().encode(s);

describe('staging edge cases', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  it('reads the sheet and the delimiter the user chose', async () => {
    const proposal = await analytics.stageFiles([fixture('messy/several-sheets.xlsx'), fixture('messy/semicolon.csv')], {
      files: { 'several-sheets.xlsx': { sheet: 'Notes' }, 'semicolon.csv': { delimiter: '|' } },
    });
    const [book, csv] = proposal.files;
    expect(book?.reading).toMatchObject({ format: 'xlsx', sheet: 'Notes', sheets: ['Cover', 'Deals', 'Notes'] });
    expect(book?.columns.map((c) => c.name)).toEqual(['note']);
    expect(book?.rowsStaged).toBe(1);
    // Split on a character that never occurs: one column holding each whole line.
    expect(csv?.reading?.delimiter).toBe('|');
    expect(csv?.columns).toHaveLength(1);
  });

  it('refuses a sheet the workbook does not have, naming the sheets it has', async () => {
    await expect(
      analytics.stageFiles([fixture('messy/deals.xlsx')], { files: { 'deals.xlsx': { sheet: 'Nope' } } }),
    ).rejects.toThrow(/no sheet "Nope"; its sheets are "Deals"/);
  });

  it('re-reads as Windows-1252 when a byte deep in the file is not UTF-8', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => row(i + 1)).join('');
    expect(lines.length).toBeGreaterThan(70_000);
    const tail = Uint8Array.from([...bytes('D9999,Ann Lee,GTX Basic,Caf'), 0xe9, ...bytes(',Won,2021-03-01,2021-04-15,100\n')]);
    const data = new Uint8Array([...bytes(HEADER + lines), ...tail]);
    const proposal = await analytics.stageFiles([{ name: 'late-latin.csv', data }]);
    expect(proposal.files[0]?.reading?.encoding).toBe('windows-1252');
    const result = await analytics.applyImport(proposal.plan);
    expect(result.files[0]).toMatchObject({ rowsRead: 1501, rowsLoaded: 1501, rowsRejected: 0 });
  });

  it('cuts a report footer that lies far below the sniffed head', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => row(i + 1, 10)).join('');
    const text =
      '"Deals report"\n""\n' +
      HEADER +
      lines +
      '""\n"Grand Totals (2000 records)"\n"Confidential Information - Do Not Distribute"\n';
    const proposal = await analytics.stageFiles([{ name: 'long-report.csv', data: bytes(text) }]);
    expect(proposal.files[0]?.reading).toMatchObject({ preambleRows: 2, footerRows: 3 });
    const result = await analytics.applyImport(proposal.plan);
    expect(result.files[0]).toMatchObject({ rowsRead: 2005, rowsLoaded: 2000, rowsSkipped: 5 });
    const all = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(kpi(all, 'won_amount')).toBe(20_000);
  });

  it('numbers rejected rows by their line in the file, below a preamble', async () => {
    // Line 1 title, 2 blank-quoted, 3 header, 4 D1, 5 ragged, 6 D2 with a bad amount, 7 D3.
    const text = '"Deals report"\n""\n' + HEADER + row(1) + 'X,too,few\n' + row(2, 'lots') + row(3);
    const proposal = await analytics.stageFiles([{ name: 'lines.csv', data: bytes(text) }]);
    const result = await analytics.applyImport(proposal.plan);
    const rec = result.files[0];
    expect(rec).toMatchObject({ rowsRead: 6, rowsLoaded: 2, rowsRejected: 2, rowsSkipped: 2 });
    expect(rec?.rejects.map((r) => [r.line, r.raw])).toEqual([
      [5, 'X,too,few'],
      [6, 'lots'],
    ]);
    expect(rec?.rejects[0]?.reason).toMatch(/MISSING COLUMNS/);
  });
});

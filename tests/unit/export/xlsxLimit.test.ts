// A workbook refuses a table longer than one Excel sheet with the reason, instead of cutting it.
import { describe, expect, it } from 'vitest';
import { contextSheet } from '../../../src/export/tables';
import { xlsxBytes } from '../../../src/export/xlsx';

describe('xlsx limits and context', () => {
  it('refuses more rows than an Excel sheet holds, naming both counts', async () => {
    const rows = Array.from({ length: 1_048_576 }, () => [1]);
    await expect(xlsxBytes([{ title: 'Deals', header: ['n'], rows }])).rejects.toThrow(
      '1,048,576 rows do not fit one Excel sheet (1,048,575); export CSV or filter.',
    );
  });

  it('writes the context sheet as one line per row under a heading', () => {
    expect(contextSheet('Bookings 2026 Q3', ['Period: 2026 Q3', 'Filters: none (all deals)'])).toEqual({
      header: ['Exported from pipelens'],
      rows: [['Bookings 2026 Q3'], ['Period: 2026 Q3'], ['Filters: none (all deals)']],
    });
  });
});

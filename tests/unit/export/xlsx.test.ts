// XLSX export: written workbooks read back cell for cell; hostile sheet names are made legal.
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { sheetName, xlsxBytes } from '../../../src/export/xlsx';

describe('XLSX export', () => {
  it('keeps numbers as numbers, neutralises formulas, and reads back', async () => {
    const bytes = await xlsxBytes([
      {
        title: 'Won by rep',
        header: ['rep', 'won'],
        rows: [
          ['=cmd|calc', 1234.5],
          ['<img src=x onerror=alert(1)>', null],
        ],
      },
    ]);
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['Won by rep']);
    const sheet = book.Sheets['Won by rep'];
    if (!sheet) throw new Error('sheet missing');
    expect(sheet['B2']).toMatchObject({ t: 'n', v: 1234.5 });
    expect(sheet['A2']).toMatchObject({ t: 's', v: "'=cmd|calc" });
    expect(sheet['A2']?.f).toBeUndefined();
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })).toEqual([
      ['rep', 'won'],
      ["'=cmd|calc", 1234.5],
      ['<img src=x onerror=alert(1)>'],
    ]);
  });

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('Q3 [draft]: a/b?')).toBe('Q3  draft   a b');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('***')).toBe('Sheet1');
  });
});

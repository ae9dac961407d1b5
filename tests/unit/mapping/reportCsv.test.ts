// The CSV exports: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../src/engine-api/types';
import { csvCell, importReportCsv, toCsv } from '../../../src/features/import/reportCsv';

/** A small RFC 4180 reader, written for the test, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted) {
      field += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes numbers as numbers (a negative amount stays a number) and blanks as empty', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('round-trips any text, neutralised, through an RFC 4180 reader', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const back = parseCsv(toCsv(rows));
          const expected = rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
          expect(back).toEqual(expected);
          for (const cell of back.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        },
      ),
      { numRuns: 100, seed: 11 },
    );
  }, 30_000);
});

describe('importReportCsv', () => {
  it('has a file record per file and a rejected record per rejected row', () => {
    const result: ImportResult = {
      files: [
        {
          fileName: 'deals, Q1.csv',
          table: 'opportunities',
          presetId: 'hubspot-deals',
          rowsRead: 10,
          rowsLoaded: 8,
          rowsRejected: 1,
          rowsSkipped: 1,
          rejects: [{ line: 4, column: 'amount', reason: 'cannot be read as money', raw: '=1+1' }],
        },
      ],
      notes: [],
    };
    expect(parseCsv(importReportCsv(result))).toEqual([
      [
        'record',
        'file',
        'loaded_as',
        'preset',
        'rows_read',
        'rows_loaded',
        'rows_rejected',
        'rows_skipped',
        'line',
        'column',
        'reason',
        'value',
      ],
      ['file', 'deals, Q1.csv', 'opportunities', 'hubspot-deals', '10', '8', '1', '1'],
      [
        'rejected',
        'deals, Q1.csv',
        'opportunities',
        'hubspot-deals',
        '',
        '',
        '',
        '',
        '4',
        'amount',
        'cannot be read as money',
        "'=1+1",
      ],
    ]);
  });
});

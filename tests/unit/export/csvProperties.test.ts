// Property tests of the CSV writer (issue 14): any text cells round-trip through an independent
// CSV parser (papaparse) in the comma locale, and no cell a comma- or semicolon-locale
// spreadsheet would see starts with a formula character. Seeded in tests/setup.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, toCsv } from '../../../src/export/csv';

const TRIGGER = /^[=+\-@\t\r]/;
/** Text rich in the characters that matter: delimiters, quotes, line breaks, formula starts. */
const cellText = fc.oneof(
  fc.string(),
  fc
    .array(fc.constantFrom('a', 'B', ' ', ',', ';', '"', '\n', '\r', '\t', '=', '+', '-', '@', '1', 'é'), { maxLength: 12 })
    .map((cs) => cs.join('')),
);
const table = fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });

function parse(text: string, delimiter: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: false }).data;
}

describe('CSV writer properties', () => {
  it('round-trips every text cell (as neutralised) through a comma-locale parser', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const width = Math.max(...rows.map((r) => r.length));
        const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('x')]);
        const header = padded[0]?.map((_, i) => `c${i}`) ?? [];
        const parsed = parse(toCsv(header, padded), ',').slice(0, padded.length + 1);
        expect(parsed).toEqual([header, ...padded.map((r) => r.map(neutraliseFormula))]);
      }),
    );
  });

  it('never lets a comma- or semicolon-locale spreadsheet start a cell with a formula character', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = toCsv(['h'], rows);
        for (const delimiter of [',', ';']) {
          for (const field of parse(text, delimiter).flat()) {
            // Past leading spaces, quotes and line breaks (a misparse can start a cell there), the
            // first character a spreadsheet sees must not start a formula.
            expect(field.replace(/^[ "\r\n]+/, '')).not.toMatch(TRIGGER);
          }
        }
      }),
    );
  });

  it('quotes a cell holding a semicolon (Acme;=1+2 stays one cell in a semicolon locale)', () => {
    expect(csvField('Acme;=1+2')).toBe(`"Acme;'=1+2"`);
    expect(parse(toCsv(['name'], [['Acme;=1+2']]), ';')[1]).toEqual(["Acme;'=1+2"]);
  });
});

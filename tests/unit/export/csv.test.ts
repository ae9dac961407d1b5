// The shared CSV writer: RFC 4180 quoting and formula-injection neutralising, checked against
// hand-written expected text and parsed back with an independent parser (papaparse).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, toCsv } from '../../../src/export/csv';

describe('CSV writer', () => {
  it('quotes as RFC 4180 asks, with CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          ['line\nbreak', 2.5],
          [null, undefined],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",2.5\r\n,\r\n');
  });

  it('neutralises every formula start (= + - @ tab CR) in text, never in numbers', () => {
    for (const bad of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(bad)).toBe(`'${bad}`);
    expect(neutraliseFormula("O'Brien = ok")).toBe("O'Brien = ok");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('parses back to the same cells (independent parser)', () => {
    const rows = [
      ['Acme, Inc.', '<img src=x onerror=alert(1)>'],
      ['multi\r\nline', '"quoted"'],
    ];
    const parsed = Papa.parse<string[]>(toCsv(['name', 'note'], rows), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([['name', 'note'], ...rows]);
  });
});

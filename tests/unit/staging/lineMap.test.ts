// Where records start in a file: quoted line breaks and empty lines move the file lines
// away from the record numbers; the breakpoints say where. Expected lines are counted by
// hand from the texts below.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineScanner, needsLineMap, physicalLine } from '../../../src/staging/lineMap';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Record lines (first data line = 2) → file lines, for `records` records. */
function fileLines(text: string, records: number, chunk = Infinity, delim = ','): number[] {
  const scanner = new LineScanner(delim, 2);
  const bytes = utf8(text);
  const size = Number.isFinite(chunk) ? chunk : bytes.length || 1;
  for (let at = 0; at < bytes.length; at += size) scanner.push(bytes.subarray(at, at + size));
  const points = scanner.finish();
  return Array.from({ length: records }, (_, k) => physicalLine(points, 2 + k));
}

describe('LineScanner', () => {
  it('maps records one per line when nothing drifts', () => {
    const scanner = new LineScanner(',', 2);
    scanner.push(utf8('a,b\nc,d\ne,f\n'));
    const points = scanner.finish();
    expect(points).toEqual([{ rline: 2, dline: 2, pline: 2 }]);
    expect(needsLineMap(points)).toBe(false);
  });

  it('puts a record after a quoted line break and empty lines on its real line', () => {
    // Data starts on line 2: r0 line 2, r1 lines 3–5, empty 6 and 7, r2 line 8, r3 line 9.
    const text = '1,2\n"x\ny\nz",5\n\n\n7,8\n9,10\n';
    expect(fileLines(text, 4)).toEqual([2, 3, 8, 9]);
  });

  it('keeps the engine numbering (empty lines counted, a multi-line record one line) alongside', () => {
    const scanner = new LineScanner(',', 2);
    scanner.push(utf8('1,2\n"x\ny",5\n\n7,8\n'));
    // r2 (record line 4) is on file line 6; the engine calls it line 5 (one empty line before it).
    expect(scanner.finish()).toEqual([
      { rline: 2, dline: 2, pline: 2 },
      { rline: 4, dline: 5, pline: 6 },
    ]);
  });

  it('reads CRLF, CR and escaped quotes, and quotes only at the start of a field', () => {
    expect(fileLines('1,"a\r\nb"\r\n\r\n2,3\r\n', 2)).toEqual([2, 5]);
    expect(fileLines('1,"a\rb"\r2,3\r', 2)).toEqual([2, 4]);
    expect(fileLines('1,"say ""hi""\nthere"\n2,3\n', 2)).toEqual([2, 4]);
    // A quote inside an unquoted field is a character (5" screen), not the start of a quoted field.
    expect(fileLines('5" screen,1\n2,3\n', 2)).toEqual([2, 3]);
    expect(fileLines('1;"a\nb"\n2;3\n', 2, Infinity, ';')).toEqual([2, 4]);
  });

  it('gives the same lines however the bytes are cut into chunks', () => {
    const text = '1,"a\r\n""b"""\r\n\r\n2,3\r\n"",\r\n\n4,"\n"\n5,6';
    const whole = fileLines(text, 5);
    expect(whole).toEqual([2, 5, 6, 8, 10]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (chunk) => {
        expect(fileLines(text, 5, chunk)).toEqual(whole);
      }),
    );
  });
});

// The CSV dialect sniffer: records, delimiter, header and report preamble.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, locateHeader, parseRecords } from '../../../src/staging/dialect';

describe('parseRecords', () => {
  it('keeps quoted delimiters, doubled quotes and line breaks inside a field', () => {
    const records = parseRecords('a,b\n"x, ""y""","line1\r\nline2"\n3,4', ',');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line1\r\nline2'],
      ['3', '4'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('splits on CR, LF and CRLF alike and marks empty lines', () => {
    const records = parseRecords('a\rb\r\n\nc', ',');
    expect(records.map((r) => r.fields[0])).toEqual(['a', 'b', '', 'c']);
    expect(records.map((r) => r.empty)).toEqual([false, false, true, false]);
    expect(parseRecords('""\n', ',')[0]?.empty).toBe(false);
  });

  it('flags a record cut off inside quotes', () => {
    expect(parseRecords('a,"unfinished', ',').at(-1)?.complete).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it.each([
    [',', 'id,amount,stage\n1,"1,5",Won\n2,3,Lost\n'],
    [';', 'id;amount;stage\n1;1,5;Won\n2;3,25;Lost\n'],
    ['\t', 'id\tname\tstage\n1\tSmith, Jones\tWon\n2\tA;B\tLost\n'],
    ['|', 'id|name|stage\n1|a,b|Won\n2|c;d|Lost\n'],
  ])('finds %j', (delim, sample) => {
    expect(detectDelimiter(sample)).toBe(delim);
  });

  it('ignores single-field preamble lines', () => {
    expect(detectDelimiter('"Report; Q3"\n"Filtered By:"\n\nid;amount\n1;2\n3;4\n')).toBe(';');
  });
});

describe('locateHeader', () => {
  it('skips a Salesforce report title, filter lines and blank rows', () => {
    const text =
      '"Opportunity Pipeline"\n"Filtered By:"\n"  Stage equals Won, Lost"\n""\n\n"Name","Amount","Stage"\n"A","1","Won"\n';
    const found = locateHeader(parseRecords(text, ','));
    expect(found?.header.fields).toEqual(['Name', 'Amount', 'Stage']);
    expect(found?.header.line).toBe(6);
    // Title, filter, filter value and "" are rows; the empty line is not.
    expect(found?.preambleRows).toBe(4);
  });

  it('takes the first line when there is no preamble', () => {
    const found = locateHeader(parseRecords('a,b,c\n1,2,3\n', ','));
    expect(found?.index).toBe(0);
    expect(found?.preambleRows).toBe(0);
  });

  it('returns null for a file with nothing in it', () => {
    expect(locateHeader(parseRecords('\n\n', ','))).toBeNull();
  });
});

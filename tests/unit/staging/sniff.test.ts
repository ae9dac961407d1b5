// Format and encoding sniffing on the first bytes of a file.
import { describe, expect, it } from 'vitest';
import { fixCp1252 } from '../../../src/staging/cp1252';
import { decodeSample, detectEncoding, detectFormat, isUtf8 } from '../../../src/staging/sniff';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('trusts magic bytes over the extension', () => {
    expect(detectFormat(bytes(0x50, 0x4b, 3, 4, 0), 'export.csv', '')).toBe('xlsx');
    expect(detectFormat(text('PAR1xxxx'), 'data.bin', 'PAR1xxxx')).toBe('parquet');
    expect(detectFormat(bytes(0xd0, 0xcf, 0x11, 0xe0), 'old.xls', '')).toBe('xlsx');
  });

  it('uses the extension when there are no magic bytes', () => {
    expect(detectFormat(text('garbage'), 'broken.xlsx', 'garbage')).toBe('xlsx');
    expect(detectFormat(text('garbage'), 'broken.parquet', 'garbage')).toBe('parquet');
    expect(detectFormat(text('{"a":1}\n'), 'x.jsonl', '{"a":1}\n')).toBe('ndjson');
  });

  it('tells a JSON document from NDJSON by its lines', () => {
    expect(detectFormat(text(''), 'a.txt', ' [{"a":1}]')).toBe('json');
    expect(detectFormat(text(''), 'a.json', '{"data":[{"a":1}]}')).toBe('json');
    expect(detectFormat(text(''), 'a.json', '{"a":1}\n{"a":2}\n')).toBe('ndjson');
    expect(detectFormat(text(''), 'a.txt', '{\n  "a": 1\n}')).toBe('json');
    expect(detectFormat(text(''), 'a.txt', 'id,name\n1,x\n')).toBe('csv');
  });
});

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ encoding: 'utf-8', bom: 3 });
    expect(detectEncoding(bytes(0xff, 0xfe, 0x61, 0))).toEqual({ encoding: 'utf-16le', bom: 2 });
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x61))).toEqual({ encoding: 'utf-16be', bom: 2 });
  });

  it('finds UTF-16 without a BOM from its zero bytes', () => {
    expect(detectEncoding(bytes(0x61, 0, 0x2c, 0, 0x62, 0, 0x0a, 0)).encoding).toBe('utf-16le');
    expect(detectEncoding(bytes(0, 0x61, 0, 0x2c, 0, 0x62, 0, 0x0a)).encoding).toBe('utf-16be');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(detectEncoding(text('café,Müller')).encoding).toBe('utf-8');
    expect(detectEncoding(bytes(0x63, 0x61, 0x66, 0xe9, 0x2c, 0x80)).encoding).toBe('windows-1252');
  });

  it('accepts a UTF-8 sample cut inside a character', () => {
    const euro = text('a€');
    expect(isUtf8(euro.subarray(0, 3))).toBe(true);
    expect(isUtf8(bytes(0x61, 0xc3, 0x28))).toBe(false);
  });

  it('decodes Windows-1252 high characters the same everywhere', () => {
    expect(decodeSample(bytes(0x80, 0x20, 0xe9, 0x93, 0x94), { encoding: 'windows-1252', bom: 0 })).toBe('€ é“”');
    expect(fixCp1252('\u0080\u0099')).toBe('€™');
  });
});

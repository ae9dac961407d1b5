// Guessing the encoding of text that is not UTF-8 (src/staging/encodingGuess.ts). The byte
// sequences are written out by hand from the code-page tables, not produced by our decoder.
import { describe, expect, it } from 'vitest';
import { decodeMixed, guessLegacy } from '../../../src/staging/encodingGuess';
import { guessNotUtf8 } from '../../../src/staging/sniff';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : p)));

describe('guessLegacy', () => {
  it('keeps Windows-1252 for Western text with € amounts', () => {
    // "Béta Müller;1.234,50 €"
    expect(guessLegacy(bytes('B', [0xe9], 'ta M', [0xfc], 'ller;1.234,50 ', [0x80])).encoding).toBe('windows-1252');
  });

  it('detects Windows-1250 from Polish letters Windows-1252 reads as symbols', () => {
    // "Paweł Żółć": ł=B3 Ż=AF ó=F3 ł=B3 ć=E6
    expect(guessLegacy(bytes('Pawe', [0xb3], ' ', [0xaf, 0xf3, 0xb3, 0xe6])).encoding).toBe('windows-1250');
  });

  it('detects Windows-1251 Cyrillic and Shift_JIS', () => {
    // "Иванов" in Windows-1251; "山田" in Shift_JIS.
    expect(guessLegacy(bytes([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2], ',', [0xcf, 0xe5, 0xf2, 0xf0])).encoding).toBe('windows-1251');
    expect(guessLegacy(bytes('A1,', [0x8e, 0x52, 0x93, 0x63], ',B2')).encoding).toBe('shift_jis');
  });

  it('names the encodings that would read the bytes as plausibly but differently', () => {
    // Czech "Dvořák" (ř=F8): Windows-1252 reads "Dvøák", Windows-1250 "Dvořák"; both look like letters.
    const guess = guessLegacy(bytes('Dvo', [0xf8, 0xe1], 'k'));
    expect(guess.encoding).toBe('windows-1252');
    expect(guess.alternatives).toContain('windows-1250');
  });
});

describe('files mixing UTF-8 and Windows-1252', () => {
  it('reads each line in its own encoding and counts the Windows-1252 lines', () => {
    const data = bytes('name\nJos', [0xc3, 0xa9], '\nJos', [0xe9], '\n');
    const mixed = decodeMixed(data);
    expect(mixed.text).toBe('name\nJosé\nJosé\n');
    expect(mixed).toMatchObject({ legacyLines: 1, firstLegacyLine: 3, utf8Chars: 1 });
    expect(guessNotUtf8(data).encoding).toBe('utf-8+windows-1252');
  });

  it('takes a file with no UTF-8 at all for a legacy encoding', () => {
    expect(guessNotUtf8(bytes('name\nJos', [0xe9], '\n')).encoding).toBe('windows-1252');
  });
});

// Which encoding is a text file that is not UTF-8 in? Each candidate decodes the bytes and the
// text is scored for plausibility (docs/architecture.md, "Reading choices"): letters and currency
// signs score; a symbol wedged between letters (`Ã©`, `³` for Polish ł, `ƒ}` for Japanese), a
// non-Latin letter glued to Latin ones (`Bйta`) and undecodable characters cost. Windows-1252 wins ties, as the most common export encoding. A file mixing
// UTF-8 lines with Windows-1252 lines is read line by line, each line in its own encoding.
import { fixCp1252 } from './cp1252';

/** Single- and double-byte encodings we detect and offer, besides UTF-8 and UTF-16. */
export const LEGACY_ENCODINGS = [
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'iso-8859-2',
  'koi8-r',
  'shift_jis',
  'euc-jp',
  'gbk',
  'big5',
  'euc-kr',
] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

/** UTF-8, with the bytes of lines that are not UTF-8 read as Windows-1252. */
export const MIXED_UTF8 = 'utf-8+windows-1252';

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const ASCII_LETTER = /[A-Za-z]/;
const CURRENCY = /\p{Sc}/u;
const BAD = /[\u0080-\u009f\ufffd]/u;

/** Plausibility of decoded text: higher is likelier to be what the writer meant. */
export function scoreText(text: string): number {
  let score = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c.charCodeAt(0) < 0x80) continue;
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if (BAD.test(c)) score -= 10;
    else if (LETTER.test(c)) score += letterScore(c, prev, next);
    else if (CURRENCY.test(c)) score += 1;
    else if (LETTER.test(prev) && LETTER.test(next)) score -= 3;
  }
  return score;
}

/**
 * A non-Latin letter glued to ASCII letters is a misreading; so, mildly, is an accented Latin
 * letter inside a run of them (`Èâàíîâ` is Cyrillic read as Windows-1252; real words rarely do that).
 */
function letterScore(c: string, prev: string, next: string): number {
  const latin = LATIN.test(c);
  if (!latin) return ASCII_LETTER.test(prev) || ASCII_LETTER.test(next) ? -3 : 1;
  const accented = (x: string) => x.charCodeAt(0) >= 0x80 && LATIN.test(x);
  return accented(prev) && accented(next) ? -1 : 1;
}

export function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return encoding === 'windows-1252' ? fixCp1252(text) : text;
}

export interface LegacyGuess {
  readonly encoding: LegacyEncoding;
  /** Other encodings that score as well but read the bytes differently: the user should check. */
  readonly alternatives: readonly LegacyEncoding[];
}

/** The likeliest legacy encoding of these bytes (a sample or the whole file). */
export function guessLegacy(bytes: Uint8Array): LegacyGuess {
  const scored = LEGACY_ENCODINGS.map((encoding) => {
    const text = decodeLegacy(bytes, encoding);
    return { encoding, text, score: scoreText(text) };
  });
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const alternatives = scored
    .filter((s) => s.encoding !== best.encoding && s.score === best.score && s.text !== best.text)
    .map((s) => s.encoding);
  return { encoding: best.encoding, alternatives };
}

export interface MixedText {
  readonly text: string;
  /** Lines (1-based, of the bytes given) that were not UTF-8 and were read as Windows-1252. */
  readonly legacyLines: number;
  readonly firstLegacyLine: number;
  /** Byte offset of that line. */
  readonly firstLegacyOffset: number;
  /** Non-ASCII characters read as UTF-8: none means the bytes are a legacy encoding, not a mix. */
  readonly utf8Chars: number;
}

const fatal = new TextDecoder('utf-8', { fatal: true });

/** Line by line: UTF-8 where a line is valid UTF-8, Windows-1252 where it is not. */
export function decodeMixed(bytes: Uint8Array): MixedText {
  const parts: string[] = [];
  let legacyLines = 0;
  let firstLegacyLine = 0;
  let firstLegacyOffset = 0;
  let utf8Chars = 0;
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    end = end < 0 ? bytes.length : end + 1;
    const chunk = bytes.subarray(start, end);
    try {
      const text = fatal.decode(chunk);
      for (const ch of text) if (ch.charCodeAt(0) >= 0x80) utf8Chars++;
      parts.push(text);
    } catch {
      if (legacyLines++ === 0) [firstLegacyLine, firstLegacyOffset] = [line, start];
      parts.push(fixCp1252(new TextDecoder('windows-1252').decode(chunk)));
    }
    start = end;
  }
  return { text: parts.join(''), legacyLines, firstLegacyLine, firstLegacyOffset, utf8Chars };
}

/** What a reader says about a mixed file: how many lines were in which encoding. */
export function mixedNote(fileName: string, mixed: MixedText): string {
  return (
    `${fileName} mixes encodings: ${mixed.legacyLines} line(s) (the first is line ${mixed.firstLegacyLine}) are Windows-1252 ` +
    'among UTF-8 lines; each line was read in its own encoding, so a name is the same whichever way it was saved.'
  );
}

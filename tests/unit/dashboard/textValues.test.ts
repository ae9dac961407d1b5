// The cube loader's text decoding gives exactly what Arrow's own value-by-value reading gives:
// ASCII and non-ASCII batches, nulls, several batches, sliced batches, and a column of
// another type (dictionary-encoded), which takes Arrow's reading itself.
import { Dictionary, Int32, Utf8, makeVector, vectorFromArray, type Vector } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { forEachText } from '../../../workers/analytics/dashboard/textValues';

const read = (col: Vector): (string | null)[] => {
  const out: (string | null)[] = [];
  forEachText(col, (i, v) => {
    expect(i).toBe(out.length);
    out.push(v);
  });
  return out;
};
const arrowRead = (col: Vector): (string | null)[] => [...col].map((v: unknown) => (typeof v === 'string' ? v : null));

const ascii = ['Ana', 'Bo', null, '', '2026-01', 'Closed Won', null, 'x'];
const mixed = ['Zoë', 'São Paulo', null, 'München', '東京', 'Ana', '', '😀 ok'];

describe('forEachText', () => {
  it('reads ASCII and non-ASCII batches, with nulls and empty strings, as Arrow does', () => {
    for (const values of [ascii, mixed]) {
      const col = vectorFromArray(values, new Utf8());
      expect(read(col)).toEqual(values);
      expect(read(col)).toEqual(arrowRead(col));
    }
  });

  it('numbers rows across several batches, one ASCII and one not', () => {
    const col = vectorFromArray(ascii, new Utf8()).concat(vectorFromArray(mixed, new Utf8()));
    expect(col.data.length).toBe(2);
    expect(read(col)).toEqual([...ascii, ...mixed]);
  });

  it('reads sliced batches (offsets and validity that do not start at 0)', () => {
    for (const values of [ascii, mixed]) {
      const col = vectorFromArray(values, new Utf8()).slice(2, 7);
      expect(read(col)).toEqual(values.slice(2, 7));
      expect(read(col)).toEqual(arrowRead(col));
    }
  });

  it('a dictionary-encoded column is read by Arrow itself', () => {
    const dictionary = vectorFromArray(['won', 'lost', 'open'], new Utf8());
    const type = new Dictionary(new Utf8(), new Int32());
    const col = makeVector({ type, data: new Int32Array([2, 0, 0, 1]), dictionary });
    expect(read(col)).toEqual(['open', 'won', 'won', 'lost']);
  });
});

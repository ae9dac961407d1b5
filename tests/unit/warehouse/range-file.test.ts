// The cube reader's range file: a byte already fetched is never fetched again, also when a
// later read overlaps an earlier one only in part (a large file's last column chunks overlap
// the footer's request), and the bytes handed back are the file's.
import { describe, expect, it } from 'vitest';
import { rangeFile, type Fetcher, type FetchLog } from '../../../workers/analytics/warehouse/rangeFile';

const FILE = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 251);

function server(): { fetcher: Fetcher; ranges: [number, number][] } {
  const ranges: [number, number][] = [];
  const fetcher: Fetcher = async (_url, init) => {
    const m = /bytes=(\d+)-(\d+)/.exec(new Headers(init.headers).get('Range') ?? '');
    if (!m) throw new Error('no range');
    const [a, b] = [Number(m[1]), Number(m[2]) + 1];
    ranges.push([a, b]);
    return new Response(FILE.slice(a, b), { status: 206, headers: { 'Content-Range': `bytes ${a}-${b - 1}/${FILE.length}` } });
  };
  return { fetcher, ranges };
}

describe('range file', () => {
  it('fetches only the bytes not held yet, and returns the file’s bytes', async () => {
    const { fetcher, ranges } = server();
    const log: FetchLog = { bytes: 0, requests: 0 };
    const f = rangeFile('http://x/f.parquet', FILE.length, 'f.parquet', fetcher, log);
    expect(new Uint8Array(await f.slice(600))).toEqual(FILE.slice(600));
    expect(new Uint8Array(await f.slice(500, 700))).toEqual(FILE.slice(500, 700));
    expect(new Uint8Array(await f.slice(100, 200))).toEqual(FILE.slice(100, 200));
    expect(new Uint8Array(await f.slice(50, 900))).toEqual(FILE.slice(50, 900));
    expect(new Uint8Array(await f.slice(620, 640))).toEqual(FILE.slice(620, 640));
    expect(ranges).toEqual([
      [600, 1000],
      [500, 600],
      [100, 200],
      [50, 100],
      [200, 500],
    ]);
    expect(log.bytes).toBe(950);
    expect(log.requests).toBe(5);
  });
});

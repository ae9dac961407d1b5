// Snapshot links: base64url and deflate-raw round trips, damaged links, the data= checks.
import { describe, expect, it } from 'vitest';
import { compressJson, decompressJson, fromBase64Url, toBase64Url } from '../../../src/share/codec';
import { fileNameOf, folderUrl, readDataUrls } from '../../../src/share/dataUrls';
import { decodeSnapshot, describeSnapshot, encodeSnapshot, snapshotOf } from '../../../src/share/snapshot';
import type { DashboardResult } from '../../../src/engine-api/types';

const PAGE = 'https://intranet.example/portal/sales/index.html';

describe('codec', () => {
  it('writes base64url by hand-checked examples', () => {
    // "\xfb\xff\xfe" is "+//+" in base64 → "-__-" in base64url; padding dropped.
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbe]))).toBe('-_--');
    expect(toBase64Url(new Uint8Array([0x66]))).toBe('Zg');
    expect([...fromBase64Url('Zg')]).toEqual([0x66]);
    expect(() => fromBase64Url('a+b/')).toThrow();
  });

  it('compresses JSON and back, smaller for repetitive data', async () => {
    const value = { rows: Array.from({ length: 200 }, (_, i) => ({ quarter: `2017-Q${(i % 4) + 1}`, won: i })) };
    const text = await compressJson(value);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(JSON.stringify(value).length / 3);
    expect(await decompressJson(text)).toEqual(value);
  });

  it('rejects damaged text', async () => {
    await expect(decompressJson('not*base64')).rejects.toThrow();
    const text = await compressJson({ a: 'x'.repeat(100) });
    await expect(decompressJson(text.slice(0, 5))).rejects.toThrow();
  });
});

describe('data= URLs', () => {
  it('keeps addresses below the page’s folder, refuses other origins and paths with a notice', () => {
    const hash =
      '#view=dashboard&data=exports/deals.csv,/portal/sales/accounts.csv&data=https://intranet.example/x.csv' +
      '&data=https://evil.example/x.csv&data=javascript:alert(1)&data=//evil.example/y.csv';
    const { urls, problems } = readDataUrls(hash, PAGE);
    expect(urls).toEqual([
      'https://intranet.example/portal/sales/exports/deals.csv',
      'https://intranet.example/portal/sales/accounts.csv',
    ]);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('outside the folder this site publishes data in (/portal/sales/)');
    expect(problems[1]).toContain('evil.example');
  });

  it('reads only below the data folder the host configured, however the path is spelled', () => {
    const folder = folderUrl('exports/', PAGE);
    expect(folder).toBe('https://intranet.example/portal/sales/exports/');
    const hash =
      '#data=exports/deals.csv,accounts.csv,exports/../admin.csv,exports/%2e%2e/admin.csv,exports/..%2fadmin.csv,exports/..%5Cadmin.csv,/portal/sales/exports2/x.csv';
    const { urls, problems } = readDataUrls(hash, PAGE, folder);
    expect(urls).toEqual(['https://intranet.example/portal/sales/exports/deals.csv']);
    expect(problems).toHaveLength(6);
  });

  it('names a fetched file by its last path segment', () => {
    expect(fileNameOf('https://a.example/p/Deals%20Q3.csv?x=1')).toBe('Deals Q3.csv');
  });
});

describe('snapshots', () => {
  // Row-level material of the live view (here a filter value list) must stay out of the link.
  const result: DashboardResult = {
    period: '2017-Q3',
    periodLabel: 'Q3 FY2017',
    kpis: [{ id: 'won_amount', value: 2982255, variant: 'default' }],
    bookings: [{ start: '2017-07-01', label: 'Jul 2017', wonAmount: 1, wonCount: 1 }],
    grain: 'month',
    extent: { opportunities: 3, firstClose: '2016-10-20', lastClose: '2017-12-31', referenceDate: null },
    dimensionValues: { owner: ['Secret Row'] },
  };
  it('keeps aggregates only and survives the trip, with its version and time', async () => {
    const snap = snapshotOf(result, 'deals.csv', '#view=dashboard&period=2017-Q3', new Date('2026-11-29T10:30:00Z'));
    const text = await encodeSnapshot(snap);
    expect(text).not.toContain('Secret');
    const back = await decodeSnapshot(text);
    if (!('snapshot' in back)) throw new Error(back.problem);
    expect(back.snapshot.v).toBe(1);
    expect(back.snapshot.result.kpis[0]?.value).toBe(2982255);
    expect(JSON.stringify(back.snapshot)).not.toContain('Secret Row');
    expect(describeSnapshot(back.snapshot)).toBe(
      'This is a snapshot, not live data: Q3 FY2017 from "deals.csv", taken 2026-11-29 10:30 UTC. Drop the files to work with the data itself.',
    );
  });

  it('explains a damaged, foreign or future snapshot instead of throwing', async () => {
    expect(await decodeSnapshot('%%%')).toHaveProperty('problem');
    expect(await decodeSnapshot(await compressJson([1, 2]))).toHaveProperty('problem');
    const future = await decodeSnapshot(await compressJson({ v: 9 }));
    expect('problem' in future && future.problem).toContain('format 9');
  });
});

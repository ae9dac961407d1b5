// `npm start`'s server sends the build's brotli/gzip copies (scripts/precompressPlugin.ts) to a
// browser that accepts them, with the original's type, and the plain file to one that does not.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompressPlugin';
import { serve, type Served } from '../../../scripts/serve';

let dir: string;
let served: Served;
// Compressible but not trivial: a repeated pattern with a counter.
const wasm = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `${i % 97},`).join(''));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pipelens-precompressed-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(dir, 'assets', 'engine.wasm'), wasm);
  await precompress(path.join(dir, 'assets', 'engine.wasm'));
  served = await serve({ root: dir, base: '/portal/', port: 0 });
});
afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Raw HTTP (no client-side decoding): the bytes and headers as sent. */
function get(url: string, acceptEncoding?: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed serving', () => {
  it('sends brotli to a browser that accepts it', async () => {
    const res = await get(`${served.url}assets/engine.wasm`, 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('application/wasm');
    expect(res.body.length).toBeLessThan(wasm.length / 2);
    expect(zlib.brotliDecompressSync(res.body).equals(wasm)).toBe(true);
  });

  it('sends gzip when brotli is not accepted', async () => {
    const res = await get(`${served.url}assets/engine.wasm`, 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).equals(wasm)).toBe(true);
  });

  it('sends the file itself otherwise', async () => {
    const res = await get(`${served.url}assets/engine.wasm`);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(wasm)).toBe(true);
  });
});

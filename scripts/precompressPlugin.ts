// Build step: a brotli (.br) and a gzip (.gz) copy next to every text and wasm file of the
// build, so a server can send the compressed bytes without compressing on each request
// (`npm start`'s server does, scripts/serve.ts; other hosts: docs/deploy.md). Runs after the
// bundle is written (and after the service worker's precache list is made, which lists the
// files themselves, not these copies). Maximum brotli quality for the app's JavaScript; the
// 33 MB wasm files take a faster quality that keeps the build short at nearly the same size.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|wasm|txt|webmanifest)$/;
/** Smaller files gain nothing from a compressed copy (and headers cost more than they save). */
const MIN_BYTES = 1024;
const LARGE_BYTES = 4 * 2 ** 20;
/**
 * index.html is edited at deploy time (the embed allow-list meta, docs/deploy.md): a compressed
 * copy made at build time would go stale, and a server preferring it would send the unedited page.
 */
const EDITED_AT_DEPLOY = new Set(['index.html']);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

export async function precompress(file: string): Promise<void> {
  const bytes = await readFile(file);
  if (bytes.length < MIN_BYTES) return;
  const large = bytes.length > LARGE_BYTES;
  const params = {
    [zlib.constants.BROTLI_PARAM_QUALITY]: large ? 5 : 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  };
  const [br, gz] = await Promise.all([brotli(bytes, { params }), gzip(bytes, { level: large ? 6 : 9 })]);
  await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
}

export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'pipelens-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await listFiles(outDir)).filter((f) => COMPRESSIBLE.test(f) && !EDITED_AT_DEPLOY.has(path.basename(f)));
      await Promise.all(files.map(precompress));
    },
  };
}

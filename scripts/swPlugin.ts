// Build step for the service worker (src/offline/sw.ts is a second build input that comes out
// as sw.js next to index.html): once the bundle is written, the list of built files and a
// build id are written into sw.js. No plugin is downloaded; this is the whole of it.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

export const SW_FILE = 'sw.js';

/** Header files for static hosts (public/): read by the host, never fetched by the page. */
const HOST_CONFIG = new Set(['_headers', '.htaccess', 'staticwebapp.config.json']);

/**
 * Files the offline page needs. DuckDB's mvp wasm and the whole blocking module that runs it
 * (scripts/duckdbEhOnly.ts) are left out: Chromium, Firefox and Safari use eh.
 */
const MVP_ONLY = /(mvp.*\.wasm|duckdb-browser-blocking-[\w-]+\.js)$/;

export function precacheList(files: readonly string[]): string[] {
  const keep = files.filter((f) => f !== SW_FILE && !HOST_CONFIG.has(f) && !f.endsWith('.map') && !MVP_ONLY.test(f));
  return ['./', ...keep.map((f) => `./${f.split(path.sep).join('/')}`)].sort();
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])),
  );
  return nested.flat();
}

export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'pipelens-service-worker',
    apply: 'build',
    async writeBundle(options) {
      const outDir = options.dir;
      if (!outDir) return;
      // Everything written, including public/ files and the workers' own chunks.
      const files = precacheList(await listFiles(outDir));
      const build = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
      const swPath = path.join(outDir, SW_FILE);
      const code = await readFile(swPath, 'utf8');
      const list = /\[\s*["'`]__PIPELENS_PRECACHE__["'`]\s*\]/;
      if (!list.test(code) || !code.includes('__PIPELENS_BUILD__')) throw new Error(`${swPath} has no precache placeholder.`);
      await writeFile(swPath, code.replace(list, JSON.stringify(files)).replaceAll('__PIPELENS_BUILD__', build));
    },
  };
}

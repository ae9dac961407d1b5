import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { firstPaintPlugin } from './scripts/firstPaintPlugin';
import { precompressPlugin } from './scripts/precompressPlugin';
import { SW_FILE, serviceWorkerPlugin } from './scripts/swPlugin';

// The blocking browser build of DuckDB-WASM is not in the package's exports map,
// so it is aliased by file path; only workers/ imports it.
const duckdbBlocking = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

export default defineConfig({
  // Relative base: the built site works under any sub-path (e.g. /portal/sales/).
  base: './',
  // Precompression last: it copies what the others wrote.
  plugins: [svelte(), firstPaintPlugin(), serviceWorkerPlugin(), precompressPlugin()],
  resolve: { alias: { '@duckdb/duckdb-wasm/blocking-browser': duckdbBlocking } },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // The service worker is a second input, written as sw.js next to index.html (its scope).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        sw: fileURLToPath(new URL('./src/offline/sw.ts', import.meta.url)),
      },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? SW_FILE : 'assets/[name]-[hash].js') },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

// The blocking browser build of DuckDB-WASM is not in the package's exports map,
// so it is aliased by file path; only workers/ imports it.
const duckdbBlocking = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

export default defineConfig({
  // Relative base: the built site works under any sub-path (e.g. /portal/sales/).
  base: './',
  plugins: [svelte()],
  resolve: { alias: { '@duckdb/duckdb-wasm/blocking-browser': duckdbBlocking } },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, reportCompressedSize: false },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});

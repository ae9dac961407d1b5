import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { firstPaintPlugin } from './scripts/firstPaintPlugin.ts';
import { precompressPlugin } from './scripts/precompressPlugin.ts';
import { SW_FILE, serviceWorkerPlugin } from './scripts/swPlugin.ts';
import { EH_ONLY_QUERY, duckdbEhOnlyPlugin } from './scripts/duckdbEhOnly.ts';

// The blocking browser build of DuckDB-WASM is not in the package's exports map,
// so it is aliased by file path; only workers/ imports it. The engine worker gets a copy without
// the glue of the wasm build no supported browser needs, and the whole module on demand
// (scripts/duckdbEhOnly.ts).
const duckdbBlocking = fileURLToPath(
  new URL('./node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs', import.meta.url),
);

// Build warnings that are not ours, silenced at the bundler with the reason: DuckDB-WASM's
// blocking build uses direct `eval` (upstream code we do not change), and the first-paint
// plugin is slow on purpose (it runs the engine on the demo), so plugin-timing notes are noise.
const quietChecks = { eval: false, bundlerTimings: false } as const;

export default defineConfig({
  // Relative base: the built site works under any sub-path (e.g. /portal/sales/).
  base: './',
  // Precompression last: it copies what the others wrote.
  plugins: [svelte(), duckdbEhOnlyPlugin(), firstPaintPlugin(), serviceWorkerPlugin(), precompressPlugin()],
  resolve: {
    alias: {
      '@duckdb/duckdb-wasm/blocking-browser-any': duckdbBlocking,
      '@duckdb/duckdb-wasm/blocking-browser': duckdbBlocking + EH_ONLY_QUERY,
    },
  },
  worker: { format: 'es', plugins: () => [duckdbEhOnlyPlugin()], rolldownOptions: { checks: quietChecks } },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // The service worker is a second input, written as sw.js next to index.html (its scope).
    rolldownOptions: {
      checks: quietChecks,
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

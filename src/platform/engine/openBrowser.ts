// DuckDB-WASM's blocking build inside our own module worker. The wasm files are
// emitted by Vite and fetched from our origin; nothing is loaded from a CDN.
// The module imported up front carries only the glue of the "eh" wasm (every supported
// browser has WebAssembly exceptions); a browser without them loads the whole module on
// demand and runs the "mvp" wasm (scripts/duckdbEhOnly.ts, docs/architecture.md).
import * as ehOnly from '@duckdb/duckdb-wasm/blocking-browser';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import type { EngineHost } from './host';

export async function openBrowserEngine(): Promise<EngineHost> {
  const bundles = {
    mvp: { mainModule: new URL(mvpWasm, import.meta.url).href, mainWorker: '' },
    eh: { mainModule: new URL(ehWasm, import.meta.url).href, mainWorker: '' },
  };
  const { wasmExceptions } = await ehOnly.getPlatformFeatures();
  const duckdb = wasmExceptions ? ehOnly : await import('@duckdb/duckdb-wasm/blocking-browser-any');
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.BROWSER_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  return {
    db,
    async registerFile(path, data) {
      if (data instanceof Uint8Array) db.registerFileBuffer(path, data);
      // The file handle is read lazily: the file is never copied into page memory.
      else await db.registerFileHandleAsync(path, data, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    },
  };
}

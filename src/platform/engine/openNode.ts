// The same engine in Node (DuckDB-WASM's Node build), for engine tests and the benchmark.
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { EngineHost } from './host';

export async function openNodeEngine(): Promise<EngineHost> {
  const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm'));
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  return {
    db,
    async registerFile(name, data) {
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
      db.registerFileBuffer(name, bytes);
    },
  };
}

// What the analytics core needs from its environment: an open database and a way
// to register a file under a name. The browser and Node provide different ones.
import type { DuckDBBindings } from '@duckdb/duckdb-wasm/blocking-browser';

export interface EngineHost {
  readonly db: DuckDBBindings;
  registerFile(path: string, data: Blob | Uint8Array): Promise<void>;
}

/** Settings every connection gets: never download extensions (we are offline by design). */
export const SESSION_SETTINGS = ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false'];

// The engine's module worker: DuckDB-WASM lives here, reached only through Comlink
// with the typed AnalyticsApi. The engine starts on the first call, exactly once.
import * as Comlink from 'comlink';
import { holdLifeLock } from '../src/platform/worker/liveness';
import { Analytics } from './analytics/Analytics';
import { openBrowserEngine } from '../src/platform/engine/openBrowser';

Comlink.expose(new Analytics(openBrowserEngine));
// Held for the worker's whole life: its release tells the page the engine is gone (src/platform/worker/liveness.ts).
void holdLifeLock(self.name, 'locks' in navigator ? navigator.locks : undefined, (message) => self.postMessage(message));

// The engine's module worker: DuckDB-WASM lives here, reached only through Comlink
// with the typed AnalyticsApi. The engine starts on the first call, exactly once.
import * as Comlink from 'comlink';
import { Analytics } from './analytics/Analytics';
import { openBrowserEngine } from './engine/openBrowser';

Comlink.expose(new Analytics(openBrowserEngine));

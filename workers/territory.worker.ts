// The territory planner's own module worker. The design runs here, not in the engine worker,
// so a 10-second county design never blocks dashboard queries in DuckDB's (single) thread,
// and the page's stop request is read between slices of work. Maps come from our origin.
import * as Comlink from 'comlink';
import { holdLifeLock } from '../src/platform/worker/liveness';
import { loadTopology } from './analytics/territories/maps';
import { TerritoryPlanner } from './analytics/territories/TerritoryPlanner';

Comlink.expose(new TerritoryPlanner(loadTopology));
// Held for the worker's whole life: its release tells the page the planner is gone (src/platform/worker/liveness.ts).
void holdLifeLock(self.name, 'locks' in navigator ? navigator.locks : undefined, (message) => self.postMessage(message));

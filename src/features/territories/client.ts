// The page's side of the territory worker: started on the first design, then reused.
import * as Comlink from 'comlink';
import type { TerritoryWorkerApi } from '../../territories/plannerTypes';

export function createTerritoryClient(): TerritoryWorkerApi {
  const worker = new Worker(new URL('../../../workers/territory.worker.ts', import.meta.url), {
    type: 'module',
    name: 'pipelens-territories',
  });
  return Comlink.wrap<TerritoryWorkerApi>(worker);
}

// The page's side of the territory worker, behind the one guarded client
// (src/platform/worker/guarded.ts): a worker that dies (out of memory on a county design, a
// trap) is replaced and the design fails with a message that says so. It holds nothing to
// load again (maps are fetched anew on the next design). The screen terminates it on unmount.
import type { TerritoryWorkerApi } from './core/plannerTypes';
import { GuardedWorker, connectWorker } from '../../platform/worker/guarded';

const spawnPlanner = (name: string) =>
  new Worker(new URL('../../../workers/territory.worker.ts', import.meta.url), { type: 'module', name });

export function createTerritoryClient(): GuardedWorker<TerritoryWorkerApi> {
  return new GuardedWorker<TerritoryWorkerApi>(() => connectWorker<TerritoryWorkerApi>(spawnPlanner, 'pipelens-territories'), {
    label: 'The territory planner',
    advice: 'Try a coarser mode (states instead of counties) or fewer territories.',
  });
}

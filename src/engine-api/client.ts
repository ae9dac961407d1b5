// The page's side of the engine door: one module worker, wrapped by Comlink.
import * as Comlink from 'comlink';
import type { AnalyticsApi } from './types';

export function createAnalyticsClient(): AnalyticsApi {
  const worker = new Worker(new URL('../../workers/analytics.worker.ts', import.meta.url), {
    type: 'module',
    name: 'pipelens-engine',
  });
  return Comlink.wrap<AnalyticsApi>(worker);
}

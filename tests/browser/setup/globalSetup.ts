// Serves the built site under a portal-like sub-path for the browser tests.
// `npm test` builds dist/ first; running this suite alone needs `npm run build`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve, type Served } from '../../../scripts/serve';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

let served: Served | undefined;

export async function setup(project: TestProject): Promise<void> {
  const dist = path.resolve(import.meta.dirname, '../../../dist/index.html');
  if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` before the browser tests (npm test does).');
  served = await serve({ base: '/portal/sales/', port: 0 });
  project.provide('siteUrl', served.url);
}

export async function teardown(): Promise<void> {
  await served?.close();
}

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
  // PIPELENS_DIST lets several checkouts' builds coexist (e.g. `vite build --outDir /tmp/x`).
  const root = path.resolve(process.env['PIPELENS_DIST'] ?? path.join(import.meta.dirname, '../../../dist'));
  if (!existsSync(path.join(root, 'index.html')))
    throw new Error(`${root} has no built site: run \`npm run build\` first (npm test does).`);
  // With the strict Content-Security-Policy of docs/deploy.md: the page must work under it.
  served = await serve({ root, base: '/portal/sales/', port: 0, csp: true });
  project.provide('siteUrl', served.url);
}

export async function teardown(): Promise<void> {
  await served?.close();
}

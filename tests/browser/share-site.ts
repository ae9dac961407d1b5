// A private copy of the built site for the share/embed tests: the build's files linked (not
// copied) into a temp folder, plus hosted exports or a deploy-time allow-list, served under
// /portal/sales/ with the strict CSP.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type Served } from '../../scripts/serve';

export const DIST = path.resolve(process.env['PIPELENS_DIST'] ?? path.join(import.meta.dirname, '../../dist'));
export const maven = (file: string) => path.resolve(import.meta.dirname, '../fixtures/maven-crm', file);
export const MAVEN_FILES = ['sales_pipeline.csv', 'sales_teams.csv', 'accounts.csv', 'products.csv'];

export interface SiteOptions {
  /** Files to place next to the page: relative path → source file. */
  readonly extra?: Record<string, string>;
  /** Deploy-time allow-list written into index.html's meta. */
  readonly allowedOrigins?: readonly string[];
  readonly frameAncestors?: readonly string[];
}

export async function serveSite(options: SiteOptions = {}): Promise<Served & { dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipelens-site-'));
  for (const entry of readdirSync(DIST)) if (entry !== 'index.html') symlinkSync(path.join(DIST, entry), path.join(dir, entry));
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const meta = '<meta name="pipelens-allowed-origins" content="" />';
  if (options.allowedOrigins && !html.includes(meta)) throw new Error('index.html has no allow-list meta to fill in');
  writeFileSync(
    path.join(dir, 'index.html'),
    html.replace(meta, meta.replace('content=""', `content="${(options.allowedOrigins ?? []).join(' ')}"`)),
  );
  for (const [rel, source] of Object.entries(options.extra ?? {})) cpSync(source, path.join(dir, rel), { recursive: true });
  const served = await serve({
    root: dir,
    base: '/portal/sales/',
    port: 0,
    csp: true,
    frameAncestors: options.frameAncestors ?? [],
  });
  return {
    ...served,
    dir,
    close: async () => {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plain page on its own origin (another port) — a portal that frames pipelens. */
export async function serveHost(html: string): Promise<Served & { dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipelens-host-'));
  writeFileSync(path.join(dir, 'index.html'), html);
  const served = await serve({ root: dir, base: '/', port: 0 });
  return {
    ...served,
    dir,
    close: async () => {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Serves the built site (dist/) on 127.0.0.1, optionally under a sub-path such as
// /portal/sales/, the way an intranet portal hosts it. Used by `npm start`, the
// browser tests and the benchmark.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export interface ServeOptions {
  readonly root?: string;
  readonly base?: string;
  readonly port?: number;
  /** Send the strict Content-Security-Policy of docs/deploy.md with every response. */
  readonly csp?: boolean;
  /** Origins allowed to frame the page (the portals); only with `csp`. */
  readonly frameAncestors?: readonly string[];
  /** Folders served under a path below the base (`{ 'cubes/': dir }`): cube files next to the site, as a reverse proxy would. */
  readonly mounts?: Readonly<Record<string, string>>;
}

/** The policy of docs/deploy.md: everything from our origin, WebAssembly compilation allowed, no eval. */
export function strictCsp(frameAncestors: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
  ].join('; ');
}

export interface Served {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

export async function serve(options: ServeOptions = {}): Promise<Served> {
  const base = normalizeBase(options.base ?? '/');
  // The build's .br/.gz copies (scripts/precompressPlugin.ts) are sent to browsers that accept them.
  const files = sirv(options.root ?? DIST, { dev: false, etag: true, brotli: true, gzip: true });
  const csp = options.csp ? strictCsp(options.frameAncestors) : null;
  const mounts = Object.entries(options.mounts ?? {}).map(([prefix, root]) => ({
    prefix: `/${prefix.replace(/^\/*|\/*$/g, '')}/`,
    files: sirv(root, { dev: true, etag: true }),
  }));
  const server = createServer((req, res) => {
    if (csp) res.setHeader('Content-Security-Policy', csp);
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(url === '/' ? 302 : 404, url === '/' ? { location: base } : {});
      res.end(url === '/' ? '' : 'Not found');
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    const mount = mounts.find((m) => req.url?.startsWith(m.prefix));
    if (mount) {
      req.url = `/${req.url.slice(mount.prefix.length)}`;
      mount.files(req, res, () => {
        res.writeHead(404).end('Not found');
      });
      return;
    }
    files(req, res, () => {
      res.writeHead(404).end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 4173, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}${base}`,
    // Browsers keep connections alive (and a service worker may still be precaching):
    // end them, or close() waits for them.
    close: () =>
      new Promise((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/*|\/*$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env['PORT'] ?? 4173);
  const served = await serve({ port, base: process.env['BASE'] ?? '/', csp: process.env['CSP'] === '1' });
  console.log(`pipelens is running at ${served.url}  (Ctrl+C to stop)`);
  // `npm start` execs this process, so a stop signal sent to npm reaches it: close and exit
  // instead of leaving an orphaned server holding the port.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(signal, () => void served.close().finally(() => process.exit(0)));
}

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
}

export interface Served {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

export async function serve(options: ServeOptions = {}): Promise<Served> {
  const base = normalizeBase(options.base ?? '/');
  const files = sirv(options.root ?? DIST, { dev: false, etag: true, gzip: false });
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (!url.startsWith(base)) {
      res.writeHead(url === '/' ? 302 : 404, url === '/' ? { location: base } : {});
      res.end(url === '/' ? '' : 'Not found');
      return;
    }
    req.url = `/${url.slice(base.length)}`;
    files(req, res, () => {
      res.writeHead(404).end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 4173, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/*|\/*$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env['PORT'] ?? 4173);
  const served = await serve({ port, base: process.env['BASE'] ?? '/' });
  console.log(`pipelens is running at ${served.url}  (Ctrl+C to stop)`);
}

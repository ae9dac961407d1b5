// A stand-in for a ClickHouse server's HTTP interface, for the cube job's test: the subset the
// job uses (POST / with the query as the body; `database`, `default_format` and `param_<name>`
// in the URL; X-ClickHouse-User/-Key), answered by a real ClickHouse engine (chdb) running every
// query as sent. Only the network boundary is a stand-in, not the SQL. Like a read-only user's
// server, it refuses anything but SELECT, and it records each query it ran.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Session } from 'chdb';

export interface Shim {
  readonly url: string;
  /** Every query the server received, in order. */
  readonly queries: string[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** ClickHouse's own error shape: `Code: N. DB::Exception: …`. */
const exception = (code: number, what: string): string => `Code: ${code}. DB::Exception: ${what}\n`;

export async function startShim(session: Session, credentials: { user: string; password: string }): Promise<Shim> {
  const queries: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://shim');
      const sql = await body(req);
      const fail = (status: number, code: number, what: string): void => {
        res.writeHead(status, { 'Content-Type': 'text/plain', 'X-ClickHouse-Exception-Code': String(code) });
        res.end(exception(code, what));
      };
      if (req.method !== 'POST' || url.pathname !== '/') return fail(400, 1, 'only POST / is served here');
      if (req.headers['x-clickhouse-user'] !== credentials.user || req.headers['x-clickhouse-key'] !== credentials.password)
        return fail(403, 516, 'Authentication failed: password is incorrect, or there is no user with such name.');
      queries.push(sql);
      if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return fail(500, 164, 'Cannot execute query in readonly mode.');
      const params: Record<string, string> = {};
      for (const [k, v] of url.searchParams) if (k.startsWith('param_')) params[k.slice(6)] = v;
      const format = url.searchParams.get('default_format') ?? 'TabSeparated';
      try {
        const db = url.searchParams.get('database') ?? 'default';
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(db)) return fail(400, 81, `Database ${db} does not exist`);
        session.query(`USE ${db}`);
        const out = await session.queryBindAsync(sql, params, { format });
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'X-ClickHouse-Format': format });
        res.end(Buffer.from(out.bytes()));
      } catch (e) {
        fail(500, 0, e instanceof Error ? e.message : String(e));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    queries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

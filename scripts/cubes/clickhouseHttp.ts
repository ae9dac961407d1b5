// The cube job's one way to a ClickHouse server: its HTTP interface (docs/warehouse.md, "The
// job on a ClickHouse server"). A query is POSTed to `URL/?database=DB` with its values as
// `param_<name>` (the server binds them to the `{name:Type}` placeholders) and the answer's
// format as `default_format`. The user and password travel in the X-ClickHouse-User/-Key
// headers, never in the URL, and no message of this file repeats them.
import type { ClickhouseQuery } from '../../src/platform/query/clickhouse';

export interface ClickhouseTarget {
  /** http(s)://host:port of the server's HTTP interface, without a user or password in it. */
  readonly url: string;
  readonly database: string;
  readonly user?: string;
  readonly password?: string;
}

export type AnswerFormat = 'JSONEachRow' | 'Parquet' | 'TSV';

/** Why a target cannot be used, or null: checked before anything is sent. */
export function targetProblem(t: ClickhouseTarget): string | null {
  let u: URL;
  try {
    u = new URL(t.url);
  } catch {
    return `--clickhouse needs a URL such as http://warehouse.intra:8123, not "${t.url}".`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return `--clickhouse needs an http:// or https:// URL (the server's HTTP interface).`;
  if (u.username !== '' || u.password !== '')
    return '--clickhouse must not carry a user or password: give --user and the password in CLICKHOUSE_PASSWORD or --password-file.';
  if (u.search !== '' || u.hash !== '') return '--clickhouse takes the server address only; the database goes in --database.';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.database)) return `--database needs a plain database name, not "${t.database}".`;
  return null;
}

export class ClickhouseHttp {
  private readonly endpoint: string;

  constructor(private readonly target: ClickhouseTarget) {
    const problem = targetProblem(target);
    if (problem) throw new Error(problem);
    this.endpoint = new URL('/', target.url).toString();
  }

  /** The server as messages name it: address and database, no credentials. */
  get where(): string {
    return `${new URL(this.target.url).host}, database ${this.target.database}`;
  }

  async query(q: ClickhouseQuery, format: AnswerFormat): Promise<Uint8Array> {
    const url = new URL(this.endpoint);
    url.searchParams.set('database', this.target.database);
    url.searchParams.set('default_format', format);
    for (const [name, value] of Object.entries(q.params)) url.searchParams.set(`param_${name}`, value);
    const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
    if (this.target.user !== undefined) headers['X-ClickHouse-User'] = this.target.user;
    if (this.target.password !== undefined) headers['X-ClickHouse-Key'] = this.target.password;
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers, body: q.sql, redirect: 'error' });
    } catch (e) {
      throw new Error(`ClickHouse at ${this.where} could not be reached: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
    const body = new Uint8Array(await res.arrayBuffer());
    if (!res.ok) {
      const said = new TextDecoder().decode(body).trim().slice(0, 800);
      throw new Error(`ClickHouse at ${this.where} answered ${res.status}: ${said}`);
    }
    // An error after the first bytes arrives in the body with status 200: a Parquet answer
    // must start and end with its magic bytes.
    if (format === 'Parquet' && !isParquet(body))
      throw new Error(`ClickHouse at ${this.where} sent ${body.length} bytes that are not a whole Parquet file.`);
    return body;
  }

  async rows(q: ClickhouseQuery): Promise<Record<string, unknown>[]> {
    const text = new TextDecoder().decode(await this.query(q, 'JSONEachRow'));
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

function isParquet(b: Uint8Array): boolean {
  const magic = [0x50, 0x41, 0x52, 0x31];
  return b.length >= 8 && magic.every((m, i) => b[i] === m && b[b.length - 4 + i] === m);
}

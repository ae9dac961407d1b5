// The cube job's queries on an embedded ClickHouse (chdb) instead of a server over HTTP: the
// same SQL and answers, for the bench (scripts/bench/cubeTab.ts), which makes its data in chdb.
import type { Session } from 'chdb';
import type { ClickhouseQuery } from '../../src/platform/query/clickhouse';
import type { AnswerFormat } from './clickhouseHttp';
import type { CubeSource } from './live';

export class ChdbSource implements CubeSource {
  constructor(
    private readonly session: Session,
    readonly where: string,
  ) {}

  async query(q: ClickhouseQuery, format: AnswerFormat): Promise<Uint8Array> {
    return (await this.session.queryBindAsync(q.sql, q.params, { format })).bytes();
  }

  async rows(q: ClickhouseQuery): Promise<Record<string, unknown>[]> {
    return new TextDecoder()
      .decode(await this.query(q, 'JSONEachRow'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

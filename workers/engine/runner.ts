// Runs SqlQuery objects on one DuckDB connection and returns plain rows.
// Values are made serializable here: BIGINT → number; builders cast dates to text.
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking-browser';
import type { SqlQuery } from '../../src/queries/sql';

export type Row = Record<string, unknown>;

export class SqlError extends Error {
  constructor(
    message: string,
    readonly sql: string,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'SqlError';
  }
}

export class SqlRunner {
  constructor(private readonly conn: DuckDBConnection) {}

  /** Runs a statement or query; parameters go through a prepared statement. */
  rows<T = Row>(q: SqlQuery): T[] {
    try {
      const table = q.params.length === 0 ? this.conn.query(q.sql) : this.prepared(q);
      return table.toArray().map((r) => plain(r.toJSON() as Row) as T);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new SqlError(`The engine could not run a query: ${reason}`, q.sql, cause);
    }
  }

  one<T = Row>(q: SqlQuery): T {
    const [row] = this.rows<T>(q);
    if (row === undefined) throw new SqlError('A query that returns one row returned none', q.sql, null);
    return row;
  }

  run(q: SqlQuery): void {
    this.rows(q);
  }

  private prepared(q: SqlQuery) {
    const stmt = this.conn.prepare(q.sql);
    try {
      return stmt.query(...q.params);
    } finally {
      stmt.close();
    }
  }
}

function plain(row: Row): Row {
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'bigint') row[k] = Number(v);
  }
  return row;
}

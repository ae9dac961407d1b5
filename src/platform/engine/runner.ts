// Runs SqlQuery objects on one DuckDB connection and returns plain rows.
// Values are made serializable here: BIGINT → number; builders cast dates to text.
import type { DuckDBConnection } from '@duckdb/duckdb-wasm/blocking-browser';
import { DataType, type Table } from 'apache-arrow';
import type { SqlQuery } from '../sql/sql';

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
    return plainRows(this.table(q)) as T[];
  }

  /** The Arrow result itself, for readers that want whole columns (typed arrays, dictionaries). */
  table(q: SqlQuery): Table {
    try {
      return q.params.length === 0 ? this.conn.query(q.sql) : this.prepared(q);
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

/**
 * Arrow table → plain objects, column by column: numeric columns are read as typed arrays
 * (the dashboard's month rows run to tens of thousands), others value by value. BIGINT
 * becomes number; NULL stays null.
 */
function plainRows(table: Table): Row[] {
  const n = table.numRows;
  const rows: Row[] = Array.from({ length: n }, () => ({}));
  for (const field of table.schema.fields) {
    const col = table.getChild(field.name);
    if (!col) continue;
    const name = field.name;
    const numeric = DataType.isInt(field.type) || DataType.isFloat(field.type);
    const values: ArrayLike<unknown> | null = numeric ? col.toArray() : null;
    const nulls = col.nullCount > 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i] ?? {};
      if (nulls && !col.isValid(i)) {
        row[name] = null;
        continue;
      }
      const v = values ? values[i] : col.get(i);
      row[name] = typeof v === 'bigint' ? Number(v) : v;
    }
  }
  return rows;
}

// The DuckDB dialect: what the tab runs. Values are numbered parameters ($1, $2, …).
import type { SqlQuery, SqlValue } from '../sql/sql';
import type { CubeQuery, OutType } from './ast';
import { renderCube, type DialectOps, type ParamSink } from './render';

const CASTS: Record<OutType, (sql: string) => string> = {
  text: (s) => s,
  double: (s) => `CAST(${s} AS DOUBLE)`,
  int: (s) => `CAST(${s} AS INTEGER)`,
  date: (s) => `CAST(${s} AS DATE)`,
  isoDate: (s) => `strftime(CAST(${s} AS DATE), '%Y-%m-%d')`,
};

export const DUCKDB: DialectOps = {
  name: 'duckdb',
  supports: new Set(['median']),
  suffix: '',
  casts: CASTS,
  expr(e, r, params) {
    switch (e.op) {
      case 'param':
        return e.type === 'date' ? `CAST(${params.add(e.type, e.value)} AS DATE)` : params.add(e.type, e.value);
      case 'monthStart':
        return `CAST(date_trunc('month', ${r(e.a)}) AS DATE)`;
      case 'yearsBefore':
        return `(${r(e.a)} - INTERVAL ${Math.trunc(e.years)} YEAR)`;
      // DuckDB's least already skips a NULL argument.
      case 'least':
        return `least(${r(e.a)}, ${r(e.b)})`;
      case 'lowBits':
        return `((CAST(1 AS BIGINT) << (${r(e.a)} + 1)) - 1)`;
      case 'bitAnd':
        return `(${r(e.a)} & ${Math.trunc(e.mask)})`;
      case 'shiftRight':
        return `(${r(e.a)} >> ${Math.trunc(e.bits)})`;
      default:
        throw new Error(`duckdb: no rendering for ${e.op}`);
    }
  },
  agg(a, r) {
    const filter = 'where' in a && a.where ? ` FILTER (WHERE ${r(a.where)})` : '';
    switch (a.agg) {
      case 'count':
        return `count(${a.of ? r(a.of) : '*'})${filter}`;
      case 'sum':
        return `sum(${r(a.of)})${filter}`;
      case 'any':
        return `bool_or(${r(a.of)})`;
      case 'median':
        return `median(${r(a.of)})`;
    }
  },
};

/** The query as the tab's engine runs it. */
export function toDuckdb(q: CubeQuery): SqlQuery {
  const values: SqlValue[] = [];
  const sink: ParamSink = {
    add: (_type, value) => {
      // Numbered, not `?`: the renderer writes nested layers inside out.
      values.push(value);
      return `$${values.length}`;
    },
  };
  return { sql: renderCube(q, DUCKDB, sink), params: values };
}

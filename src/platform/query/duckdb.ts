// The DuckDB dialect: what the tab runs. Values are numbered parameters ($1, $2, …).
import type { SqlQuery, SqlValue } from '../sql/sql';
import type { CubeQuery, OutType, RowsQuery } from './ast';
import { renderCube, renderRows, type DialectOps, type ParamSink } from './render';

const CASTS: Record<OutType, (sql: string) => string> = {
  text: (s) => s,
  double: (s) => `CAST(${s} AS DOUBLE)`,
  int: (s) => `CAST(${s} AS INTEGER)`,
  date: (s) => `CAST(${s} AS DATE)`,
  isoDate: (s) => `strftime(CAST(${s} AS DATE), '%Y-%m-%d')`,
  bool: (s) => `CAST(${s} AS BOOLEAN)`,
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
      case 'null':
        return e.of === 'date' ? 'CAST(NULL AS DATE)' : 'CAST(NULL AS VARCHAR)';
      // DuckDB's least and greatest already skip a NULL argument.
      case 'least':
        return `least(${r(e.a)}, ${r(e.b)})`;
      case 'greatest':
        return `greatest(${r(e.a)}, ${r(e.b)})`;
      case 'div':
        return `(CAST(${r(e.a)} AS DOUBLE) / ${r(e.b)})`;
      case 'addDays':
        return `(${r(e.a)} + ${Math.trunc(e.days)})`;
      case 'addMonths':
        return `CAST(${r(e.a)} + to_months(${Math.trunc(e.months)}) AS DATE)`;
      case 'monthSeries':
        return `CAST(unnest(generate_series(date_trunc('month', ${r(e.from)}), date_trunc('month', ${r(e.to)}), INTERVAL 1 MONTH)) AS DATE)`;
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
      case 'min':
      case 'max':
        return `${a.agg}(${r(a.of)})${filter}`;
      case 'median':
        return `median(${r(a.of)})`;
    }
  },
};

/** The query as the tab's engine runs it. */
export function toDuckdb(q: CubeQuery | RowsQuery): SqlQuery {
  const values: SqlValue[] = [];
  const sink: ParamSink = {
    add: (_type, value) => {
      // Numbered, not `?`: the renderer writes nested layers inside out.
      values.push(value);
      return `$${values.length}`;
    },
  };
  return { sql: 'keys' in q ? renderCube(q, DUCKDB, sink) : renderRows(q, DUCKDB, sink), params: values };
}

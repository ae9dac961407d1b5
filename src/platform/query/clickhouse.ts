// The ClickHouse dialect: what the cube job runs on a warehouse (or on chdb). Values are
// named, typed placeholders (`{p0:Date32}`) bound by the server. Where ClickHouse means
// something else by the same SQL, this file says so and writes what DuckDB means.
import type { CubeQuery, OutType, RowsQuery } from './ast';
import { renderCube, renderRows, type DialectOps, type ParamSink } from './render';

export interface ClickhouseQuery {
  readonly sql: string;
  readonly params: Readonly<Record<string, string>>;
}

const CASTS: Record<OutType, (sql: string) => string> = {
  text: (s) => s,
  double: (s) => `toFloat64(${s})`,
  int: (s) => `toInt64(${s})`,
  // Date clamps to 1970–2149; Date32 holds 1900–2299 like the data (docs/spec.md).
  date: (s) => `toDate32(${s})`,
  isoDate: (s) => `toString(toDate32(${s}))`,
  bool: (s) => `toBool(${s})`,
};

/** The first day of the date's month as a Date32, for a date known not to be NULL. */
const monthOf = (sql: string): string => `makeDate32(toYear(assumeNotNull(${sql})), toMonth(assumeNotNull(${sql})), 1)`;

export const CLICKHOUSE: DialectOps = {
  name: 'clickhouse',
  // quantileExact takes the upper middle value for an even count, not the mean of the two:
  // a median would differ from the tab's, so it is refused.
  supports: new Set(),
  // join_use_nulls: an outer join's missing side is NULL, not 0 or ''. prefer_column_name_to_alias:
  // a name means the column, as in DuckDB, even where an output alias has the same name.
  suffix: ' SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1',
  casts: CASTS,
  expr(e, r, params) {
    switch (e.op) {
      case 'param':
        return params.add(e.type, e.value);
      // toStartOfMonth may return a Date (clamped at 1970): build the Date32 from its parts.
      case 'monthStart':
        return `makeDate32(toYear(${r(e.a)}), toMonth(${r(e.a)}), 1)`;
      case 'yearsBefore':
        return `subtractYears(${r(e.a)}, ${Math.trunc(e.years)})`;
      // ClickHouse's least is NULL when either side is; DuckDB's ignores the NULL one.
      case 'least': {
        const a = r(e.a);
        const b = r(e.b);
        return `least(coalesce(${a}, ${b}), coalesce(${b}, ${a}))`;
      }
      case 'greatest': {
        const a = r(e.a);
        const b = r(e.b);
        return `greatest(coalesce(${a}, ${b}), coalesce(${b}, ${a}))`;
      }
      case 'null':
        return e.of === 'date' ? 'CAST(NULL AS Nullable(Date32))' : 'CAST(NULL AS Nullable(String))';
      case 'div':
        return `(toFloat64(${r(e.a)}) / ${r(e.b)})`;
      case 'addDays':
        return `addDays(${r(e.a)}, ${Math.trunc(e.days)})`;
      case 'addMonths':
        return `addMonths(${r(e.a)}, ${Math.trunc(e.months)})`;
      // generate_series has no Date32 form: the months are counted, then added to the first one.
      case 'monthSeries': {
        const from = monthOf(r(e.from));
        const span = `toUInt32(greatest(0, dateDiff('month', ${from}, ${monthOf(r(e.to))}) + 1))`;
        return `arrayJoin(arrayMap(pl_i -> addMonths(${from}, pl_i), range(${span})))`;
      }
      case 'lowBits':
        return `(bitShiftLeft(toInt64(1), ${r(e.a)} + 1) - 1)`;
      case 'bitAnd':
        return `bitAnd(${r(e.a)}, ${Math.trunc(e.mask)})`;
      case 'shiftRight':
        return `bitShiftRight(${r(e.a)}, ${Math.trunc(e.bits)})`;
      default:
        throw new Error(`clickhouse: no rendering for ${e.op}`);
    }
  },
  agg(a, r) {
    switch (a.agg) {
      case 'count': {
        const conds = [...(a.of ? [`isNotNull(${r(a.of)})`] : []), ...(a.where ? [`coalesce(${r(a.where)}, 0)`] : [])];
        return conds.length === 0 ? 'count()' : `countIf(${conds.join(' AND ')})`;
      }
      case 'sum': {
        // sum over no value is 0 in ClickHouse and NULL in DuckDB: say NULL, as DuckDB does.
        const of = r(a.of);
        const cond = a.where ? `coalesce(${r(a.where)}, 0)` : '1';
        return `if(countIf(isNotNull(${of}) AND ${cond}) = 0, NULL, sumIf(${of}, ${cond}))`;
      }
      case 'any':
        return `max(${r(a.of)})`;
      // minIf/maxIf over no value give the type's default (1900-01-01, ''): say NULL, as DuckDB does.
      case 'min':
      case 'max': {
        const of = r(a.of);
        const cond = a.where ? `coalesce(${r(a.where)}, 0)` : '1';
        return `if(countIf(isNotNull(${of}) AND ${cond}) = 0, NULL, ${a.agg}If(${of}, ${cond}))`;
      }
      case 'median':
        throw new Error('clickhouse: median is refused before rendering');
    }
  },
};

const PARAM_TYPES = { date: 'Date32', text: 'String' } as const;

export function toClickhouse(q: CubeQuery | RowsQuery): ClickhouseQuery {
  const params: Record<string, string> = {};
  let n = 0;
  const sink: ParamSink = {
    add: (type, value) => {
      const name = `p${n++}`;
      params[name] = value;
      return `{${name}:${PARAM_TYPES[type]}}`;
    },
  };
  return { sql: 'keys' in q ? renderCube(q, CLICKHOUSE, sink) : renderRows(q, CLICKHOUSE, sink), params };
}

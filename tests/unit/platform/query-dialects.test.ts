// The query description's renderers: the engine-neutral rules refuse a bad query before any
// SQL is written, each dialect refuses what it cannot express, and values never enter the
// SQL text. (That the rendered SQL answers the same on both engines is tests/parity.)
import { describe, expect, it } from 'vitest';
import { col, date, eq, keyCol, text, type CubeQuery } from '../../../src/platform/query/ast';
import { toClickhouse } from '../../../src/platform/query/clickhouse';
import { toDuckdb } from '../../../src/platform/query/duckdb';
import { DialectError } from '../../../src/platform/query/render';
import { cubeSpecs } from '../../../src/features/dashboard/core/cubeQueries';

const base: CubeQuery = {
  source: { table: 'deals', columns: ['status', 'amount', 'close_date'] },
  derive: [],
  keys: [keyCol('status')],
  measures: [{ name: 'amt', agg: { agg: 'sum', of: col('amount') }, type: 'double' }],
};

describe('query description: the rules both dialects share', () => {
  it('refuses a measure named like a source column (ClickHouse would read the alias)', () => {
    const q = {
      ...base,
      measures: [{ name: 'amount', agg: { agg: 'sum' as const, of: col('amount') }, type: 'double' as const }],
    };
    expect(() => toDuckdb(q)).toThrow(/measure amount is named like a column/);
    expect(() => toClickhouse(q)).toThrow(/measure amount is named like a column/);
  });

  it('refuses a key that keeps a column name but computes something else', () => {
    const q = { ...base, keys: [{ name: 'status', expr: col('close_date'), type: 'text' as const }] };
    expect(() => toDuckdb(q)).toThrow(/key status is named like a column/);
  });

  it('refuses a derived column named like its source and a query without keys', () => {
    expect(() => toDuckdb({ ...base, derive: [[{ name: 'amount', expr: col('amount') }]] })).toThrow(/derived column amount/);
    expect(() => toClickhouse({ ...base, keys: [] })).toThrow(/explicit group-by keys/);
  });

  it('refuses a column the source does not have, and a name that would need quoting', () => {
    expect(() => toDuckdb({ ...base, where: eq(col('stage'), text('x')) })).toThrow(/reads stage, which is not there/);
    expect(() => toDuckdb({ ...base, source: { table: 'deals; DROP', columns: [] } })).toThrow(/not a plain name/);
  });

  it('groups by explicit keys in both dialects (never GROUP BY ALL)', () => {
    for (const sql of [toDuckdb(base).sql, toClickhouse(base).sql]) {
      expect(sql).toMatch(/GROUP BY "pl_k0"$|GROUP BY "pl_k0" SETTINGS/);
      expect(sql).not.toMatch(/GROUP BY ALL/);
    }
  });
});

describe('query description: each dialect', () => {
  const withValues: CubeQuery = { ...base, where: eq(col('close_date'), date('1950-02-28')), keys: [keyCol('status')] };

  it('duckdb: values travel as numbered parameters, in the order of their numbers', () => {
    const q = toDuckdb({ ...withValues, derive: [[{ name: 'is_won', expr: eq(col('status'), text("o'won")) }]] });
    expect(q.sql).not.toContain("o'won");
    expect(q.sql).not.toContain('1950');
    expect(q.params).toEqual(["o'won", '1950-02-28']);
    expect(q.sql).toContain('$1');
    expect(q.sql).toContain('CAST($2 AS DATE)');
  });

  it('clickhouse: values are typed placeholders (dates as Date32, which reaches back before 1970)', () => {
    const q = toClickhouse(withValues);
    expect(q.sql).toContain('{p0:Date32}');
    expect(q.params).toEqual({ p0: '1950-02-28' });
    expect(q.sql).not.toContain('1950');
    expect(q.sql).toContain('join_use_nulls = 1');
  });

  it('clickhouse: a sum over no value says NULL, as DuckDB does, not 0', () => {
    expect(toClickhouse(base).sql).toContain('if(countIf(isNotNull("amount") AND 1) = 0, NULL, sumIf("amount", 1))');
  });

  it('clickhouse: least ignores a NULL side, as DuckDB does', () => {
    const q = toClickhouse({
      ...base,
      keys: [{ name: 'lo', expr: { op: 'least', a: col('amount'), b: { op: 'int', value: 61 } }, type: 'double' }],
    });
    expect(q.sql).toContain('least(coalesce("amount", 61), coalesce(61, "amount"))');
  });

  it('a median is written for duckdb and refused by clickhouse, before any SQL is run', () => {
    const q = {
      ...base,
      measures: [{ name: 'med', agg: { agg: 'median' as const, of: col('amount') }, type: 'double' as const }],
    };
    expect(toDuckdb(q).sql).toContain('median("amount")');
    expect(() => toClickhouse(q)).toThrow(DialectError);
    expect(() => toClickhouse(q)).toThrow(/exact median/);
  });

  it('renders every dashboard cube in both dialects with the reference date only as a parameter', () => {
    for (const spec of cubeSpecs('2024-02-29')) {
      const d = toDuckdb(spec.query);
      const c = toClickhouse(spec.query);
      expect(d.sql).not.toContain('2024-02-29');
      expect(c.sql).not.toContain('2024-02-29');
      expect(Object.values(c.params).sort()).toEqual([...d.params].sort());
      expect(new Set([...spec.text, ...spec.num]).size).toBe(spec.text.length + spec.num.length);
    }
  });
});

describe('query description: what the cube job needs beyond the cubes', () => {
  it('a total is said on purpose: no keys with `total`, never keys with it', () => {
    const total: CubeQuery = { ...base, keys: [], total: true };
    expect(toDuckdb(total).sql).not.toContain('GROUP BY');
    expect(toClickhouse(total).sql).not.toContain('GROUP BY');
    expect(() => toDuckdb({ ...base, total: true })).toThrow(/a total has no group-by keys/);
  });

  it('a month series multiplies rows, so it stands alone in its layer', () => {
    const series = { name: 'm', expr: { op: 'monthSeries' as const, from: col('close_date'), to: col('close_date') } };
    const q = { ...base, derive: [[series, { name: 'x', expr: col('amount') }]] };
    expect(() => toClickhouse(q)).toThrow(/m multiplies rows/);
    expect(toClickhouse({ ...base, derive: [[series]] }).sql).toContain('arrayJoin(');
    expect(toDuckdb({ ...base, derive: [[series]] }).sql).toContain('unnest(generate_series(');
  });

  it('a join takes only what its query hands over, and its names join the source’s', () => {
    const inner: CubeQuery = {
      ...base,
      keys: [keyCol('status')],
      measures: [{ name: 'amt', agg: { agg: 'count' }, type: 'int' }],
    };
    const joined = (take: string): CubeQuery => ({
      ...base,
      source: {
        ...base.source,
        joins: [{ query: inner, on: { left: 'status', right: 'status' }, take: [{ name: take, as: 'deals' }] }],
      },
      measures: [{ name: 'n', agg: { agg: 'sum', of: col('deals') }, type: 'double' }],
    });
    expect(() => toDuckdb(joined('nope'))).toThrow(/takes nope/);
    const sql = toClickhouse(joined('amt')).sql;
    expect(sql).toContain('LEFT JOIN (SELECT');
    // The settings close the whole statement once, not each subquery.
    expect(sql.match(/SETTINGS/g)).toHaveLength(1);
  });

  it('clickhouse: min and max over no value say NULL (not 1900-01-01 or an empty text); greatest ignores a NULL side', () => {
    const q = toClickhouse({
      ...base,
      keys: [{ name: 'hi', expr: { op: 'greatest', a: col('amount'), b: { op: 'int', value: 0 } }, type: 'double' }],
      measures: [{ name: 'first', agg: { agg: 'min', of: col('close_date') }, type: 'isoDate' }],
    });
    expect(q.sql).toContain('if(countIf(isNotNull("close_date") AND 1) = 0, NULL, minIf("close_date", 1))');
    expect(q.sql).toContain('greatest(coalesce("amount", 0), coalesce(0, "amount"))');
  });
});

// Renders a CubeQuery for one dialect. The rules that keep the engines equal live here, once
// (docs/warehouse.md, "One query, two dialects"): names are checked before any SQL is
// written, group-by keys are explicit, and a dialect refuses a query it cannot express
// instead of emitting SQL that fails (or, worse, answers differently) at run time.
import { quoteIdent } from '../sql/sql';
import {
  sourceColumns,
  sourceName,
  type Agg,
  type CubeQuery,
  type Expr,
  type Key,
  type Measure,
  type Named,
  type OutType,
  type RowsQuery,
  type Source,
} from './ast';

/** What a query may need that not every engine has (or has with the same meaning). */
export type Capability = 'median';

export class DialectError extends Error {
  constructor(dialect: string, what: string) {
    super(`The ${dialect} dialect cannot express this query: ${what}`);
    this.name = 'DialectError';
  }
}

/** Where a dialect puts a value: a numbered (DuckDB) or named, typed (ClickHouse) placeholder. */
export interface ParamSink {
  add(type: 'date' | 'text', value: string): string;
}

/** The parts of SQL that differ between engines; everything else is written here once. */
export interface DialectOps {
  readonly name: string;
  readonly supports: ReadonlySet<Capability>;
  /**
   * Dialect-specific rendering of an expression node (sub-expressions through `r`); asked only
   * for the nodes `commonExpr` leaves (parameters, dates, NULL-skipping and bit operations).
   */
  expr(e: Expr, r: (e: Expr) => string, params: ParamSink): string;
  agg(a: Agg, r: (e: Expr) => string): string;
  /** How each output type is cast (text is left as it is). */
  readonly casts: Readonly<Record<OutType, (sql: string) => string>>;
  /** Appended to every query (e.g. ClickHouse's settings that make it answer like DuckDB). */
  readonly suffix: string;
}

const SIMPLE_NAME = /^[a-z][a-z0-9_]*$/;
const KEY_PREFIX = 'pl_k';

/** The engine-neutral checks: the rules a query must meet before any dialect writes it. */
export function checkQuery(q: CubeQuery): void {
  const outputs = checkRows(q.source, q.derive, q.keys);
  const fail = failFor(q.source);
  if (q.total === true && q.keys.length > 0) fail('a total has no group-by keys');
  if (q.total !== true && q.keys.length === 0) fail('a cube needs explicit group-by keys');
  for (const m of q.measures) {
    if (outputs.columns.has(m.name)) fail(`the measure ${m.name} is named like a column (ClickHouse would read the alias)`);
    outputs.names.add(m.name);
  }
  if (outputs.names.size !== q.keys.length + q.measures.length) fail('two outputs share a name');
  for (const name of outputs.names) if (!usable(name)) fail(`"${name}" is not a usable name`);
}

const usable = (name: string): boolean => SIMPLE_NAME.test(name) && !name.startsWith(KEY_PREFIX);

function failFor(s: Source): (what: string) => never {
  return (what) => {
    throw new Error(`Cube query on ${sourceName(s)}: ${what}`);
  };
}

/** The source, derived-column and key/select rules shared by cubes and row queries. */
function checkRows(
  source: Source,
  derive: CubeQuery['derive'],
  keys: readonly Key[],
): { columns: Set<string>; names: Set<string> } {
  const fail = failFor(source);
  const own = sourceColumns(source);
  const columns = new Set(own);
  for (const name of [sourceName(source), ...own]) if (!SIMPLE_NAME.test(name)) fail(`"${name}" is not a plain name`);
  if (columns.size !== own.length) fail('two source columns share a name');
  for (const layer of derive) {
    for (const d of layer) {
      // `SELECT *, x AS status` would give two columns named status, and ClickHouse would
      // read the alias where the source column was meant.
      if (columns.has(d.name)) fail(`the derived column ${d.name} is named like a column it is computed from`);
      if (!usable(d.name)) fail(`"${d.name}" is not a usable name`);
      if (d.expr.op === 'monthSeries' && layer.length > 1) fail(`${d.name} multiplies rows: it stands alone in its layer`);
    }
    for (const d of layer) columns.add(d.name);
  }
  const names = new Set<string>();
  for (const k of keys) {
    // A key may keep a column's own name only when it is that column, unchanged.
    const same = k.expr.op === 'col' && k.expr.name === k.name;
    if (columns.has(k.name) && !same) fail(`the key ${k.name} is named like a column but computed differently`);
    names.add(k.name);
  }
  if (names.size !== keys.length) fail('two outputs share a name');
  return { columns, names };
}

export function checkRowsQuery(q: RowsQuery): void {
  const { names } = checkRows(q.source, q.derive, q.select);
  for (const name of names) if (!usable(name)) failFor(q.source)(`"${name}" is not a usable name`);
}

function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  const kids: Expr[] = [];
  if ('a' in e) kids.push(e.a);
  if ('b' in e) kids.push(e.b);
  if ('args' in e) kids.push(...e.args);
  if (e.op === 'daysBetween' || e.op === 'monthSeries') kids.push(e.from, e.to);
  if (e.op === 'case') kids.push(...e.when.flatMap((w) => [w.if, w.then]), e.else);
  if (e.op === 'rowNumber') kids.push(...e.partitionBy, ...e.orderBy);
  if (e.op === 'countOver') kids.push(...e.partitionBy);
  for (const k of kids) walk(k, visit);
}

/** Every column an expression reads must exist where it is read. */
function checkColumns(
  source: Source,
  derive: CubeQuery['derive'],
  where: Expr | undefined,
  outs: readonly Named[],
  aggs: readonly Measure[],
): void {
  const known = new Set(sourceColumns(source));
  const use = (e: Expr, at: string): void =>
    walk(e, (x) => {
      if (x.op === 'col' && !known.has(x.name)) failFor(source)(`${at} reads ${x.name}, which is not there`);
    });
  if ('table' in source) {
    const own = new Set(source.columns);
    if (source.where)
      walk(source.where, (x) => {
        if (x.op === 'col' && !own.has(x.name)) failFor(source)(`the source filter reads ${x.name}, which is not there`);
      });
    for (const j of source.joins ?? []) {
      if (!own.has(j.on.left)) failFor(source)(`a join reads ${j.on.left}, which is not there`);
      const theirs = new Set([...j.query.keys, ...j.query.measures].map((o) => o.name));
      for (const name of [j.on.right, ...j.take.map((t) => t.name)])
        if (!theirs.has(name)) failFor(source)(`a join takes ${name}, which its query does not hand over`);
    }
  }
  for (const layer of derive) {
    for (const d of layer) use(d.expr, d.name);
    for (const d of layer) known.add(d.name);
  }
  if (where) use(where, 'the filter');
  for (const k of outs) use(k.expr, `the key ${k.name}`);
  for (const m of aggs) {
    const a = m.agg;
    if ('of' in a && a.of) use(a.of, `the measure ${m.name}`);
    if ('where' in a && a.where) use(a.where, `the measure ${m.name}`);
  }
}

/** A whole statement: the query and the dialect's settings. */
export function renderCube(q: CubeQuery, d: DialectOps, params: ParamSink): string {
  return renderGroups(q, d, params) + d.suffix;
}

export function renderRows(q: RowsQuery, d: DialectOps, params: ParamSink): string {
  return renderRowsBody(q, d, params) + d.suffix;
}

function renderGroups(q: CubeQuery, d: DialectOps, params: ParamSink): string {
  checkQuery(q);
  checkColumns(q.source, q.derive, q.where, q.keys, q.measures);
  for (const m of q.measures) {
    if (m.agg.agg === 'median' && !d.supports.has('median'))
      throw new DialectError(d.name, `the measure ${m.name} needs an exact median, which ${d.name} has no equal of`);
  }
  const r = (e: Expr): string => commonExpr(e, r) ?? d.expr(e, r, params);
  const id = quoteIdent;
  const keyRef = (i: number): string => id(`${KEY_PREFIX}${i}`);
  const head = [
    ...q.keys.map((k, i) => `${k.type === 'text' ? keyRef(i) : d.casts[k.type](keyRef(i))} AS ${id(k.name)}`),
    ...q.measures.map((m) => `${d.casts[m.type](d.agg(m.agg, r))} AS ${id(m.name)}`),
  ].join(', ');
  const rows = layered(q.source, q.derive, d, params, r);
  const keys = q.keys.length > 0 ? `, ${q.keys.map((k, i) => `${r(k.expr)} AS ${keyRef(i)}`).join(', ')}` : '';
  const where = q.where ? ` WHERE ${r(q.where)}` : '';
  const groupBy = q.keys.length > 0 ? ` GROUP BY ${q.keys.map((_, i) => keyRef(i)).join(', ')}` : '';
  return `SELECT ${head} FROM (SELECT *${keys} FROM (${rows}) AS pl_rows${where}) AS pl_keyed${groupBy}`;
}

function renderRowsBody(q: RowsQuery, d: DialectOps, params: ParamSink): string {
  checkRowsQuery(q);
  checkColumns(q.source, q.derive, q.where, q.select, []);
  const r = (e: Expr): string => commonExpr(e, r) ?? d.expr(e, r, params);
  const out = q.select.map((k) => `${d.casts[k.type](r(k.expr))} AS ${quoteIdent(k.name)}`).join(', ');
  const where = q.where ? ` WHERE ${r(q.where)}` : '';
  return `SELECT ${out} FROM (${layered(q.source, q.derive, d, params, r)}) AS pl_rows${where}`;
}

/** The source's rows with each derive layer added on top. */
function layered(s: Source, derive: CubeQuery['derive'], d: DialectOps, params: ParamSink, r: (e: Expr) => string): string {
  let rows = sourceRows(s, d, params, r);
  derive.forEach((layer, i) => {
    rows = `SELECT *, ${layer.map((x) => `${r(x.expr)} AS ${quoteIdent(x.name)}`).join(', ')} FROM (${rows}) AS ${quoteIdent(`pl_d${i}`)}`;
  });
  return rows;
}

/** A SELECT of the source's declared columns (a table's other columns are never read). */
function sourceRows(s: Source, d: DialectOps, params: ParamSink, r: (e: Expr) => string): string {
  const id = quoteIdent;
  if (!('table' in s)) {
    const inner = 'keys' in s.query ? renderGroups(s.query, d, params) : renderRowsBody(s.query, d, params);
    return `SELECT * FROM (${inner}) AS ${id(s.name)}`;
  }
  const filtered = s.where ? `(SELECT * FROM ${id(s.table)} WHERE ${r(s.where)})` : id(s.table);
  const joins = s.joins ?? [];
  if (joins.length === 0) return `SELECT ${s.columns.map(id).join(', ')} FROM ${filtered} AS pl_b`;
  const cols = [
    ...s.columns.map((c) => `pl_b.${id(c)} AS ${id(c)}`),
    ...joins.flatMap((j, i) => j.take.map((t) => `${id(`pl_j${i}`)}.${id(t.name)} AS ${id(t.as)}`)),
  ];
  const joined = joins
    .map(
      (j, i) =>
        ` LEFT JOIN (${renderGroups(j.query, d, params)}) AS ${id(`pl_j${i}`)} ON pl_b.${id(j.on.left)} = ${id(`pl_j${i}`)}.${id(j.on.right)}`,
    )
    .join('');
  return `SELECT ${cols.join(', ')} FROM ${filtered} AS pl_b${joined}`;
}

/** The operators both dialects write the same way. */
function commonExpr(e: Expr, r: (e: Expr) => string): string | null {
  switch (e.op) {
    case 'col':
      return quoteIdent(e.name);
    case 'int':
      if (!Number.isSafeInteger(e.value)) throw new Error(`Not an integer: ${e.value}`);
      return String(e.value);
    case 'bool':
      return e.value ? 'TRUE' : 'FALSE';
    case 'null':
      return e.of ? null : 'NULL';
    case 'cmp':
      return `(${r(e.a)} ${e.cmp} ${r(e.b)})`;
    case 'and':
    case 'or':
      return `(${e.args.map(r).join(` ${e.op.toUpperCase()} `)})`;
    case 'not':
      return `(NOT ${r(e.a)})`;
    case 'isNull':
      return `(${r(e.a)} IS NULL)`;
    case 'coalesce':
      return `coalesce(${e.args.map(r).join(', ')})`;
    case 'case':
      return `(CASE ${e.when.map((w) => `WHEN ${r(w.if)} THEN ${r(w.then)}`).join(' ')} ELSE ${r(e.else)} END)`;
    case 'mul':
      return `(${r(e.a)} * ${r(e.b)})`;
    case 'add':
      return `(${r(e.a)} + ${r(e.b)})`;
    case 'daysBetween':
      return `date_diff('day', ${r(e.from)}, ${r(e.to)})`;
    case 'rowNumber':
      return `row_number() OVER (${over(e.partitionBy, r)} ORDER BY ${e.orderBy.map(r).join(', ')})`;
    case 'countOver':
      return `count(*) OVER (${over(e.partitionBy, r)})`;
    default:
      return null;
  }
}

const over = (by: readonly Expr[], r: (e: Expr) => string): string =>
  by.length > 0 ? `PARTITION BY ${by.map(r).join(', ')}` : '';

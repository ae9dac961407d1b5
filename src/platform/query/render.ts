// Renders a CubeQuery for one dialect. The rules that keep the engines equal live here, once
// (docs/warehouse.md, "One query, two dialects"): names are checked before any SQL is
// written, group-by keys are explicit, and a dialect refuses a query it cannot express
// instead of emitting SQL that fails (or, worse, answers differently) at run time.
import { quoteIdent } from '../sql/sql';
import type { Agg, CubeQuery, Expr, OutType } from './ast';

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
  const columns = new Set(q.source.columns);
  const fail = (what: string): never => {
    throw new Error(`Cube query on ${q.source.table}: ${what}`);
  };
  for (const name of [q.source.table, ...q.source.columns]) if (!SIMPLE_NAME.test(name)) fail(`"${name}" is not a plain name`);
  for (const layer of q.derive) {
    for (const d of layer) {
      // `SELECT *, x AS status` would give two columns named status, and ClickHouse would
      // read the alias where the source column was meant.
      if (columns.has(d.name)) fail(`the derived column ${d.name} is named like a column it is computed from`);
      if (!SIMPLE_NAME.test(d.name) || d.name.startsWith(KEY_PREFIX)) fail(`"${d.name}" is not a usable name`);
    }
    for (const d of layer) columns.add(d.name);
  }
  if (q.keys.length === 0) fail('a cube needs explicit group-by keys');
  const outputs = new Set<string>();
  for (const k of q.keys) {
    // A key may keep a column's own name only when it is that column, unchanged.
    const same = k.expr.op === 'col' && k.expr.name === k.name;
    if (columns.has(k.name) && !same) fail(`the key ${k.name} is named like a column but computed differently`);
    outputs.add(k.name);
  }
  for (const m of q.measures) {
    if (columns.has(m.name)) fail(`the measure ${m.name} is named like a column (ClickHouse would read the alias)`);
    outputs.add(m.name);
  }
  if (outputs.size !== q.keys.length + q.measures.length) fail('two outputs share a name');
  for (const name of outputs) if (!SIMPLE_NAME.test(name) || name.startsWith(KEY_PREFIX)) fail(`"${name}" is not a usable name`);
}

function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  const kids: Expr[] = [];
  if ('a' in e) kids.push(e.a);
  if ('b' in e) kids.push(e.b);
  if ('args' in e) kids.push(...e.args);
  if (e.op === 'daysBetween') kids.push(e.from, e.to);
  if (e.op === 'case') kids.push(...e.when.flatMap((w) => [w.if, w.then]), e.else);
  for (const k of kids) walk(k, visit);
}

/** Every column an expression reads must exist where it is read. */
function checkColumns(q: CubeQuery): void {
  const known = new Set(q.source.columns);
  const use = (e: Expr, where: string): void =>
    walk(e, (x) => {
      if (x.op === 'col' && !known.has(x.name))
        throw new Error(`Cube query on ${q.source.table}: ${where} reads ${x.name}, which is not there`);
    });
  for (const layer of q.derive) {
    for (const d of layer) use(d.expr, d.name);
    for (const d of layer) known.add(d.name);
  }
  if (q.where) use(q.where, 'the filter');
  for (const k of q.keys) use(k.expr, `the key ${k.name}`);
  for (const m of q.measures) {
    const a = m.agg;
    if ('of' in a && a.of) use(a.of, `the measure ${m.name}`);
    if ('where' in a && a.where) use(a.where, `the measure ${m.name}`);
  }
}

export function renderCube(q: CubeQuery, d: DialectOps, params: ParamSink): string {
  checkQuery(q);
  checkColumns(q);
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
  let rows = `SELECT * FROM ${id(q.source.table)}`;
  q.derive.forEach((layer, i) => {
    rows = `SELECT *, ${layer.map((x) => `${r(x.expr)} AS ${id(x.name)}`).join(', ')} FROM (${rows}) AS ${id(`pl_d${i}`)}`;
  });
  const keys = q.keys.map((k, i) => `${r(k.expr)} AS ${keyRef(i)}`).join(', ');
  const where = q.where ? ` WHERE ${r(q.where)}` : '';
  const groupBy = q.keys.map((_, i) => keyRef(i)).join(', ');
  return `SELECT ${head} FROM (SELECT *, ${keys} FROM (${rows}) AS pl_rows${where}) AS pl_keyed GROUP BY ${groupBy}${d.suffix}`;
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
      return 'NULL';
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
    case 'daysBetween':
      return `date_diff('day', ${r(e.from)}, ${r(e.to)})`;
    default:
      return null;
  }
}

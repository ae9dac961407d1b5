// One description of a cube query, rendered to SQL per engine (docs/warehouse.md, "One query,
// two dialects"). The structure only has what a cube needs: per-row expressions, a filter,
// explicit group-by keys and measures. There is no rounding node on purpose: rounding
// differs between engines (DuckDB half away from zero, ClickHouse half to even), so numbers
// leave SQL unrounded and the page rounds them once.

/** A value or column expression over one row. */
export type Expr =
  | { readonly op: 'col'; readonly name: string }
  /** A value travelling as a parameter, never pasted into the SQL text. */
  | { readonly op: 'param'; readonly type: 'date' | 'text'; readonly value: string }
  | { readonly op: 'int'; readonly value: number }
  | { readonly op: 'bool'; readonly value: boolean }
  /** NULL; `of` types it where an engine needs to know (a key that is NULL on every row). */
  | { readonly op: 'null'; readonly of?: 'date' | 'text' }
  | { readonly op: 'cmp'; readonly cmp: '=' | '<>' | '<' | '<=' | '>' | '>='; readonly a: Expr; readonly b: Expr }
  | { readonly op: 'and' | 'or'; readonly args: readonly Expr[] }
  | { readonly op: 'not'; readonly a: Expr }
  | { readonly op: 'isNull'; readonly a: Expr }
  | { readonly op: 'coalesce'; readonly args: readonly Expr[] }
  | { readonly op: 'case'; readonly when: readonly { readonly if: Expr; readonly then: Expr }[]; readonly else: Expr }
  /** The first day of the date's month (a date, any year from 1900 on). */
  | { readonly op: 'monthStart'; readonly a: Expr }
  /** Whole days from `from` to `to`. */
  | { readonly op: 'daysBetween'; readonly from: Expr; readonly to: Expr }
  /** The same calendar day `years` earlier (29 Feb falls back to 28 Feb). */
  | { readonly op: 'yearsBefore'; readonly a: Expr; readonly years: number }
  | { readonly op: 'mul' | 'add'; readonly a: Expr; readonly b: Expr }
  /** The smaller of two numbers, ignoring a NULL one (NULL only when both are). */
  | { readonly op: 'least'; readonly a: Expr; readonly b: Expr }
  /** The larger of two numbers or dates, ignoring a NULL one (NULL only when both are). */
  | { readonly op: 'greatest'; readonly a: Expr; readonly b: Expr }
  /** a ÷ b as a double; the caller keeps b away from 0 (engines disagree on what x ÷ 0 is). */
  | { readonly op: 'div'; readonly a: Expr; readonly b: Expr }
  | { readonly op: 'addDays'; readonly a: Expr; readonly days: number }
  | { readonly op: 'addMonths'; readonly a: Expr; readonly months: number }
  /**
   * One row per calendar month from the month of `from` to the month of `to` (the first day of
   * each; no row when `to` is earlier): it multiplies rows, so it stands alone in a derive layer,
   * over rows whose dates are known (filter them in the source).
   */
  | { readonly op: 'monthSeries'; readonly from: Expr; readonly to: Expr }
  /** 1, 2, … within each partition, in `orderBy` order (ties broken by the engine). */
  | { readonly op: 'rowNumber'; readonly partitionBy: readonly Expr[]; readonly orderBy: readonly Expr[] }
  /** Rows in the row's partition. */
  | { readonly op: 'countOver'; readonly partitionBy: readonly Expr[] }
  /** 2^(a+1) − 1 as a 64-bit integer: bits 0…a set. */
  | { readonly op: 'lowBits'; readonly a: Expr }
  | { readonly op: 'bitAnd'; readonly a: Expr; readonly mask: number }
  | { readonly op: 'shiftRight'; readonly a: Expr; readonly bits: number };

/** How an output column leaves the query: the types both engines hand over the same way. */
export type OutType = 'text' | 'double' | 'int' | 'date' | 'isoDate' | 'bool';

export interface Named {
  readonly name: string;
  readonly expr: Expr;
}

export interface Key extends Named {
  readonly type: OutType;
}

/**
 * An aggregate. `sum` of no value is NULL in every dialect (ClickHouse would say 0), so a
 * measure that may see no rows travels with its count and the reader decides.
 */
export type Agg =
  | { readonly agg: 'count'; readonly of?: Expr; readonly where?: Expr }
  | { readonly agg: 'sum'; readonly of: Expr; readonly where?: Expr }
  | { readonly agg: 'any'; readonly of: Expr }
  /** Smallest / largest value (text, number or date); NULL when there is none, in every dialect. */
  | { readonly agg: 'min' | 'max'; readonly of: Expr; readonly where?: Expr }
  /** The exact median (the mean of the two middle values for an even count). */
  | { readonly agg: 'median'; readonly of: Expr };

export interface Measure {
  readonly name: string;
  readonly agg: Agg;
  readonly type: OutType;
}

/**
 * A left join onto a table source: the joined query's `on.right` column equals the table's
 * `on.left`; `take` names the joined columns kept, each under a name of its own (`as`).
 */
export interface Join {
  readonly query: CubeQuery;
  readonly on: { readonly left: string; readonly right: string };
  readonly take: readonly { readonly name: string; readonly as: string }[];
}

/**
 * A table, with the columns a query reads (only those are read), rows it keeps before any
 * per-row column is computed (`where`: a window then sees only those), and left joins.
 */
export interface TableSource {
  readonly table: string;
  readonly columns: readonly string[];
  readonly where?: Expr;
  readonly joins?: readonly Join[];
}

/** The rows of another query, under a name. */
export interface QuerySource {
  readonly name: string;
  readonly query: CubeQuery | RowsQuery;
  readonly columns: readonly string[];
}

/** What a query reads: an output may not be named like one of its columns. */
export type Source = TableSource | QuerySource;

export interface CubeQuery {
  readonly source: Source;
  /** Per-row columns in layers: a layer may use the columns of the layers before it. */
  readonly derive: readonly (readonly Named[])[];
  readonly where?: Expr;
  readonly keys: readonly Key[];
  readonly measures: readonly Measure[];
  /** One row over every row, without keys: said on purpose, never by leaving the keys out. */
  readonly total?: boolean;
}

/** Rows, not groups: per-row columns of a source, each output typed like a key. */
export interface RowsQuery {
  readonly source: Source;
  readonly derive: readonly (readonly Named[])[];
  readonly where?: Expr;
  readonly select: readonly Key[];
}

/** The name a source goes by in messages. */
export const sourceName = (s: Source): string => ('table' in s ? s.table : s.name);

/** The columns a source hands over: a table's own plus what its joins take. */
export const sourceColumns = (s: Source): readonly string[] =>
  'table' in s ? [...s.columns, ...(s.joins ?? []).flatMap((j) => j.take.map((t) => t.as))] : s.columns;

// Small constructors so a query reads close to the SQL it stands for.
export const col = (name: string): Expr => ({ op: 'col', name });
export const date = (iso: string): Expr => ({ op: 'param', type: 'date', value: iso });
export const text = (value: string): Expr => ({ op: 'param', type: 'text', value });
export const int = (value: number): Expr => ({ op: 'int', value });
export const bool = (value: boolean): Expr => ({ op: 'bool', value });
export const NULL: Expr = { op: 'null' };
export const nullOf = (of: 'date' | 'text'): Expr => ({ op: 'null', of });
export const eq = (a: Expr, b: Expr): Expr => ({ op: 'cmp', cmp: '=', a, b });
export const ne = (a: Expr, b: Expr): Expr => ({ op: 'cmp', cmp: '<>', a, b });
export const lt = (a: Expr, b: Expr): Expr => ({ op: 'cmp', cmp: '<', a, b });
export const le = (a: Expr, b: Expr): Expr => ({ op: 'cmp', cmp: '<=', a, b });
export const gt = (a: Expr, b: Expr): Expr => ({ op: 'cmp', cmp: '>', a, b });
export const and = (...args: Expr[]): Expr => ({ op: 'and', args });
export const or = (...args: Expr[]): Expr => ({ op: 'or', args });
export const not = (a: Expr): Expr => ({ op: 'not', a });
export const isNull = (a: Expr): Expr => ({ op: 'isNull', a });
export const ge = (a: Expr, b: Expr): Expr => ({ op: 'cmp', cmp: '>=', a, b });
export const coalesce = (...args: Expr[]): Expr => ({ op: 'coalesce', args });
export const when = (cases: { if: Expr; then: Expr }[], otherwise: Expr): Expr => ({ op: 'case', when: cases, else: otherwise });

/** A key that is a source column, kept under its own name. */
export const keyCol = (name: string, type: OutType = 'text'): Key => ({ name, expr: col(name), type });

// A cube held in the worker's memory as columns: text as dictionary codes, numbers as
// Float64Array (NaN = NULL). Filtering is then a pass over small integers, with no query.

export interface TextColumn {
  /** The distinct values; a code is an index into it. */
  readonly dict: readonly (string | null)[];
  readonly codes: Int32Array;
}

export interface ColumnCube {
  readonly n: number;
  readonly text: Readonly<Record<string, TextColumn>>;
  readonly num: Readonly<Record<string, Float64Array>>;
}

/** Builds a text column from values read one by one (the loader's side). */
export class TextColumnBuilder {
  private readonly index = new Map<string | null, number>();
  private readonly dict: (string | null)[] = [];
  readonly codes: Int32Array;

  constructor(n: number) {
    this.codes = new Int32Array(n);
  }

  set(i: number, value: string | null): void {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(value);
      this.index.set(value, code);
    }
    this.codes[i] = code;
  }

  build(): TextColumn {
    return { dict: this.dict, codes: this.codes };
  }
}

export function textColumn(cube: ColumnCube, name: string): TextColumn {
  const col = cube.text[name];
  if (!col) throw new Error(`The cube has no text column ${name}.`);
  return col;
}

export function numColumn(cube: ColumnCube, name: string): Float64Array {
  const col = cube.num[name];
  if (!col) throw new Error(`The cube has no number column ${name}.`);
  return col;
}

/** The close-month cube's keys and measures, read once by every fold over it (dashboard, pivot, drill totals). */
export interface ClosedCubeColumns {
  readonly cm: TextColumn;
  readonly status: TextColumn;
  readonly currency: TextColumn;
  readonly isOpen: Float64Array;
  readonly pastDue: Float64Array;
  readonly n: Float64Array;
  readonly amt: Float64Array;
  readonly amtN: Float64Array;
  readonly cycSum: Float64Array;
  readonly cycN: Float64Array;
  readonly wtd: Float64Array;
  readonly wtdN: Float64Array;
  readonly imputedN: Float64Array;
}

export function closedCubeColumns(cube: ColumnCube): ClosedCubeColumns {
  return {
    cm: textColumn(cube, 'cm'),
    status: textColumn(cube, 'status'),
    currency: textColumn(cube, 'currency'),
    isOpen: numColumn(cube, 'is_open'),
    pastDue: numColumn(cube, 'past_due'),
    n: numColumn(cube, 'n'),
    amt: numColumn(cube, 'amt'),
    amtN: numColumn(cube, 'amt_n'),
    cycSum: numColumn(cube, 'cyc_sum'),
    cycN: numColumn(cube, 'cyc_n'),
    wtd: numColumn(cube, 'wtd'),
    wtdN: numColumn(cube, 'wtd_n'),
    imputedN: numColumn(cube, 'imputed_n'),
  };
}

/** 1 for a row a filter keeps; null when nothing filters and every row is kept. */
export type RowMask = Uint8Array | null;

/**
 * The rows a filter keeps: per active dimension, which dictionary codes are selected
 * (a selected null is "blank"). Returns null when nothing filters (every row is kept).
 */
export function filterMask(cube: ColumnCube, filters: Readonly<Record<string, readonly (string | null)[] | undefined>>): RowMask {
  const active = Object.entries(filters).filter((e): e is [string, readonly (string | null)[]] => (e[1]?.length ?? 0) > 0);
  if (active.length === 0) return null;
  const keep = new Uint8Array(cube.n).fill(1);
  for (const [dim, values] of active) {
    const col = textColumn(cube, dim);
    const wanted = new Set(values);
    const allowed = new Uint8Array(col.dict.length);
    col.dict.forEach((v, code) => (allowed[code] = wanted.has(v) ? 1 : 0));
    const codes = col.codes;
    for (let i = 0; i < cube.n; i++) if (allowed[codes[i] ?? 0] === 0) keep[i] = 0;
  }
  return keep;
}

// How the parity suite compares two engines' answers: group by group (the same groups,
// counts exactly, money within 1e-9 relative — the engines add in different orders), and
// folded the way the dashboard folds its in-memory cubes.
import { expect } from 'vitest';
import { filterMask, TextColumnBuilder, type ColumnCube } from '../../../src/queries/columnCube';
import { scanClosed, scanCreated, scanTotals } from '../../../src/features/dashboard/core/cubeScan';
import type { CubeSpec } from '../../../src/features/dashboard/core/cubeQueries';
import type { Row } from './engines';

const REL = 1e-9;
/** Counts and bit words: equal exactly. */
const exact = (name: string): boolean => name === 'n' || name.endsWith('_n') || name === 'any_y' || name.startsWith('steps');

function keyOf(spec: CubeSpec, row: Row): string {
  return JSON.stringify(spec.query.keys.map((k) => row[k.name] ?? null));
}

function sameNumber(a: unknown, b: unknown, where: string, isExact: boolean): void {
  // expect() only on a difference: the fold compares tens of thousands of numbers.
  if (a === null || b === null || typeof a !== 'number' || typeof b !== 'number') {
    if (a !== b) expect(a, where).toEqual(b);
    return;
  }
  if (isExact) {
    if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) expect(a, where).toBe(b);
    return;
  }
  const scale = Math.max(Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) > REL * scale) expect.fail(`${where}: ${a} ≠ ${b} (more than 1e-9 apart)`);
}

export function expectSameRows(spec: CubeSpec, duck: readonly Row[], ch: readonly Row[], label: string): void {
  const byKey = new Map(ch.map((r) => [keyOf(spec, r), r]));
  expect(byKey.size, `${label}: ClickHouse gave each group once`).toBe(ch.length);
  expect(ch.length, `${label}: the same number of groups`).toBe(duck.length);
  for (const d of duck) {
    const key = keyOf(spec, d);
    const c = byKey.get(key);
    if (!c) expect.fail(`${label}: DuckDB's group ${key} is missing on ClickHouse`);
    for (const m of spec.query.measures)
      sameNumber(c[m.name] ?? null, d[m.name] ?? null, `${label} ${key} ${m.name}`, exact(m.name));
  }
}

/** The rows as the worker holds them (src/queries/columnCube.ts), in a fixed order so both engines fold alike. */
function toCube(spec: CubeSpec, rows: readonly Row[]): ColumnCube {
  const keyed = rows.map((r) => ({ r, k: keyOf(spec, r) }));
  const sorted = keyed.sort((a, b) => (a.k < b.k ? -1 : 1)).map((x) => x.r);
  const text: ColumnCube['text'] = Object.fromEntries(
    spec.text.map((name) => {
      const b = new TextColumnBuilder(sorted.length);
      sorted.forEach((r, i) => b.set(i, (r[name] ?? null) as string | null));
      return [name, b.build()];
    }),
  );
  const num = Object.fromEntries(
    spec.num.map((name) => [name, Float64Array.from(sorted, (r) => (r[name] === null ? NaN : Number(r[name])))]),
  );
  return { n: sorted.length, text, num };
}

function deepClose(a: unknown, b: unknown, path: string): void {
  if (typeof a === 'number' && typeof b === 'number')
    return sameNumber(a, b, path, Number.isInteger(b) && Math.abs(b) < 2 ** 53 && Number.isInteger(a));
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) expect(a.length, `${path}.length`).toBe(b.length);
    return a.forEach((x, i) => deepClose(x, b[i], `${path}[${i}]`));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) deepClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  if (a !== b) expect(a, path).toEqual(b);
}

export type Cubes = readonly { spec: CubeSpec; rows: readonly Row[] }[];

function fold(cubes: Cubes, filters: Record<string, (string | null)[]>) {
  const get = (id: CubeSpec['id']) => {
    const c = cubes.find((x) => x.spec.id === id);
    if (!c) throw new Error(`no ${id} cube`);
    return toCube(c.spec, c.rows);
  };
  const closed = get('closed');
  const created = get('created');
  const won = get('won');
  const closedKeep = filterMask(closed, filters);
  return {
    closed: scanClosed(closed, closedKeep, 'owner'),
    created: scanCreated(created, filterMask(created, filters), 8),
    totals: scanTotals(won, filterMask(won, filters), closed, closedKeep),
  };
}

export function expectSameFold(duck: Cubes, ch: Cubes, filters: Record<string, (string | null)[]>, label: string): void {
  const d = fold(duck, filters);
  expect(d.closed.length + d.created.length, `${label}: something to fold`).toBeGreaterThan(0);
  deepClose(fold(ch, filters), d, label);
}

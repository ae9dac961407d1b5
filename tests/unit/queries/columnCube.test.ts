// The in-memory cube's building blocks: dictionary coding and the filter mask, where a
// selected null means "blank" and several dimensions combine with AND.
import { describe, expect, it } from 'vitest';
import { filterMask, TextColumnBuilder, type ColumnCube } from '../../../src/queries/columnCube';
import { monthAligned } from '../../../src/features/dashboard/core/cubeFold';

function cube(rows: { owner: string | null; product: string | null }[]): ColumnCube {
  const owner = new TextColumnBuilder(rows.length);
  const product = new TextColumnBuilder(rows.length);
  rows.forEach((r, i) => {
    owner.set(i, r.owner);
    product.set(i, r.product);
  });
  return { n: rows.length, text: { owner: owner.build(), product: product.build() }, num: {} };
}

const rows = [
  { owner: 'Ann', product: 'A' },
  { owner: null, product: 'A' },
  { owner: 'Bob', product: null },
  { owner: 'Ann', product: 'B' },
];

describe('column cube', () => {
  it('codes each distinct value once, null included', () => {
    const col = cube(rows).text['owner'];
    expect(col?.dict).toEqual(['Ann', null, 'Bob']);
    expect([...(col?.codes ?? [])]).toEqual([0, 1, 2, 0]);
  });

  it('keeps every row when nothing filters', () => {
    expect(filterMask(cube(rows), {})).toBeNull();
    expect(filterMask(cube(rows), { owner: [] })).toBeNull();
  });

  it('selects blanks with null and combines dimensions with AND', () => {
    expect([...(filterMask(cube(rows), { owner: ['Ann', null] }) ?? [])]).toEqual([1, 1, 0, 1]);
    expect([...(filterMask(cube(rows), { owner: ['Ann'], product: ['A'] }) ?? [])]).toEqual([1, 0, 0, 0]);
    expect([...(filterMask(cube(rows), { product: [null] }) ?? [])]).toEqual([0, 0, 1, 0]);
    expect([...(filterMask(cube(rows), { owner: ['Nobody'] }) ?? [])]).toEqual([0, 0, 0, 0]);
  });

  it('answers only whole months from the cube', () => {
    expect(monthAligned(null)).toBe(true);
    expect(monthAligned({ start: '2024-04-01', end: '2024-07-01' })).toBe(true);
    expect(monthAligned({ start: '2024-04-10', end: '2024-07-01' })).toBe(false);
    expect(monthAligned({ start: '2024-04-01', end: '2024-06-30' })).toBe(false);
  });
});

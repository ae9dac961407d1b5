// Chart data tables sorted by any column, the sort in the link.
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState } from '../../../src/app/viewState';
import type { Column } from '../../../src/charts/columns';
import { sortRows, tableId } from '../../../src/charts/tableSort';

interface Row {
  name: string;
  amount: number | null;
}
const COLUMNS: Column<Row>[] = [
  { label: 'Name', cell: (r) => r.name },
  { label: 'Amount', cell: (r) => (r.amount === null ? '—' : `$${r.amount}`), numeric: true, value: (r) => r.amount },
];
const ROWS: Row[] = [
  { name: 'b', amount: 9 },
  { name: 'a', amount: null },
  { name: 'c', amount: 10 },
  { name: 'd', amount: 9 },
];

describe('data table sort', () => {
  it('sorts numbers by their raw value (not the text), missing last, ties in drawn order', () => {
    expect(sortRows(ROWS, COLUMNS, { col: 1, desc: true }).map((r) => r.name)).toEqual(['c', 'b', 'd', 'a']);
    expect(sortRows(ROWS, COLUMNS, { col: 1, desc: false }).map((r) => r.name)).toEqual(['b', 'd', 'c', 'a']);
    expect(sortRows(ROWS, COLUMNS, { col: 0, desc: true }).map((r) => r.name)).toEqual(['d', 'c', 'b', 'a']);
    expect(sortRows(ROWS, COLUMNS, { col: 7, desc: true })).toBe(ROWS);
  });

  it('keeps the sort in the link, per table, and drops bad values with a notice', () => {
    const id = tableId('Won amount by close quarter');
    expect(id).toBe('won-amount-by-close-quarter');
    const { state, problems } = readViewState(`#view=dashboard&period=all&ts.${id}=1.desc&ts.x=abc`);
    expect(state.tableSorts).toEqual({ [id]: { col: 1, desc: true } });
    expect(problems).toHaveLength(1);
    expect(writeViewState(state)).toBe(`#view=dashboard&period=all&ts.${id}=1.desc`);
  });
});

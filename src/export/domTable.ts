// Any table on screen as an export table: the header row and the body rows as the user sees
// them. A cell may carry `data-value` with the raw number (exported as a number, unformatted);
// a cell holding an input or a select exports its current value.
import type { CsvValue } from './csv';
import { type MoneyUnit, showsMoney, withUnit } from './currencyUnit';
import type { ExportTable } from './tables';

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

export function cellValue(cell: Element): CsvValue {
  const raw = cell.getAttribute('data-value');
  if (raw !== null) {
    const n = Number(raw);
    return raw.trim() === '' || !Number.isFinite(n) ? null : n;
  }
  const field = cell.querySelector('input, select');
  if (field instanceof HTMLInputElement && field.type === 'checkbox') return field.checked;
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) return field.value;
  return text(cell);
}

/**
 * The header (last row of thead, else the first row) and the body rows of `table`. With `unit`
 * (the currency the page shows amounts in), a column whose raw numbers are shown as money gets
 * the currency in its header (src/export/currencyUnit.ts).
 */
export function tableFromElement(table: HTMLTableElement, unit: MoneyUnit | null = null): ExportTable {
  const headRows = table.tHead ? [...table.tHead.rows] : [];
  const bodyRows = [...table.tBodies].flatMap((b) => [...b.rows]);
  const headRow = headRows.at(-1) ?? bodyRows.shift();
  // Money in the unit: every raw number of the column is shown with the unit's symbol or code.
  const money = (i: number, u: MoneyUnit) => {
    const cells = bodyRows
      .map((row) => row.cells.item(i))
      .filter((c) => c !== null && (c.getAttribute('data-value') ?? '') !== '');
    return cells.length > 0 && cells.every((c) => c !== null && showsMoney(text(c), u));
  };
  const names = headRow ? [...headRow.cells].map(text) : [];
  // A table with a currency column names each row's currency itself (amounts per currency).
  const perRow = names.some((n) => /^currency$/i.test(n));
  const header = names.map((n, i) => (unit && !perRow && money(i, unit) ? withUnit(n, unit) : n));
  const rows = bodyRows.map((row) => [...row.cells].map(cellValue));
  const footRows = table.tFoot ? [...table.tFoot.rows].map((row) => [...row.cells].map(cellValue)) : [];
  return { header, rows: [...rows, ...footRows] };
}

/** The first table in `scope` (or `scope` itself), or null when there is none on screen. */
export function findTable(scope: Element | string | null | undefined): HTMLTableElement | null {
  const el = typeof scope === 'string' ? document.querySelector(scope) : scope;
  return el instanceof HTMLTableElement ? el : (el?.querySelector('table') ?? null);
}

// Rows of cells → CSV text, the one form every reader (XLSX, Parquet, JSON) hands to the
// engine, so all formats share one staging path: read_csv, rejects table, VARCHAR columns.

export type Cell = string | number | boolean | bigint | null | undefined;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + '\n';
}

/** A row of `width` empty cells: the engine stages it as a blank row, which the loader skips. */
export function blankCsvRow(width: number): string {
  // One column: an empty line would not be a row at all, so write an empty quoted field.
  return width <= 1 ? '""\n' : ','.repeat(width - 1) + '\n';
}

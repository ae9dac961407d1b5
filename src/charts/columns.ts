// A column of a chart's data table: a header and how to print one row's cell.
export interface Column<R> {
  readonly label: string;
  readonly cell: (row: R) => string;
  readonly numeric?: boolean;
  /** The raw number behind a formatted cell; exports (CSV, XLSX) write it instead of the text. */
  readonly value?: (row: R) => number | null;
}

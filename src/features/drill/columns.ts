// The drill table's columns: header text, how a cell reads on screen, and the raw value an
// export writes (numbers stay numbers, dates stay ISO text).
import type { DrillColumn, DrillRow } from './contract';
import type { CsvValue } from '../../export/csv';

export const COLUMN_LABELS: Record<DrillColumn, string> = {
  name: 'Deal',
  account: 'Account',
  owner: 'Owner',
  stage: 'Stage',
  status: 'Status',
  amount: 'Amount',
  currency: 'Currency',
  created: 'Created',
  close: 'Close',
  age: 'Age (days)',
  source: 'Lead source',
  file: 'File',
  line: 'Line',
};

export const NUMERIC: ReadonlySet<DrillColumn> = new Set(['amount', 'age', 'line']);

export function rawCell(row: DrillRow, column: DrillColumn): CsvValue {
  return row[column];
}

/** Export header: the canonical column names, so a re-import maps itself. */
export const EXPORT_HEADER: Record<DrillColumn, string> = {
  name: 'name',
  account: 'account_name',
  owner: 'owner',
  stage: 'stage',
  status: 'status',
  amount: 'amount',
  currency: 'currency',
  created: 'created_date',
  close: 'close_date',
  age: 'age_days',
  source: 'lead_source',
  file: 'source_file',
  line: 'source_line',
};

// The assignment as a CSV ready to load back into the CRM: account id, current and new
// territory, through the one CSV writer (text a spreadsheet would run as a formula neutralised).

import { toCsv } from '../../export/csv';

export { csvField as csvCell } from '../../export/csv';

export function assignmentCsv(
  ids: readonly string[],
  current: readonly (string | null)[],
  proposed: readonly (string | null)[],
): string {
  const rows = ids.map((id, i) => [id, current[i] ?? '', proposed[i] ?? '']);
  return toCsv(['account_id', 'current_territory', 'new_territory'], rows);
}

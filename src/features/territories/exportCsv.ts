// The assignment as a CSV ready to load back into the CRM: account id, current and new
// territory. Text cells that a spreadsheet would run as a formula are neutralised.

import { csvField } from '../../export/csv';

export { csvField as csvCell } from '../../export/csv';

export function assignmentCsv(
  ids: readonly string[],
  current: readonly (string | null)[],
  proposed: readonly (string | null)[],
): string {
  const lines = ['account_id,current_territory,new_territory'];
  ids.forEach((id, i) => lines.push([id, current[i] ?? '', proposed[i] ?? ''].map(csvField).join(',')));
  return lines.join('\r\n') + '\r\n';
}

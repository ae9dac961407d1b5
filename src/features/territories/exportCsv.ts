// The assignment as a CSV ready to load back into the CRM: account id, current and new
// territory. Text cells that a spreadsheet would run as a formula are neutralised.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function assignmentCsv(
  ids: readonly string[],
  current: readonly (string | null)[],
  proposed: readonly (string | null)[],
): string {
  const lines = ['account_id,current_territory,new_territory'];
  ids.forEach((id, i) => lines.push([id, current[i] ?? '', proposed[i] ?? ''].map(csvCell).join(',')));
  return lines.join('\r\n') + '\r\n';
}

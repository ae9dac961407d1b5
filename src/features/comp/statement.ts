// Payout statements as CSV: one line per quarter and component for a rep. Text cells that
// a spreadsheet would run as a formula (= + - @, tab, CR) are prefixed with an apostrophe.
import { quarterOf } from './core/periods';
import type { RepRow } from './core/results';

import { csvField } from '../../export/csv';
import type { ExportData } from '../../export/tables';

export { csvField as csvCell } from '../../export/csv';

const dollars = (cents: number) => (cents / 100).toFixed(2);

export const STATEMENT_HEADER = [
  'rep',
  'team',
  'role',
  'quarter',
  'quota',
  'bookings',
  'attainment',
  'base',
  'commission',
  'capped_off',
  'spif',
  'clawback',
  'recovered',
  'draw_top_up',
  'variable_paid',
  'total_paid',
  'balance_owed',
];

export function statementLines(rows: readonly RepRow[], fiscalStartMonth = 1): string[][] {
  return rows.map((r) => [
    r.rep,
    r.team ?? '',
    r.role,
    quarterOf(r.period, fiscalStartMonth).key,
    r.quotaCents === null ? '' : dollars(r.quotaCents),
    dollars(r.bookingsCents),
    r.attainment === null ? '' : r.attainment.toFixed(4),
    dollars(r.baseCents),
    dollars(r.commissionCents),
    dollars(r.cappedOffCents),
    dollars(r.spifCents),
    dollars(-r.clawbackCents),
    dollars(-r.recoveredCents),
    dollars(r.drawTopUpCents),
    dollars(r.variableCents),
    dollars(r.payoutCents),
    dollars(r.balanceCents),
  ]);
}

/** Numbers are written by us (plain decimals); only names go through the formula guard. */
export function statementCsv(rows: readonly RepRow[], fiscalStartMonth = 1): string {
  const numeric = new Set(STATEMENT_HEADER.slice(4));
  const lines = statementLines(rows, fiscalStartMonth).map((cells) =>
    cells.map((c, i) => (numeric.has(STATEMENT_HEADER[i] ?? '') ? c : csvField(c))).join(','),
  );
  return `${[STATEMENT_HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}

/**
 * Statements as an export table: the CSV through the writer above (our own decimal text), the
 * workbook's amounts as numbers (a blank quota or attainment stays blank, never 0).
 */
export function statementTable(rows: readonly RepRow[], fiscalStartMonth = 1): ExportData {
  const numeric = new Set(STATEMENT_HEADER.slice(4));
  const cells = statementLines(rows, fiscalStartMonth).map((line) =>
    line.map((c, i) => (numeric.has(STATEMENT_HEADER[i] ?? '') && c !== '' ? Number(c) : c === '' ? null : c)),
  );
  return { header: STATEMENT_HEADER, rows: cells, csv: statementCsv(rows, fiscalStartMonth) };
}

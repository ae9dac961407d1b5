// Header names compared the way people write them: "Close Date", "CloseDate" and
// "close_date" are the same column.
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A currency unit at the end of a header (`Deal Value (INR)`, `amount (EUR)` as our own exports
 * write it, `Betrag [€]`): the header names the column without it.
 */
const UNIT = /\s*[([]\s*(?:[A-Z]{3}|[€$£¥₹]|R\$|US\$|Fr\.)\s*[)\]]\s*$/u;

/** Finds the actual header for a normalized name, if the file has it (also with a currency unit after it). */
export function findHeader(headers: readonly string[], normalized: string): string | undefined {
  return (
    headers.find((h) => normalizeHeader(h) === normalized) ??
    headers.find((h) => UNIT.test(h) && normalizeHeader(h.replace(UNIT, '')) === normalized)
  );
}

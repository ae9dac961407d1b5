// Header names compared the way people write them: "Close Date", "CloseDate" and
// "close_date" are the same column.
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Finds the actual header for a normalized name, if the file has it. */
export function findHeader(headers: readonly string[], normalized: string): string | undefined {
  return headers.find((h) => normalizeHeader(h) === normalized);
}

// RFC 4180 output helpers: comma separated, `\n` line ends, a field quoted only when it
// contains a comma, a quote or a line break (company names like "Apex, Inc." do).

const NEEDS_QUOTES = /[",\n\r]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One CSV line, terminated; every field is checked for quoting. The million-row tables build
 * their lines directly and pass only free text (names) through csvField: ids, dates, numbers
 * and the fixed vocabularies of catalog.ts never contain a comma, quote or line break.
 */
export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) line += ',';
    line += csvField(fields[i] ?? '');
  }
  return line + '\n';
}

/** Money as plain `1234.50`: two decimals, dot, no thousands separator. */
export function money(amount: number): string {
  return amount.toFixed(2);
}

// Deal amounts repeat a lot (multiples of $50), so their text is memoised up to $5M.
const WHOLE_MONEY_MEMO: string[] = new Array<string>(5_000_000 / 50 + 1).fill('');

/** Money for whole-dollar amounts (the hot path: deal amounts are multiples of $50). */
export function wholeMoney(dollars: number): string {
  const k = dollars / 50;
  if (!Number.isInteger(k) || k < 0 || k >= WHOLE_MONEY_MEMO.length) return dollars.toFixed(2);
  const memo = WHOLE_MONEY_MEMO[k] ?? '';
  if (memo !== '') return memo;
  const text = `${dollars}.00`;
  WHOLE_MONEY_MEMO[k] = text;
  return text;
}

const ZEROS = '0000000000';

/** `OPP-0000042`-style identifiers: a prefix and a 1-based, zero-padded number. */
export function padId(prefix: string, oneBased: number, width: number): string {
  const digits = `${oneBased}`;
  return digits.length >= width ? `${prefix}-${digits}` : `${prefix}-${ZEROS.slice(0, width - digits.length)}${digits}`;
}

/**
 * A table as "record i → its CSV text" (one line, or several for stage history and quotas).
 * Records are pulled in a plain loop: a generator resumed once per row would cost about as
 * much as deriving the row itself.
 */
export interface RowSource {
  readonly count: number;
  text(i: number): string;
}

/**
 * Concatenates records into chunks of `perChunk` records, so consumers (a worker feeding
 * DuckDB, a test) handle ~1,000 rows per message instead of one string per row.
 */
export function* chunks(source: RowSource, perChunk = 1000): Generator<string> {
  for (let start = 0; start < source.count; start += perChunk) {
    const end = Math.min(source.count, start + perChunk);
    let buffer = '';
    for (let i = start; i < end; i++) buffer += source.text(i);
    yield buffer;
  }
}

// The fast path of the load (docs/architecture.md, "Load path"): a column whose decided format
// is exactly what DuckDB's own cast parses is read with that cast first, and only the values it
// does not accept go through the general conversion of values.ts — which then converts them
// or leaves them NULL, so the loader rejects the row with its reason. The fast cast never gives
// a value the general conversion would not: both read the same text the same way.
import type { ValueKind } from '../canonical/schema';
import { DATE_RANGE, type ColumnDecisions } from './values';

/** The decision fields this file knows, with the only values under which the fast cast is exact. */
const PLAIN: Readonly<Record<string, (v: unknown) => boolean>> = {
  dateFormat: (v) => v === undefined || v === 'iso',
  decimalComma: (v) => v === undefined || v === false,
  percent: (v) => v === undefined || v === false,
  // Grouping with a decimal point: a grouped value ("1,234.50") fails the cast and takes the
  // general path; an ungrouped one reads the same either way.
  grouping: (v) => v === undefined || v === 'thousands' || v === 'indian',
  // Without units a value is read at its face (`12 Mio` fails the cast and is rejected by the general path).
  units: (v) => v === undefined || v === false,
  // Words for the user only; they change no reading.
  reason: () => true,
};

/**
 * Can this decided column format be read typed? Only ISO dates and plain numbers with a
 * decimal point (no decimal comma, no percent scaling, no units). A decision carrying any field not
 * listed in PLAIN (units, a two-digit-year pivot, a choice still open…) takes
 * the general path: the fast cast is only ever used where it cannot read a value differently.
 * The single place that says so: the lead rewires it onto the column's decision object.
 */
export function readsTyped(kind: ValueKind, d: ColumnDecisions): boolean {
  const plain = Object.entries(d).every(([key, value]) => PLAIN[key]?.(value) ?? false);
  if (!plain) return false;
  // A fraction without percent scaling is a plain number (values.ts strips a `%` the cast refuses anyway).
  return kind === 'date' || kind === 'money' || kind === 'number' || kind === 'integer' || kind === 'fraction';
}

/**
 * Dates keep the plausibility range of values.ts (1900–2100) on the fast path too: a cast
 * alone would load `0024-03-01` in the first century.
 *
 * `general` (values.ts's conversion of `raw`) behind DuckDB's cast of the untrimmed text, when
 * the decided format allows it. The cast goes through the type the general conversion reads
 * first — DATE for an ISO date (the general path reads a TIMESTAMP and keeps its day),
 * DECIMAL(18,6) for numbers, then rounded as values.ts rounds — so a value both accept
 * converts to the same date or number; `general` is evaluated only where the cast failed.
 * Written as one CASE whose test is the cast itself (not COALESCE, which computed `general` for
 * every row, nor CASE over the finished value, which cast twice more).
 */
export function typedFirst(raw: string, kind: ValueKind, d: ColumnDecisions, general: string): string {
  if (!readsTyped(kind, d)) return general;
  if (kind === 'date') {
    // plausibleDate(cast) is non-NULL exactly when the cast lies in the range.
    const date = `TRY_CAST(${raw} AS DATE)`;
    return `(CASE WHEN ${date} BETWEEN DATE '${DATE_RANGE[0]}' AND DATE '${DATE_RANGE[1]}' THEN ${date} ELSE ${general} END)`;
  }
  const dec = `TRY_CAST(${raw} AS DECIMAL(18,6))`;
  // DECIMAL(18,6) → (18,2), ROUND → BIGINT and → DOUBLE never fail, so the test is the cast's.
  const value =
    kind === 'money'
      ? `CAST(${dec} AS DECIMAL(18,2))`
      : kind === 'integer'
        ? `CAST(ROUND(${dec}) AS BIGINT)`
        : `CAST(${dec} AS DOUBLE)`;
  return `(CASE WHEN ${dec} IS NOT NULL THEN ${value} ELSE ${general} END)`;
}

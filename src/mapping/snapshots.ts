// Two snapshots of one deals export dropped together (docs/movement.md, "Two snapshots"): which
// files form the pair, each one's "as of" date and where it was read from, and the SQL that
// keeps the earlier snapshot as history instead of as deals. Never guessed from row order: a
// date the files do not state is asked on the mapping screen.
import { quoteIdent } from '../platform/sql/sql';
import type { SqlQuery } from '../platform/sql/sql';
import type { ImportPlan, SnapshotPlan, TableMapping } from './types';

/** Headers that name a snapshot's date: one value for the whole file. */
const AS_OF_HEADER =
  /^(snapshot([ _-]?date)?|as[ _-]?of([ _-]?date)?|report(ing)?[ _-]?date|export(ed)?[ _-]?(date|at|on)|stichtag)$/i;

export const SNAPSHOT_TABLE = 'deal_snapshots';

/** Where a snapshot's date came from: a column of one value, the file name, or the user. */
export type AsOfSource = 'column' | 'file name' | 'you';

export interface SnapshotGuess {
  readonly fileId: string;
  readonly fileName: string;
  /** ISO day, or null when the file does not say (the mapping screen asks). */
  readonly asOf: string | null;
  readonly source: AsOfSource | null;
  /** The header of the as-of column it was read from. */
  readonly column?: string;
}

export function isAsOfHeader(header: string): boolean {
  return AS_OF_HEADER.test(header.trim());
}

/** A real calendar day from year, month and day text, else null. */
function isoDay(y: string, m: string, d: string): string | null {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const iso = `${y}-${m}-${d}`;
  return Number(y) >= 1900 && Number(y) <= 2100 && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** `deals-2026-09-23.csv`, `Opps_20260923.xlsx`, `export 2026.09.23.csv` → 2026-09-23; else null. */
export function asOfFromFileName(name: string): string | null {
  const found = /(?:^|\D)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?:\D|$)/.exec(name);
  return found?.[1] && found[3] && found[4] ? isoDay(found[1], found[3], found[4]) : null;
}

/** An as-of column's single value read as an ISO day (a time after it is cut); other forms are not guessed. */
export function asOfFromValue(value: string): string | null {
  const found = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+Z?)?$/.exec(value.trim());
  return found?.[1] && found[2] && found[3] ? isoDay(found[1], found[2], found[3]) : null;
}

/**
 * Two deals mappings read the same columns for the same fields: the same export, taken twice.
 * The status rule counts by its columns only: which stage values a file holds (and so which
 * mean won or lost) differs between two weeks of one export.
 */
export function sameMapping(a: TableMapping, b: TableMapping): boolean {
  const rule = (m: TableMapping) =>
    !m.status
      ? null
      : m.status.kind === 'flags'
        ? [m.status.kind, m.status.isWon, m.status.isClosed]
        : [m.status.kind, m.status.column];
  const key = (m: TableMapping) => JSON.stringify([Object.entries(m.columns).sort(([x], [y]) => x.localeCompare(y)), rule(m)]);
  return a.table === 'opportunities' && b.table === 'opportunities' && key(a) === key(b);
}

/** The pair in date order when both dates are known and differ; else null (ask). */
export function pairOf(guesses: readonly SnapshotGuess[]): SnapshotPlan | null {
  const [a, b] = guesses;
  if (guesses.length !== 2 || !a?.asOf || !b?.asOf || a.asOf === b.asOf) return null;
  const [earlier, later] = a.asOf < b.asOf ? [a, b] : [b, a];
  return {
    earlier: { fileId: earlier.fileId, asOf: earlier.asOf ?? '' },
    later: { fileId: later.fileId, asOf: later.asOf ?? '' },
  };
}

/** What keeps a snapshot pair from loading (empty = fine). */
export function snapshotProblems(plan: ImportPlan, names: Readonly<Record<string, string>>): string[] {
  const s = plan.snapshots;
  if (!s) return [];
  const deals = (id: string) => plan.mappings.find((m) => m.fileId === id)?.table === 'opportunities';
  const out: string[] = [];
  if (!deals(s.earlier.fileId) || !deals(s.later.fileId)) out.push('Both snapshots must be loaded as opportunities (deals).');
  if (!asOfFromValue(s.earlier.asOf) || !asOfFromValue(s.later.asOf)) out.push('Say the "as of" date of each snapshot.');
  else if (!(s.earlier.asOf < s.later.asOf))
    out.push('The two snapshots need two different "as of" dates, the earlier one first.');
  if (names[s.earlier.fileId] !== undefined && names[s.earlier.fileId] === names[s.later.fileId])
    out.push('The two snapshots have the same file name: rename one so that each deal keeps the file it came from.');
  return out;
}

/**
 * One row per deal per snapshot: the state movement compares (docs/movement.md). Emptied with
 * every import; `ifMissing` creates it only where data was loaded some other way (the bench
 * writes the canonical tables itself), so reading it never fails.
 */
export function createSnapshotsSql(ifMissing = false): SqlQuery {
  const create = ifMissing ? 'CREATE TABLE IF NOT EXISTS' : 'CREATE OR REPLACE TABLE';
  return {
    sql: `${create} ${quoteIdent(SNAPSHOT_TABLE)} (opportunity_id VARCHAR NOT NULL, as_of DATE NOT NULL,
      status VARCHAR, stage VARCHAR, amount DECIMAL(18, 2), currency VARCHAR, close_date DATE,
      source_file VARCHAR NOT NULL, source_line BIGINT NOT NULL)`,
    params: [],
  };
}

/** Copies one loaded file's deals into the snapshots at its date (before enrichment changes an amount). */
export function copySnapshotSql(fileName: string, asOf: string): SqlQuery {
  return {
    sql: `INSERT INTO ${quoteIdent(SNAPSHOT_TABLE)} SELECT opportunity_id, ?::DATE, status, stage, amount, currency, close_date,
      source_file, source_line FROM opportunities WHERE source_file = ?`,
    params: [asOf, fileName],
  };
}

/** The earlier snapshot is history, not deals: out of the deals table, so no deal counts twice. */
export function removeEarlierSql(fileName: string): SqlQuery {
  return { sql: 'DELETE FROM opportunities WHERE source_file = ?', params: [fileName] };
}

/** The two snapshots loaded, in date order, with their files (none when no pair was loaded). */
export function snapshotFilesSql(): SqlQuery {
  return {
    sql: `SELECT strftime(as_of, '%Y-%m-%d') AS as_of, min(source_file) AS file, count(*)::INTEGER AS n
      FROM ${quoteIdent(SNAPSHOT_TABLE)} GROUP BY as_of ORDER BY as_of`,
    params: [],
  };
}

/** The later snapshot's date, null without snapshots: the day the deals on screen were exported. */
export function laterAsOfSql(): SqlQuery {
  return { sql: `SELECT strftime(max(as_of), '%Y-%m-%d') AS as_of FROM ${quoteIdent(SNAPSHOT_TABLE)}`, params: [] };
}

/**
 * The reference date with snapshots loaded (docs/spec.md §2): the later snapshot's "as of" —
 * the day its export states — unless the data holds a later date.
 */
export function referenceWithSnapshot(latestInData: string | null, laterAsOf: string | null): string | null {
  if (laterAsOf === null) return latestInData;
  return latestInData !== null && latestInData > laterAsOf ? latestInData : laterAsOf;
}

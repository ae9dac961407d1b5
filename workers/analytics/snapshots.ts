// Two snapshots of one deals export dropped together (docs/movement.md, "Two snapshots"): found
// at proposal time, loaded at import time — the later as the deals, the earlier as history.
import type { ImportResult, StagedFile } from '../../src/engine-api/types';
import { sharedValuesQuery } from '../../src/mapping/contentProfile';
import {
  asOfFromFileName,
  asOfFromValue,
  copySnapshotSql,
  isAsOfHeader,
  removeEarlierSql,
  sameMapping,
  type SnapshotGuess,
} from '../../src/mapping/snapshots';
import type { ImportPlan, TableMapping } from '../../src/mapping/types';
import { distinctValuesSql, stagingNames } from '../../src/staging/stageSql';
import type { AnalyticsContext } from './context';

/** Two files are snapshots of one export when at least this share of the smaller one's ids is in both. */
const SHARED_IDS = 0.5;

/**
 * The two deals files of a drop that read the same columns the same way and share most ids,
 * each with its as-of date (null: not stated, to be asked); none when the drop has no such pair.
 * A split export (the same columns, other ids) is not a pair: its files are loaded together.
 */
export function findSnapshots(
  ctx: AnalyticsContext,
  files: readonly StagedFile[],
  mappings: readonly TableMapping[],
): SnapshotGuess[] {
  const deals = mappings.filter((m) => m.table === 'opportunities');
  const [a, b] = deals;
  if (deals.length !== 2 || !a || !b || !sameMapping(a, b)) return [];
  const id = a.columns['opportunity_id']?.source;
  if (!id) return [];
  const fa = files.find((f) => f.fileId === a.fileId);
  const fb = files.find((f) => f.fileId === b.fileId);
  if (!fa || !fb) return [];
  // One file dropped twice is no history: the engine refuses a pair with one name, and the
  // data quality's repeated ids say what a second copy does (docs/movement.md).
  if (fa.fileName === fb.fileName) return [];
  const q = sharedValuesQuery(
    { table: stagingNames(fa.fileId).table, column: id },
    { table: stagingNames(fb.fileId).table, column: id },
  );
  const shared = ctx.sql.one<{ shared: number }>(q).shared;
  if (shared < SHARED_IDS * Math.min(fa.rowsStaged, fb.rowsStaged) || shared === 0) return [];
  return [guess(ctx, fa), guess(ctx, fb)];
}

/** A column of one date for the whole file wins; else a date in the file name; else unknown. */
function guess(ctx: AnalyticsContext, file: StagedFile): SnapshotGuess {
  for (const column of file.columns.filter((c) => isAsOfHeader(c.name))) {
    const values = ctx.sql.rows<{ value: string }>(distinctValuesSql(stagingNames(file.fileId).table, column.name, 2));
    const only = values.length === 1 && values[0] ? asOfFromValue(values[0].value) : null;
    if (only) return { fileId: file.fileId, fileName: file.fileName, asOf: only, source: 'column', column: column.name };
  }
  const named = asOfFromFileName(file.fileName);
  return { fileId: file.fileId, fileName: file.fileName, asOf: named, source: named ? 'file name' : null };
}

/**
 * After the files are loaded: both snapshots' deals are kept at their dates, and the earlier
 * one's rows leave the deals table. Its reconciliation is unchanged (its rows were loaded, as
 * history); the notes and the result say which file the dashboard shows.
 */
export function keepSnapshots(
  ctx: AnalyticsContext,
  plan: ImportPlan,
  names: Readonly<Record<string, string>>,
): Pick<ImportResult, 'notes' | 'snapshots'> {
  const s = plan.snapshots;
  if (!s) return { notes: [] };
  const earlier = { fileName: names[s.earlier.fileId] ?? s.earlier.fileId, asOf: s.earlier.asOf };
  const later = { fileName: names[s.later.fileId] ?? s.later.fileId, asOf: s.later.asOf };
  ctx.sql.run(copySnapshotSql(earlier.fileName, earlier.asOf));
  ctx.sql.run(copySnapshotSql(later.fileName, later.asOf));
  ctx.sql.run(removeEarlierSql(earlier.fileName));
  return {
    notes: [
      `${earlier.fileName} and ${later.fileName} are two snapshots of one export (as of ${earlier.asOf} and ${later.asOf}): the dashboard shows ${later.fileName}; ${earlier.fileName} is kept as history for the pipeline's movement, so no deal counts twice.`,
    ],
    snapshots: { earlier, later },
  };
}

// Staged files → an import plan: recognize each file's layout, read the stage values
// that mean won/lost when no preset says, and decide per-column formats by profiling
// (profileColumns.ts; a column no evidence settles becomes a question).
import type { ImportProposal, ImportQuestion, StagedFile } from '../../src/engine-api/types';
import { withoutRepeatedColumns } from '../../src/mapping/duplicates';
import { recognizeFiles, type Recognition } from '../../src/mapping/joins';
import { fileProfileFromRow, profileColumnsQuery, sharedValuesQuery, type FileProfile } from '../../src/mapping/contentProfile';
import { idCandidates, joins, recognizeByContent, type SharedValues } from '../../src/mapping/contentRecognize';
import { settleStageValues } from '../../src/mapping/recognize';
import type { TableMapping } from '../../src/mapping/types';
import { distinctValuesSql, stagingNames } from '../../src/staging/stageSql';
import type { AnalyticsContext } from './context';
import { profileMapping } from './profileColumns';
import { findSnapshots } from './snapshots';
import { pairOf } from '../../src/mapping/snapshots';

const MAX_STAGE_VALUES = 50;
const OPEN_QUESTION_CONFIDENCE = 0.95;

export function proposeImport(ctx: AnalyticsContext, files: readonly StagedFile[]): ImportProposal {
  const questions: ImportQuestion[] = [];
  const described: StagedFile[] = [];
  const mappings: TableMapping[] = [];
  const recognition = withContent(
    ctx,
    files,
    recognizeFiles(files.map((f) => ({ fileId: f.fileId, columns: f.columns.map((c) => c.name) }))),
  );
  for (const [i, file] of files.entries()) {
    const found = recognition.mappings[i];
    if (!found) continue;
    const recognized = withoutRepeatedColumns(found, file.reading?.repeatedHeaders ?? []);
    const stageValues = recognized.status?.kind === 'stage' ? readStageValues(ctx, file.fileId, recognized.status.column) : [];
    const mapping = settleStageValues(recognized, stageValues);
    const profiled = profileMapping(ctx, mapping);
    questions.push(...profiled.questions);
    // A layout recognized for certain is not 100 % while one of its columns reads two ways.
    const open = profiled.questions.length > 0 && profiled.mapping.confidence === 1;
    mappings.push(open ? { ...profiled.mapping, confidence: OPEN_QUESTION_CONFIDENCE } : profiled.mapping);
    described.push({ ...file, stageValues });
  }
  // Two snapshots of one export: a date the files do not state is asked, never guessed.
  const snapshots = findSnapshots(ctx, files, mappings);
  const pair = pairOf(snapshots);
  const needsReview = questions.length > 0 || mappings.some((m) => m.confidence < 1) || (snapshots.length > 0 && !pair);
  return {
    files: described,
    plan: { mappings, ...(pair ? { snapshots: pair } : {}) },
    needsReview,
    questions,
    joins: recognition.joins,
    ...(snapshots.length > 0 ? { snapshots } : {}),
  };
}

function readStageValues(ctx: AnalyticsContext, fileId: string, column: string): string[] {
  const rows = ctx.sql.rows<{ value: string }>(distinctValuesSql(stagingNames(fileId).table, column, MAX_STAGE_VALUES));
  return rows.map((r) => r.value);
}

/** At most this many id-column pairs are compared across files (each is one join of distinct values). */
const MAX_PAIRS = 24;

/** Header recognition amended by the files' contents (src/mapping/contentRecognize.ts), for files it was not sure of. */
function withContent(ctx: AnalyticsContext, files: readonly StagedFile[], byHeaders: Recognition): Recognition {
  if (byHeaders.mappings.every((m) => m.confidence >= 1)) return byHeaders;
  // Files recognized for certain are never changed, so their values are not read.
  const unsure = new Set(byHeaders.mappings.filter((m) => m.confidence < 1).map((m) => m.fileId));
  const profiles: FileProfile[] = files
    .filter((f) => unsure.has(f.fileId))
    .map((f) => {
      const names = f.columns.map((c) => c.name);
      return fileProfileFromRow(f.fileId, names, ctx.sql.one(profileColumnsQuery(stagingNames(f.fileId).table, names)));
    });
  const shares: SharedValues[] = [];
  let compared = 0;
  for (const [i, a] of profiles.entries()) {
    for (const b of profiles.slice(i + 1)) {
      for (const ca of idCandidates(a)) {
        for (const cb of idCandidates(b)) {
          if (++compared > MAX_PAIRS) break;
          const q = sharedValuesQuery(
            { table: stagingNames(a.fileId).table, column: ca.name },
            { table: stagingNames(b.fileId).table, column: cb.name },
          );
          const s = {
            a: { fileId: a.fileId, column: ca.name },
            b: { fileId: b.fileId, column: cb.name },
            shared: ctx.sql.one<{ shared: number }>(q).shared,
          };
          if (joins(s, ca, cb)) shares.push(s);
        }
      }
    }
  }
  const content = recognizeByContent(byHeaders.mappings, profiles, shares);
  if (content.joins.length === 0) return { mappings: content.mappings, joins: byHeaders.joins };
  // The content join replaces the header guess about leads and deals.
  const others = byHeaders.joins.filter((j) => j.from.table !== 'leads' && j.to.table !== 'leads');
  return { mappings: content.mappings, joins: [...others, ...content.joins] };
}

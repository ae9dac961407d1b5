// Staged files → an import plan: recognize each file's layout, read the stage values
// that mean won/lost when no preset says, and decide per-column formats by profiling
// (profileColumns.ts; a column no evidence settles becomes a question).
import type { ImportProposal, ImportQuestion, StagedFile } from '../../src/engine-api/types';
import { recognizeFiles } from '../../src/mapping/joins';
import { settleStageValues } from '../../src/mapping/recognize';
import type { TableMapping } from '../../src/mapping/types';
import { distinctValuesSql, stagingNames } from '../../src/staging/stageSql';
import type { AnalyticsContext } from './context';
import { profileMapping } from './profileColumns';

const MAX_STAGE_VALUES = 50;
const OPEN_QUESTION_CONFIDENCE = 0.95;

export function proposeImport(ctx: AnalyticsContext, files: readonly StagedFile[]): ImportProposal {
  const questions: ImportQuestion[] = [];
  const described: StagedFile[] = [];
  const mappings: TableMapping[] = [];
  const recognition = recognizeFiles(files.map((f) => ({ fileId: f.fileId, columns: f.columns.map((c) => c.name) })));
  for (const [i, file] of files.entries()) {
    const recognized = recognition.mappings[i];
    if (!recognized) continue;
    const stageValues = recognized.status?.kind === 'stage' ? readStageValues(ctx, file.fileId, recognized.status.column) : [];
    const mapping = settleStageValues(recognized, stageValues);
    const profiled = profileMapping(ctx, mapping);
    questions.push(...profiled.questions);
    // A layout recognized for certain is not 100 % while one of its columns reads two ways.
    const open = profiled.questions.length > 0 && profiled.mapping.confidence === 1;
    mappings.push(open ? { ...profiled.mapping, confidence: OPEN_QUESTION_CONFIDENCE } : profiled.mapping);
    described.push({ ...file, stageValues });
  }
  const needsReview = questions.length > 0 || mappings.some((m) => m.confidence < 1);
  return { files: described, plan: { mappings }, needsReview, questions, joins: recognition.joins };
}

function readStageValues(ctx: AnalyticsContext, fileId: string, column: string): string[] {
  const rows = ctx.sql.rows<{ value: string }>(distinctValuesSql(stagingNames(fileId).table, column, MAX_STAGE_VALUES));
  return rows.map((r) => r.value);
}

// Staged files → an import plan: recognize each file's layout, read the stage values
// that mean won/lost when no preset says, and decide per-column formats by profiling.
import type { ImportProposal, ImportQuestion, StagedFile } from '../../src/engine-api/types';
import { targetColumns } from '../../src/mapping/targets';
import {
  type DateDecision,
  decideDateFormat,
  decideDecimalComma,
  decidePercent,
  dateProbeFromRow,
  dateProbeQuery,
  numberProbeFromRow,
  numberProbeQuery,
} from '../../src/mapping/profile';
import { withoutRepeatedColumns } from '../../src/mapping/duplicates';
import { recognizeFiles } from '../../src/mapping/joins';
import { settleStageValues } from '../../src/mapping/recognize';
import type { TableMapping, TargetTable } from '../../src/mapping/types';
import type { ColumnDef } from '../../src/canonical/schema';
import type { ColumnDecisions } from '../../src/mapping/values';
import { distinctValuesSql, stagingNames } from '../../src/staging/stageSql';
import type { AnalyticsContext } from './context';

const MAX_STAGE_VALUES = 50;

export function proposeImport(ctx: AnalyticsContext, files: readonly StagedFile[]): ImportProposal {
  const questions: ImportQuestion[] = [];
  const described: StagedFile[] = [];
  const mappings: TableMapping[] = [];
  const recognition = recognizeFiles(files.map((f) => ({ fileId: f.fileId, columns: f.columns.map((c) => c.name) })));
  for (const [i, file] of files.entries()) {
    const found = recognition.mappings[i];
    if (!found) continue;
    const recognized = withoutRepeatedColumns(found, file.reading?.repeatedHeaders ?? []);
    const stageValues = recognized.status?.kind === 'stage' ? readStageValues(ctx, file.fileId, recognized.status.column) : [];
    const mapping = settleStageValues(recognized, stageValues);
    const profiled = profileMapping(ctx, mapping);
    questions.push(...profiled.questions);
    mappings.push(profiled.mapping);
    described.push({ ...file, stageValues });
  }
  const needsReview = questions.length > 0 || mappings.some((m) => m.confidence < 1);
  return { files: described, plan: { mappings }, needsReview, questions, joins: recognition.joins };
}

function readStageValues(ctx: AnalyticsContext, fileId: string, column: string): string[] {
  const rows = ctx.sql.rows<{ value: string }>(distinctValuesSql(stagingNames(fileId).table, column, MAX_STAGE_VALUES));
  return rows.map((r) => r.value);
}

function decideDate(ctx: AnalyticsContext, table: string, column: string): DateDecision {
  // Most exports use ISO dates: one cheap probe settles them before trying every format.
  const iso = dateProbeFromRow(ctx.sql.one(dateProbeQuery(table, column, ['iso'])), ['iso']);
  if (iso.parsed['iso'] === iso.nonBlank) return { kind: 'format', format: 'iso' };
  return decideDateFormat(dateProbeFromRow(ctx.sql.one(dateProbeQuery(table, column))));
}

/** Fills in per-column decisions the mapping lacks; ambiguous dates become questions. */
export function profileMapping(
  ctx: AnalyticsContext,
  mapping: TableMapping,
): { mapping: TableMapping; questions: ImportQuestion[] } {
  if (mapping.table === 'ignore') return { mapping, questions: [] };
  const table = stagingNames(mapping.fileId).table;
  const decisions: Record<string, ColumnDecisions> = { ...mapping.decisions };
  const questions: ImportQuestion[] = [];
  for (const [col, source] of profiledSources(mapping, mapping.table)) {
    if (decisions[source] || col.kind === 'text') continue;
    if (col.kind === 'date') {
      const decision = decideDate(ctx, table, source);
      if (decision.kind === 'ambiguous') {
        questions.push({
          fileId: mapping.fileId,
          column: source,
          message: `Every date in "${source}" (e.g. ${decision.example ?? '?'}) reads both month-first and day-first. Which is it?`,
          choices: decision.formats,
        });
      }
      decisions[source] = {
        dateFormat:
          decision.kind === 'format'
            ? decision.format
            : decision.kind === 'ambiguous'
              ? (decision.formats[0] ?? 'iso')
              : decision.best,
      };
    } else if (col.kind !== 'boolean') {
      const probe = numberProbeFromRow(ctx.sql.one(numberProbeQuery(table, source)));
      decisions[source] = { decimalComma: decideDecimalComma(probe), percent: col.kind === 'fraction' && decidePercent(probe) };
    }
  }
  return { mapping: { ...mapping, decisions }, questions };
}

/** Each mapped source column with the column it feeds; a fallback (expected close date) is profiled like its source. */
function profiledSources(mapping: TableMapping, table: TargetTable): [ColumnDef, string][] {
  return targetColumns(table).flatMap((col) => {
    const mapped = mapping.columns[col.name];
    return [mapped?.source, mapped?.fallback].filter((s) => s !== undefined).map((s): [ColumnDef, string] => [col, s]);
  });
}

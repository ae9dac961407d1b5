// Staging → canonical tables, per the plan. Each file reconciles:
// rows read = loaded + rejected + skipped, or the import fails loudly.
import { CANONICAL_TABLES, createLeadAttributesSql, createRejectsSql, createTableSql } from '../../src/canonical/schema';
import type { FileReconciliation, ImportResult, RejectedRow } from '../../src/engine-api/types';
import { OWN_ID, usesContentId } from '../../src/mapping/contentId';
import { currencyMarkSql } from '../../src/mapping/currencyMarks';
import { stagedWithLines } from '../../src/staging/lineMapSql';
import { countImputedSql, imputeOpenAmountsSql } from '../../src/mapping/enrichSql';
import { loadStatements, type StagedSource } from '../../src/mapping/loadSql';
import { leadAttributesInsert } from '../../src/mapping/leadAttributesSql';
import { userStageOrderSql } from '../../src/queries/fact';
import { createProductsSql } from '../../src/mapping/targets';
import type { ImportPlan, TableMapping, TargetTable } from '../../src/mapping/types';
import { planProblems } from '../../src/mapping/validate';
import { quoteIdent } from '../../src/platform/sql/sql';
import { parserRejectsSql, stagingNames } from '../../src/staging/stageSql';
import type { AnalyticsContext, StagedEntry } from './context';
import { decisionNotes } from '../../src/mapping/decisionNotes';
import { profileMapping } from './profileColumns';
import { dropStaged } from './stageFiles';
import { keepSnapshots } from './snapshots';
import { createSnapshotsSql, snapshotProblems } from '../../src/mapping/snapshots';

const REJECTS_SHOWN = 100;

export function applyImport(ctx: AnalyticsContext, plan: ImportPlan): ImportResult {
  const names = Object.fromEntries([...ctx.staged.values()].map((e) => [e.info.fileId, e.info.fileName]));
  const problems = [...planProblems(plan, names), ...snapshotProblems(plan, names)];
  if (problems.length > 0) throw new Error(`The mapping is not complete:\n${problems.join('\n')}`);
  // Every column is decided before anything is replaced: an open question stops the load.
  const profiled = plan.mappings.map((mapping) => {
    if (!ctx.staged.has(mapping.fileId)) throw new Error(`File ${mapping.fileId} is no longer staged; drop it again.`);
    const { mapping: decided, questions } = profileMapping(ctx, mapping);
    const open = questions.map(
      (q) => `${names[q.fileId] ?? q.fileId}: "${q.column}" reads two ways; choose how on the mapping screen.`,
    );
    if (open.length > 0) throw new Error(`The mapping is not complete:\n${open.join('\n')}`);
    return decided;
  });
  resetTables(ctx);
  const files: FileReconciliation[] = [];
  for (const mapping of profiled) {
    const entry = ctx.staged.get(mapping.fileId);
    if (!entry) throw new Error(`File ${mapping.fileId} is no longer staged; drop it again.`);
    files.push(mapping.table === 'ignore' ? ignored(entry) : loadFile(ctx, { ...mapping, table: mapping.table }, entry));
  }
  // Before enrichment values a blank amount: a snapshot keeps the amounts its file had.
  const pair = keepSnapshots(ctx, plan, names);
  const later = plan.mappings.find((m) => m.fileId === plan.snapshots?.later.fileId);
  const deals = later ?? plan.mappings.find((m) => m.table === 'opportunities');
  ctx.sql.run(userStageOrderSql(deals?.stageOrder ?? []));
  // What the readers noticed (mixed encodings, repeated header names) stays visible after the load.
  const readingNotes = [...ctx.staged.values()].flatMap((e) => e.info.reading?.notes ?? []);
  const notes = [
    ...readingNotes,
    ...profiled.flatMap((m) => decisionNotes(m, names[m.fileId] ?? m.fileId)),
    ...contentIdNotes(ctx, plan, names),
    ...pair.notes,
    ...enrich(ctx),
  ];
  for (const fileId of [...ctx.staged.keys()]) dropStaged(ctx, fileId);
  return { files, notes, ...(pair.snapshots ? { snapshots: pair.snapshots } : {}) };
}

/** Empties every canonical table (and the rejects) before a new import. */
export function resetTables(ctx: AnalyticsContext): void {
  for (const table of CANONICAL_TABLES) ctx.sql.run({ sql: createTableSql(table), params: [] });
  ctx.sql.run({ sql: createProductsSql(), params: [] });
  ctx.sql.run(userStageOrderSql([]));
  ctx.sql.run({ sql: createRejectsSql(), params: [] });
  ctx.sql.run(createSnapshotsSql());
  ctx.sql.run({ sql: createLeadAttributesSql(), params: [] });
}

function loadFile(ctx: AnalyticsContext, mapping: TableMapping & { table: TargetTable }, entry: StagedEntry): FileReconciliation {
  const n = stagingNames(entry.info.fileId);
  const source: StagedSource = {
    fileName: entry.info.fileName,
    stagingTable: n.table,
    stagingColumns: entry.info.columns.map((c) => c.name),
    firstDataLine: entry.firstDataLine,
    ...(entry.lineMap ? { lineMap: entry.lineMap } : {}),
  };
  const stmts = loadStatements(mapping, source);
  ctx.sql.run(stmts.convert);
  const counts = ctx.sql.one<{ total: number; blank: number; rejected: number }>(stmts.counts);
  ctx.sql.run(stmts.rejects);
  ctx.sql.run(stmts.insert);
  ctx.sql.run(stmts.dropConvert);
  // A lead file's other columns stay available as attributes (docs/leads.md, "By attribute").
  const attributes = mapping.table === 'leads' ? leadAttributesInsert(mapping, source) : null;
  if (attributes) ctx.sql.run(attributes);
  if (mapping.table === 'opportunities') markCurrencies(ctx, mapping, entry);
  const parserRejects = ctx.sql.rows<{ line: number; reason: string; raw: string }>(parserRejectsSql(n));
  const rejects: RejectedRow[] = [
    ...parserRejects.map((r) => ({ line: r.line, column: '(whole row)', reason: `CSV: ${r.reason}`, raw: r.raw })),
    ...conversionRejects(ctx, entry.info.fileName),
  ].sort((a, b) => a.line - b.line);
  const rowsLoaded = counts.total - counts.blank - counts.rejected;
  return {
    fileName: entry.info.fileName,
    table: mapping.table,
    presetId: mapping.presetId,
    rowsRead: counts.total + parserRejects.length + entry.skippedRows,
    rowsLoaded,
    rowsRejected: counts.rejected + parserRejects.length,
    rowsSkipped: counts.blank + entry.skippedRows,
    rejects: rejects.slice(0, REJECTS_SHOWN),
  };
}

function conversionRejects(ctx: AnalyticsContext, fileName: string): RejectedRow[] {
  return ctx.sql.rows<RejectedRow>({
    sql: 'SELECT source_line::INTEGER AS line, column_name AS "column", reason, raw_value AS raw FROM import_rejects WHERE source_file = ? ORDER BY source_line LIMIT ?',
    params: [fileName, REJECTS_SHOWN],
  });
}

function ignored(entry: StagedEntry): FileReconciliation {
  const read = entry.info.rowsStaged + entry.info.parserRejects + entry.skippedRows;
  return {
    fileName: entry.info.fileName,
    table: 'ignore',
    presetId: 'none',
    rowsRead: read,
    rowsLoaded: 0,
    rowsRejected: 0,
    rowsSkipped: read,
    rejects: [],
  };
}

/** After the tables are loaded: values open deals without an amount at their product's list price. */
export function enrich(ctx: AnalyticsContext): string[] {
  ctx.sql.run(imputeOpenAmountsSql());
  const imputed = ctx.sql.one<{ n: number }>(countImputedSql()).n;
  return imputed > 0 ? [`${imputed} open deals without an amount are valued at their product's list price.`] : [];
}

/** Files loaded without an id column: say that ids were made from content, and how many rows repeat another. */
function contentIdNotes(ctx: AnalyticsContext, plan: ImportPlan, names: Readonly<Record<string, string>>): string[] {
  return plan.mappings.filter(usesContentId).map((m) => {
    const table = m.table as 'opportunities' | 'leads';
    const id = OWN_ID[table] ?? 'opportunity_id';
    const file = names[m.fileId] ?? m.fileId;
    const { rows, ids } = ctx.sql.one<{ rows: number; ids: number }>({
      sql: `SELECT count(*)::INTEGER AS rows, count(DISTINCT ${quoteIdent(id)})::INTEGER AS ids FROM ${quoteIdent(table)} WHERE source_file = ?`,
      params: [file],
    });
    const repeats = rows - ids;
    const dup =
      repeats > 0 ? ` ${repeats} rows repeat another row value for value and share its id (listed under duplicate ids).` : '';
    return `${file} has no id column: each row's ${id} is made from its values (a re-export of the same sheet gives the same ids); its file and line stay on the row.${dup}`;
  });
}

/**
 * Deals without a currency column whose amounts name one (`1.200 €`, `EUR 1200`, `R$ 300`):
 * each row takes the currency its own amount names (docs/currency.md).
 */
function markCurrencies(ctx: AnalyticsContext, mapping: TableMapping, entry: StagedEntry): void {
  const amount = mapping.columns['amount']?.source;
  if (!amount || mapping.columns['currency']) return;
  const staged = stagedWithLines(stagingNames(entry.info.fileId).table, entry.firstDataLine, entry.lineMap);
  // Plain numbers name no currency: only amounts with other characters are looked at.
  ctx.sql.run({
    sql: `UPDATE opportunities SET currency = d.code
      FROM (SELECT ${staged.line} AS line, ${currencyMarkSql(quoteIdent(amount))} AS code FROM ${staged.from}
        WHERE NOT regexp_full_match(coalesce(${quoteIdent(amount)}, ''), '[-+0-9.,()\\s'']*')) d
      WHERE opportunities.source_file = ? AND opportunities.source_line = d.line AND d.code IS NOT NULL`,
    params: [entry.info.fileName],
  });
}

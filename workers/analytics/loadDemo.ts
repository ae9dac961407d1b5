// The built-in demo, straight into the canonical tables: our own generator writes canonical
// columns in canonical formats, so recognition, profiling and per-value conversion have
// nothing to decide. Each table is read with its canonical types (a value that does not fit
// fails the load loudly), and every file still reconciles: read = loaded, nothing skipped.
import { CANONICAL_SCHEMA, opportunityExtrasSelect, sqlTypeOf } from '../../src/canonical/schema';
import { DEMO_FILE_NAMES, DEMO_HEADERS, streamDemoTable, type DemoOptions, type DemoTable } from '../../src/demo/generator';
import type { FileReconciliation, ImportResult } from '../../src/engine-api/types';
import { quoteIdent, quoteLiteral } from '../../src/platform/sql/sql';
import { enrich, resetTables } from './applyImport';
import type { AnalyticsContext } from './context';

export async function loadDemoTables(ctx: AnalyticsContext, request: DemoOptions): Promise<ImportResult> {
  resetTables(ctx);
  const encoder = new TextEncoder();
  const files: FileReconciliation[] = [];
  for (const table of Object.keys(DEMO_FILE_NAMES) as DemoTable[]) {
    const path = `demo_${table}.csv`;
    const text = [...streamDemoTable(request, table)].join('');
    await ctx.host.registerFile(path, encoder.encode(text));
    try {
      ctx.sql.run(insertSql(table, path, DEMO_FILE_NAMES[table]));
      const rows = ctx.sql.one<{ n: number }>({ sql: `SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)}`, params: [] }).n;
      files.push({
        fileName: DEMO_FILE_NAMES[table],
        table,
        presetId: `pipelens-${table}`,
        rowsRead: rows,
        rowsLoaded: rows,
        rowsRejected: 0,
        rowsSkipped: 0,
        rejects: [],
      });
    } finally {
      ctx.host.db.dropFile(path);
    }
  }
  return { files, notes: enrich(ctx) };
}

/** The header is line 1 and the generator writes one line per row, so row k sits on line k + 1. */
function insertSql(table: DemoTable, path: string, fileName: string) {
  const kinds = new Map(CANONICAL_SCHEMA[table].map((c) => [c.name, sqlTypeOf(c.kind)]));
  // Columns the canonical table does not have (a county code for the territory map's demo)
  // are read as text and left out, as the import path leaves unmapped columns out.
  const header = DEMO_HEADERS[table];
  const columns = header.map((name) => `${quoteLiteral(name)}: ${quoteLiteral(kinds.get(name) ?? 'VARCHAR')}`);
  const kept = header.filter((name) => kinds.has(name)).map(quoteIdent);
  const provenance = CANONICAL_SCHEMA[table].some((c) => c.provenance)
    ? `, ? AS source_file, (row_number() OVER () + 1)::BIGINT AS source_line`
    : '';
  // As the import path does: no amount has been imputed yet (enrich() marks those it values).
  const extras = table === 'opportunities' ? opportunityExtrasSelect() : '';
  const sql = `INSERT INTO ${quoteIdent(table)} BY NAME
    SELECT ${kept.join(', ')}${provenance}${extras} FROM read_csv(${quoteLiteral(path)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      dateformat = '%Y-%m-%d', columns = {${columns.join(', ')}})`;
  return { sql, params: provenance ? [fileName] : [] };
}

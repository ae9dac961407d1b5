// The tab's canonical tables (DuckDB, after it loaded a data set) copied into a ClickHouse
// database with the job's canonical schema (scripts/cubes/canonical.ts): the warehouse the
// cube job's test reads. Values leave DuckDB as text, so nothing is rounded on the way.
import type { Session } from 'chdb';
import { CANONICAL_CH, CANONICAL_NAMES, canonicalDdl } from '../../../scripts/cubes/canonical';
import type { Duck } from '../../../scripts/cubes/duckSource';
import { quoteIdent } from '../../../src/platform/sql/sql';

const csvCell = (v: string | null, text: boolean): string => (v === null ? '\\N' : text ? `"${v.replaceAll('"', '""')}"` : v);

export function copyCanonical(duck: Duck, session: Session, database: string): Record<string, number> {
  session.query(`CREATE DATABASE IF NOT EXISTS ${database}`);
  const counts: Record<string, number> = {};
  for (const name of CANONICAL_NAMES) {
    const types: Record<string, string> = CANONICAL_CH[name];
    const cols = Object.keys(types);
    const rows = duck.ctx.sql.rows<Record<string, string | null>>({
      sql: `SELECT ${cols.map((c) => `CAST(${quoteIdent(c)} AS VARCHAR) AS ${quoteIdent(c)}`).join(', ')} FROM ${quoteIdent(name)}`,
      params: [],
    });
    session.query(canonicalDdl(name, database));
    const csv = rows.map((r) => cols.map((c) => csvCell(r[c] ?? null, types[c] === 'Nullable(String)')).join(',')).join('\n');
    if (rows.length > 0) session.query(`INSERT INTO ${database}.${name} FORMAT CSV\n${csv}\n`);
    counts[name] = rows.length;
  }
  return counts;
}

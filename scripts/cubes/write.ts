// Writes one cube table from a ClickHouse table into Parquet partitions, in the types of the
// file contract (src/engine-api/cubeManifest.ts; docs/warehouse.md, "Cube files"): a table
// with a month column is split by year (plus an `undated` file for rows without a month),
// row groups of at most 100,000 rows with the page index, so the tab reads by range; snappy,
// which hyparquet reads without the extra compressors chunk.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Session } from 'chdb';
import { CUBE_TABLES, type CubeColumnType, type CubePartition, type CubeTableName } from '../../src/engine-api/cubeManifest';
import { quoteIdent, quoteLiteral } from '../../src/platform/sql/sql';

const PARQUET_SETTINGS =
  "SETTINGS output_format_parquet_row_group_size = 100000, max_block_size = 100000, output_format_parquet_write_page_index = 1, output_format_parquet_compression_method = 'snappy'";

/** The contract's type for a column: counts and flags are never NULL, measures stay NULL when nothing was summed. */
function typed(name: string, type: CubeColumnType): string {
  const c = quoteIdent(name);
  switch (type) {
    case 'count':
      return `toInt64(assumeNotNull(${c})) AS ${c}`;
    // A flag the cube left NULL (e.g. open-at of a closed deal without a created date) is not set.
    case 'flag':
      return `toUInt8(coalesce(${c}, 0)) AS ${c}`;
    case 'measure':
      return `toNullable(toFloat64(${c})) AS ${c}`;
    case 'text':
    case 'month':
      return `toNullable(toString(${c})) AS ${c}`;
  }
}

function jsonRows(session: Session, sql: string): Record<string, string | number | null>[] {
  return session
    .query(sql, 'JSONEachRow')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, string | number | null>);
}

/** Writes `table` (a ClickHouse table with the contract's columns) as `name`'s partitions under `dir`. */
export function writeCubeTable(session: Session, table: string, name: CubeTableName, dir: string): CubePartition[] {
  const columns = CUBE_TABLES[name];
  const monthCol = columns.find(([, t]) => t === 'month')?.[0] ?? null;
  const select = columns.map(([c, t]) => typed(c, t)).join(', ');
  const src = quoteIdent(table);
  // Side tables are small and carry their NULL-month (all-time) rows beside the months: one file.
  const byYear = monthCol !== null && (name === 'closed' || name === 'created');
  const parts: { file: string; where: string }[] = [];
  if (!byYear) parts.push({ file: name === 'won' ? 'won/all.parquet' : `${name}.parquet`, where: '1' });
  else {
    const m = quoteIdent(monthCol);
    const years = jsonRows(session, `SELECT DISTINCT substring(${m}, 1, 4) AS y FROM ${src} WHERE ${m} IS NOT NULL ORDER BY y`);
    for (const { y } of years) {
      const year = String(y);
      if (!/^\d{4}$/.test(year)) throw new Error(`${name}: the month column holds ${year}, not a year`);
      parts.push({ file: `${name}/${year}.parquet`, where: `substring(${m}, 1, 4) = ${quoteLiteral(year)}` });
    }
    const undated = jsonRows(session, `SELECT count() AS n FROM ${src} WHERE ${m} IS NULL`)[0]?.n ?? 0;
    // An empty table still lists one partition (a Parquet file with zero rows).
    if (Number(undated) > 0 || parts.length === 0) parts.push({ file: `${name}/undated.parquet`, where: `${m} IS NULL` });
  }
  return parts.map(({ file, where }) => {
    const out = path.join(dir, file);
    mkdirSync(path.dirname(out), { recursive: true });
    session.query(
      `SELECT ${select} FROM ${src} WHERE ${where} ORDER BY ${columns.map(([c]) => quoteIdent(c)).join(', ')} INTO OUTFILE ${quoteLiteral(out)} TRUNCATE FORMAT Parquet ${PARQUET_SETTINGS}`,
    );
    const m = monthCol ? quoteIdent(monthCol) : null;
    const stats = jsonRows(
      session,
      `SELECT count() AS n${m ? `, toString(min(${m})) AS first, toString(max(${m})) AS last, countIf(${m} IS NOT NULL) AS dated` : ''} FROM ${src} WHERE ${where}`,
    )[0];
    const dated = Number(stats?.dated ?? 0) > 0;
    return {
      path: file,
      rows: Number(stats?.n ?? 0),
      bytes: statSync(out).size,
      months: dated && stats ? { first: String(stats.first), last: String(stats.last) } : null,
    };
  });
}

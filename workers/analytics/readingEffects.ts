// What each reading of an ambiguous column would load: how many of its values it reads, and
// the column's total (numbers) or date range (dates), so the user sees the difference.
import type { ValueKind } from '../../src/canonical/schema';
import type { ReadingEffect } from '../../src/engine-api/types';
import { quoteIdent } from '../../src/platform/sql/sql';
import { blankToNull, type ColumnDecisions, convertExpr } from '../../src/mapping/values';
import type { AnalyticsContext } from './context';

export function numberEffect(
  ctx: AnalyticsContext,
  table: string,
  column: string,
  kind: ValueKind,
  d: ColumnDecisions,
): ReadingEffect {
  const raw = quoteIdent(column);
  const v = `CAST(${convertExpr(raw, kind, d)} AS DOUBLE)`;
  const row = ctx.sql.one<{ rows_read: number; non_blank: number; total: number | null }>({
    sql: `SELECT count(${v})::INTEGER AS rows_read, count(${blankToNull(raw)})::INTEGER AS non_blank, sum(${v}) AS total FROM ${quoteIdent(table)}`,
    params: [],
  });
  // No value read leaves no total (said so on the page), not a total of 0.
  return { rowsRead: row.rows_read, nonBlank: row.non_blank, ...(row.total === null ? {} : { total: row.total }) };
}

export function dateEffect(ctx: AnalyticsContext, table: string, column: string, d: ColumnDecisions): ReadingEffect {
  const raw = quoteIdent(column);
  const v = convertExpr(raw, 'date', d);
  const row = ctx.sql.one<{ rows_read: number; non_blank: number; from: string | null; to: string | null }>({
    sql: `SELECT count(${v})::INTEGER AS rows_read, count(${blankToNull(raw)})::INTEGER AS non_blank, strftime(min(${v}), '%Y-%m-%d') AS "from", strftime(max(${v}), '%Y-%m-%d') AS "to" FROM ${quoteIdent(table)}`,
    params: [],
  });
  return {
    rowsRead: row.rows_read,
    nonBlank: row.non_blank,
    ...(row.from ? { from: row.from } : {}),
    ...(row.to ? { to: row.to } : {}),
  };
}

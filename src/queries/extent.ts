// What the loaded data spans: drives the period picker and the default reference date.
import type { SqlQuery } from '../platform/sql/sql';

export interface ExtentRow {
  readonly opportunities: number;
  readonly first_close: string | null;
  readonly last_close: string | null;
  readonly reference_date: string | null;
  /** Months (YYYY-MM, comma-separated) in which open deals are expected to close. */
  readonly open_months: string | null;
}

/** The reference date ("today") is the latest created or actual close date: exports are snapshots. */
export function extentQuery(): SqlQuery {
  const sql = `SELECT count(*)::INTEGER AS opportunities,
    strftime(min(close_date), '%Y-%m-%d') AS first_close,
    strftime(max(close_date), '%Y-%m-%d') AS last_close,
    strftime(greatest(max(created_date), max(close_date) FILTER (WHERE status <> 'open')), '%Y-%m-%d') AS reference_date,
    string_agg(DISTINCT strftime(close_date, '%Y-%m'), ',') FILTER (WHERE status = 'open' AND close_date IS NOT NULL) AS open_months
  FROM opportunities`;
  return { sql, params: [] };
}

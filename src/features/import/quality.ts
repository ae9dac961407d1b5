// Data-quality checks as pure SQL builders. Each query returns up to `limit` example rows,
// every row carrying the check's totals (window aggregates), so one round trip gives the
// count, the examples (id, file, line) and the money involved; no row means nothing found.
import { quoteIdent, type SqlQuery } from '../../platform/sql/sql';

export type QualityCheckId =
  | 'closed_before_created'
  | 'open_past_close'
  | 'won_without_amount'
  | 'duplicate_opportunity_ids'
  | 'duplicate_lead_ids'
  | 'owners_missing_from_reps'
  | 'account_spellings'
  | 'deals_without_account';

/** One example row with the check's totals: n items flagged, `deals` affected, `amount` of money involved. */
export interface QualityRow {
  readonly label: string;
  readonly detail: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly n: number;
  readonly deals: number;
  readonly amount: number | null;
  /** A second count some checks need (won deals with a zero amount, among those without one). */
  readonly extra: number;
}

const day = (col: string) => `strftime(${col}, '%Y-%m-%d')`;

/** Totals over every flagged row (aggregates run as windows), attached to each example row. */
function totals(deals: string, amount: string | null, extra: string | null = null): string {
  const over = (agg: string | null, type: string) => (agg === null ? `NULL::${type}` : `(${agg} OVER ())::${type}`);
  return `(count(*) OVER ())::INTEGER AS n, ${over(deals, 'INTEGER')} AS deals, ${over(amount, 'DOUBLE')} AS amount, coalesce(${over(extra, 'INTEGER')}, 0) AS extra`;
}

/** Won or lost deals whose close date is before their created date. */
export function closedBeforeCreatedQuery(limit: number): SqlQuery {
  const sql = `SELECT opportunity_id AS label,
      status || ': created ' || ${day('created_date')} || ', closed ' || ${day('close_date')} AS detail,
      source_file AS file, source_line::INTEGER AS line,
      ${totals(`count(*) FILTER (WHERE status = 'won')`, `sum(amount) FILTER (WHERE status = 'won')`)}
    FROM opportunities WHERE status <> 'open' AND close_date < created_date
    ORDER BY source_file, source_line LIMIT ?`;
  return { sql, params: [limit] };
}

/** Open deals whose expected close date has passed at the reference date. */
export function openPastCloseQuery(referenceDate: string, limit: number): SqlQuery {
  const sql = `SELECT opportunity_id AS label, 'expected to close ' || ${day('close_date')} AS detail,
      source_file AS file, source_line::INTEGER AS line,
      ${totals('count(*)', 'sum(amount)')}
    FROM opportunities WHERE status = 'open' AND close_date < CAST(? AS DATE)
    ORDER BY close_date, source_file, source_line LIMIT ?`;
  return { sql, params: [referenceDate, limit] };
}

/** Won deals with a zero or missing amount; `extra` counts the zero ones. */
export function wonWithoutAmountQuery(limit: number): SqlQuery {
  const sql = `SELECT opportunity_id AS label, CASE WHEN amount IS NULL THEN 'no amount' ELSE 'amount 0' END AS detail,
      source_file AS file, source_line::INTEGER AS line,
      ${totals('count(*)', null, 'count(*) FILTER (WHERE amount = 0)')}
    FROM opportunities WHERE status = 'won' AND (amount IS NULL OR amount = 0)
    ORDER BY source_file, source_line LIMIT ?`;
  return { sql, params: [limit] };
}

/** Ids on more than one row; `deals` counts the extra rows, `amount` the won amount they add again. */
export function duplicateIdsQuery(table: 'opportunities' | 'leads', limit: number): SqlQuery {
  const id = quoteIdent(table === 'opportunities' ? 'opportunity_id' : 'lead_id');
  const won = table === 'opportunities' ? `sum(amount) FILTER (WHERE k > 1 AND status = 'won')` : 'NULL::DOUBLE';
  const sql = `WITH r AS (
      SELECT *, row_number() OVER (PARTITION BY ${id} ORDER BY source_file, source_line) AS k,
        count(*) OVER (PARTITION BY ${id}) AS copies
      FROM ${quoteIdent(table)}),
    d AS (SELECT ${id} AS id, max(copies) AS copies, min(source_line) AS line, min(source_file) AS file,
        count(*) FILTER (WHERE k > 1) AS extra_rows, ${won} AS extra_won
      FROM r WHERE copies > 1 GROUP BY 1)
    SELECT id AS label, copies || ' rows' AS detail, file, line::INTEGER AS line,
      ${totals('sum(extra_rows)', 'sum(extra_won)')}
    FROM d ORDER BY file, line LIMIT ?`;
  return { sql, params: [limit] };
}

/** Deal owners that the reps table does not list (asked only when reps were loaded). */
export function ownersMissingQuery(limit: number): SqlQuery {
  const sql = `WITH o AS (
      SELECT owner, count(*) AS deals, sum(amount) FILTER (WHERE status = 'won') AS won,
        min(source_line) AS line, min(source_file) AS file
      FROM opportunities WHERE owner IS NOT NULL AND owner NOT IN (SELECT rep FROM reps) GROUP BY owner)
    SELECT owner AS label, deals || CASE WHEN deals = 1 THEN ' deal' ELSE ' deals' END AS detail,
      file, line::INTEGER AS line, ${totals('sum(deals)', 'sum(won)')}
    FROM o ORDER BY deals DESC, owner LIMIT ?`;
  return { sql, params: [limit] };
}

/**
 * A name as people mean it: case, accents, punctuation and a trailing legal form
 * ("Inc.", "GmbH", "Ltd") do not make another company.
 */
export function accountKeyExpr(expr: string): string {
  const words = `trim(regexp_replace(strip_accents(lower(${expr})), '[^a-z0-9]+', ' ', 'g'))`;
  const noLegal = `regexp_replace(${words}, '\\s+(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|srl|bv|nv|corp|corporation|co|company|plc)$', '')`;
  return `replace(${noLegal}, ' ', '')`;
}

/** Account names written more than one way, across deals and the accounts file. */
export function accountSpellingsQuery(limit: number): SqlQuery {
  const sql = `WITH names AS (
      SELECT DISTINCT name, ${accountKeyExpr('name')} AS key FROM (
        SELECT trim(account_name) AS name FROM opportunities WHERE account_name IS NOT NULL
        UNION ALL SELECT trim(account_name) FROM accounts)
      WHERE name <> ''),
    g AS (SELECT key, count(*) AS spellings, string_agg('"' || name || '"', ' / ' ORDER BY name) AS names
      FROM names WHERE key <> '' GROUP BY key HAVING count(*) > 1),
    d AS (SELECT ${accountKeyExpr('trim(account_name)')} AS key, count(*) AS deals,
        sum(amount) FILTER (WHERE status = 'won') AS won, min(source_line) AS line, min(source_file) AS file
      FROM opportunities WHERE account_name IS NOT NULL GROUP BY 1)
    SELECT g.names AS label, g.spellings || ' spellings' AS detail, d.file, d.line::INTEGER AS line,
      ${totals('sum(coalesce(d.deals, 0))', 'sum(d.won)')}
    FROM g LEFT JOIN d USING (key) ORDER BY d.deals DESC NULLS LAST, g.names LIMIT ?`;
  return { sql, params: [limit] };
}

/** Deals that name no account (neither an id nor a name); `amount` is their won amount. */
export function dealsWithoutAccountQuery(limit: number): SqlQuery {
  const sql = `SELECT opportunity_id AS label, status || CASE WHEN amount IS NULL THEN '' ELSE ', amount ' || amount END AS detail,
      source_file AS file, source_line::INTEGER AS line,
      ${totals(`count(*) FILTER (WHERE status = 'won')`, `sum(amount) FILTER (WHERE status = 'won')`)}
    FROM opportunities WHERE account_id IS NULL AND coalesce(trim(account_name), '') = ''
    ORDER BY source_file, source_line LIMIT ?`;
  return { sql, params: [limit] };
}

export function tableRowsQuery(table: 'reps' | 'leads' | 'accounts'): SqlQuery {
  return { sql: `SELECT count(*)::INTEGER AS n FROM ${quoteIdent(table)}`, params: [] };
}

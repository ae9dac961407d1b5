// The drill's prepared rows `g` for a territory row (docs/drill.md, "Territory rows"): every
// deal of the row's accounts, matched to accounts as the planner's figures match them
// (src/features/territories/core/accountsSql.ts: by account id when the deal has one, else by name), all
// time and unfiltered, as the row's bookings and win rate are.
import { FACT_TABLE } from './fact';
import { Params } from '../platform/sql/params';
import type { SqlQuery } from '../platform/sql/sql';

/** `ids` are the planner's account ids (account_id, else the account name). */
export function territoryPrepared(ids: readonly string[], referenceDate: string): SqlQuery {
  const p = new Params();
  const values = ids.length
    ? `SELECT * FROM (VALUES ${ids.map((id) => `(${p.add(id)}::VARCHAR)`).join(', ')}) t(id)`
    : 'SELECT NULL::VARCHAR AS id WHERE FALSE';
  const ref = p.date(referenceDate);
  const sql = `WITH ids AS (${values}),
  acc AS (SELECT account_id, account_name FROM accounts WHERE coalesce(account_id, account_name) IN (SELECT id FROM ids)),
  m AS (
    SELECT o.source_file, o.source_line FROM opportunities o
    WHERE (o.account_id IS NOT NULL AND o.account_id IN (SELECT account_id FROM acc))
      OR (o.account_id IS NULL AND o.account_name IN (SELECT account_name FROM acc))),
  g AS (
    SELECT f.*, f.status = 'open' AS is_open,
      CASE WHEN f.status = 'open' THEN date_diff('day', f.created_date, ${ref}) ELSE f.cycle_days END AS age
    FROM ${FACT_TABLE} f JOIN m ON f.source_file = m.source_file AND f.source_line = m.source_line)`;
  return { sql, params: p.values };
}

/** `today/<name>` or `proposed/<name>`: which table's row. */
export function parseTerritoryKey(key: string): { readonly design: 'today' | 'proposed'; readonly name: string } | null {
  const m = /^(today|proposed)\/(.+)$/s.exec(key);
  return m && (m[1] === 'today' || m[1] === 'proposed') && m[2] ? { design: m[1], name: m[2] } : null;
}

export function territoryPopulation(key: string, accounts: number): { where: string; title: string; note: string | null } {
  const t = parseTerritoryKey(key);
  if (!t) throw new Error(`"${key}" is not today/<territory> or proposed/<territory>.`);
  return {
    where: 'TRUE',
    title: `Deals of the ${accounts} accounts of ${t.design === 'today' ? "today's" : 'proposed'} territory ${t.name}`,
    note: 'All time, whatever the period and filters: the row’s bookings are the Σ of the won ones, its win rate won ÷ (won + lost) by count.',
  };
}

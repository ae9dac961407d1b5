// SQL for the planner's account list: accounts with their deal figures. Deals join by
// account_id when both sides have one, else by account name (Maven has names only).
import { query, type SqlQuery } from '../../../platform/sql/sql';

const DEAL_FIGURES = `
  sum(CASE WHEN status = 'won' THEN amount ELSE 0 END)::DOUBLE AS bookings,
  sum(CASE WHEN status = 'open' THEN amount ELSE 0 END)::DOUBLE AS open_pipeline,
  count(*) FILTER (WHERE status = 'won')::INTEGER AS won_count,
  count(*) FILTER (WHERE status = 'lost')::INTEGER AS lost_count,
  count(*) FILTER (WHERE status = 'open')::INTEGER AS open_count,
  mode(owner) AS deal_owner`;

export interface TerritoryAccountRow {
  readonly id: string;
  readonly name: string;
  readonly territory: string | null;
  readonly owner: string | null;
  readonly region: string | null;
  readonly state: string | null;
  readonly postal_code: string | null;
  readonly country: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly annual_revenue: number | null;
  readonly employees: number | null;
  readonly bookings: number | null;
  readonly open_pipeline: number | null;
  readonly won_count: number | null;
  readonly lost_count: number | null;
  readonly open_count: number | null;
}

export function territoryAccountsQuery(): SqlQuery {
  return query(`
WITH by_id AS (
  SELECT account_id, ${DEAL_FIGURES} FROM opportunities WHERE account_id IS NOT NULL GROUP BY account_id
), by_name AS (
  SELECT account_name, ${DEAL_FIGURES} FROM opportunities WHERE account_id IS NULL AND account_name IS NOT NULL GROUP BY account_name
), region AS (
  SELECT rep, any_value(region) AS region FROM reps GROUP BY rep
)
-- Without an owner on the account (Maven), the rep who owns most of its deals stands in.
SELECT coalesce(a.account_id, a.account_name) AS id, a.account_name AS name, a.territory,
  coalesce(a.owner, i.deal_owner, n.deal_owner) AS owner, r.region, a.state, a.postal_code, a.country,
  a.latitude::DOUBLE AS latitude, a.longitude::DOUBLE AS longitude,
  a.annual_revenue::DOUBLE AS annual_revenue, a.employees::DOUBLE AS employees,
  coalesce(i.bookings, 0) + coalesce(n.bookings, 0) AS bookings,
  coalesce(i.open_pipeline, 0) + coalesce(n.open_pipeline, 0) AS open_pipeline,
  coalesce(i.won_count, 0) + coalesce(n.won_count, 0) AS won_count,
  coalesce(i.lost_count, 0) + coalesce(n.lost_count, 0) AS lost_count,
  coalesce(i.open_count, 0) + coalesce(n.open_count, 0) AS open_count
FROM accounts a
LEFT JOIN by_id i ON i.account_id = a.account_id
LEFT JOIN by_name n ON n.account_name = a.account_name
LEFT JOIN region r ON r.rep = coalesce(a.owner, i.deal_owner, n.deal_owner)
ORDER BY id`);
}

/** Deals that reach no account row: by id when they have one, else by name. */
export function unmatchedDealsQuery(): SqlQuery {
  return query(`
SELECT count(*)::INTEGER AS unmatched FROM opportunities o
WHERE CASE WHEN o.account_id IS NOT NULL
  THEN NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = o.account_id)
  ELSE o.account_name IS NULL OR NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_name = o.account_name) END`);
}

// The dashboard's prepared tables, built once after each import so that a filter or period
// change scans one flat table: opportunities joined with reps (team, manager, region) and
// accounts (industry), the cycle in days, and the funnel stages each deal reached.
import type { SqlQuery } from './sql';

export const FACT_TABLE = 'dash_fact';

/**
 * Stage order for funnels: non-lost stages by probability (stage history's when loaded),
 * then by how many deals sit there; won stages last. Lost stages have no place in a funnel.
 */
export function stageOrderSql(): SqlQuery {
  const sql = `CREATE OR REPLACE TABLE dash_stages AS
  WITH cur AS (
    SELECT stage, count(*) AS n, avg(probability) AS p,
      count(*) FILTER (WHERE status = 'won') AS w, count(*) FILTER (WHERE status = 'lost') AS l,
      count(*) FILTER (WHERE status = 'open') AS o
    FROM opportunities WHERE stage IS NOT NULL GROUP BY stage),
  hist AS (SELECT stage, avg(probability) AS p FROM stage_history WHERE stage IS NOT NULL GROUP BY stage),
  named AS (SELECT stage FROM cur UNION SELECT stage FROM hist),
  kinds AS (
    SELECT named.stage, coalesce(hist.p, cur.p) AS p, coalesce(cur.n, 0) AS n,
      CASE WHEN coalesce(cur.w, 0) > 0 AND coalesce(cur.o, 0) + coalesce(cur.l, 0) = 0 THEN 'won'
           WHEN coalesce(cur.l, 0) > 0 AND coalesce(cur.o, 0) + coalesce(cur.w, 0) = 0 THEN 'lost'
           ELSE 'open' END AS kind
    FROM named LEFT JOIN cur USING (stage) LEFT JOIN hist USING (stage))
  SELECT stage, kind, p, n,
    CASE WHEN kind <> 'lost' THEN (row_number() OVER (PARTITION BY kind = 'lost' ORDER BY kind = 'won', p NULLS LAST, n DESC, stage) - 1)::INTEGER END AS ord
  FROM kinds`;
  return { sql, params: [] };
}

export function factTableSql(): SqlQuery {
  const sql = `CREATE OR REPLACE TABLE ${FACT_TABLE} AS
  SELECT o.opportunity_id, o.status, o.stage, o.amount, coalesce(o.amount_imputed, FALSE) AS amount_imputed,
    o.currency, o.probability, o.created_date, o.close_date,
    date_diff('day', o.created_date, o.close_date)::INTEGER AS cycle_days,
    o.owner, r.team, r.manager, r.region, o.product, o.lead_source, o.deal_type,
    coalesce(ai.industry, an.industry) AS industry,
    coalesce(o.account_id, o.account_name) AS account_key,
    st.ord AS stage_ord, h.reached,
    -- For the drill-through's deal table (docs/drill.md): what the user recognizes a deal by.
    o.name, o.account_name, o.source_file, o.source_line
  FROM opportunities o
  LEFT JOIN (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region
             FROM reps GROUP BY rep) r ON r.rep = o.owner
  LEFT JOIN (SELECT account_id, any_value(industry) AS industry FROM accounts
             WHERE account_id IS NOT NULL GROUP BY account_id) ai ON ai.account_id = o.account_id
  LEFT JOIN (SELECT account_name, any_value(industry) AS industry FROM accounts
             GROUP BY account_name) an ON an.account_name = o.account_name
  LEFT JOIN dash_stages st ON st.stage = o.stage AND st.kind <> 'lost'
  LEFT JOIN (SELECT h.opportunity_id, bit_or((1::BIGINT) << s.ord) AS reached
             FROM stage_history h JOIN dash_stages s ON s.stage = h.stage AND s.ord < 62
             GROUP BY h.opportunity_id) h ON h.opportunity_id = o.opportunity_id`;
  return { sql, params: [] };
}

/** Each account's first won close date: who is a new customer in a period (for CAC). */
export function firstWonSql(): SqlQuery {
  const sql = `CREATE OR REPLACE TABLE dash_first_won AS
  SELECT account_key, min(close_date) AS first_won FROM ${FACT_TABLE}
  WHERE status = 'won' AND account_key IS NOT NULL AND close_date IS NOT NULL GROUP BY account_key`;
  return { sql, params: [] };
}

export interface StageRow {
  readonly stage: string;
  readonly kind: 'open' | 'won' | 'lost';
  readonly ord: number | null;
}

export function stagesQuery(): SqlQuery {
  return { sql: `SELECT stage, kind, ord FROM dash_stages WHERE ord IS NOT NULL AND ord < 62 ORDER BY ord`, params: [] };
}

/** Leads pre-counted by day, source and owner (with the owner's team): a lead table is often 3× the deals. */
export function leadsCubeSql(): SqlQuery {
  const sql = `CREATE OR REPLACE TABLE dash_leads AS
  SELECT l.created_date, l.source AS lead_source, l.owner, r.team, r.manager, r.region,
    count(*)::INTEGER AS leads,
    count(*) FILTER (WHERE l.is_converted OR l.converted_opportunity_id IS NOT NULL)::INTEGER AS converted
  FROM leads l
  LEFT JOIN (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region
             FROM reps GROUP BY rep) r ON r.rep = l.owner
  GROUP BY ALL`;
  return { sql, params: [] };
}

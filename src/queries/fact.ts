// The dashboard's prepared tables, built once after each import so that a filter or period
// change scans one flat table: opportunities joined with reps (team, manager, region) and
// accounts (industry), the cycle in days, and the funnel stages each deal reached.
import type { StageOrderBasis } from '../engine-api/types';
import { Params } from '../platform/sql/params';
import type { SqlQuery } from '../platform/sql/sql';

export const FACT_TABLE = 'dash_fact';

/** A stage's place from the known pipelines or its words (src/mapping/stageOrder.ts), computed on the page side. */
export interface KnownStageRank {
  readonly stage: string;
  readonly rank: number;
}

/** The user's stage order, kept with the import (set on the mapping screen, remembered with the mapping). */
export const USER_STAGE_ORDER = 'stage_order_user';

export function userStageOrderSql(order: readonly string[]): SqlQuery {
  const p = new Params();
  const rows = order.map((stage, i) => `(${p.add(stage)}, ${p.add(i)})`);
  const body =
    rows.length > 0
      ? `SELECT * FROM (VALUES ${rows.join(', ')}) v(stage, ord)`
      : 'SELECT NULL::VARCHAR AS stage, NULL::INTEGER AS ord WHERE FALSE';
  return {
    sql: `CREATE OR REPLACE TABLE ${USER_STAGE_ORDER} AS SELECT stage::VARCHAR AS stage, ord::INTEGER AS ord FROM (${body})`,
    params: p.values,
  };
}

/** Every stage named by the deals or their history: what the known ranks are looked up for. */
export function stageNamesQuery(): SqlQuery {
  return {
    sql: `SELECT stage FROM opportunities WHERE stage IS NOT NULL UNION SELECT stage FROM stage_history WHERE stage IS NOT NULL`,
    params: [],
  };
}

/**
 * Stage order for funnels and the pipeline by stage, from evidence (docs/kpis.md, "Stage
 * order"), strongest first: the user's order; probabilities (stage history's when loaded);
 * where stages sit in each deal's stage history; the known pipelines and stage words; and only
 * to break what is left, how many deals sit there. Won stages last; lost stages are no step.
 * `basis` says which evidence ordered the open stages.
 */
export function stageOrderSql(known: readonly KnownStageRank[]): SqlQuery {
  const p = new Params();
  const knownRows = known.map((k) => `(${p.add(k.stage)}, ${p.add(k.rank)})`);
  const knownSql =
    knownRows.length > 0
      ? `SELECT stage::VARCHAR AS stage, rank::DOUBLE AS rank FROM (VALUES ${knownRows.join(', ')}) v(stage, rank)`
      : 'SELECT NULL::VARCHAR AS stage, NULL::DOUBLE AS rank WHERE FALSE';
  const sql = `CREATE OR REPLACE TABLE dash_stages AS
  WITH cur AS (
    SELECT stage, count(*) AS n, avg(probability) AS p,
      count(*) FILTER (WHERE status = 'won') AS w, count(*) FILTER (WHERE status = 'lost') AS l,
      count(*) FILTER (WHERE status = 'open') AS o
    FROM opportunities WHERE stage IS NOT NULL GROUP BY stage),
  hist AS (SELECT stage, avg(probability) AS p FROM stage_history WHERE stage IS NOT NULL GROUP BY stage),
  steps AS (
    SELECT stage, (row_number() OVER w - 1) / greatest(count(*) OVER (PARTITION BY opportunity_id) - 1, 1) AS pos
    FROM stage_history WHERE stage IS NOT NULL
    WINDOW w AS (PARTITION BY opportunity_id ORDER BY changed_at, stage)),
  hpos AS (SELECT stage, avg(pos) AS pos FROM steps GROUP BY stage),
  known AS (${knownSql}),
  named AS (SELECT stage FROM cur UNION SELECT stage FROM hist),
  kinds AS (
    SELECT named.stage, coalesce(hist.p, cur.p) AS p, coalesce(cur.n, 0) AS n, u.ord AS user_ord, hpos.pos, known.rank,
      CASE WHEN coalesce(cur.w, 0) > 0 AND coalesce(cur.o, 0) + coalesce(cur.l, 0) = 0 THEN 'won'
           WHEN coalesce(cur.l, 0) > 0 AND coalesce(cur.o, 0) + coalesce(cur.w, 0) = 0 THEN 'lost'
           ELSE 'open' END AS kind
    FROM named LEFT JOIN cur USING (stage) LEFT JOIN hist USING (stage) LEFT JOIN hpos USING (stage)
      LEFT JOIN known USING (stage) LEFT JOIN ${USER_STAGE_ORDER} u USING (stage)),
  open_kinds AS (SELECT * FROM kinds WHERE kind = 'open')
  SELECT stage, kind, p, n,
    CASE WHEN kind <> 'lost' THEN (row_number() OVER (PARTITION BY kind = 'lost'
      ORDER BY kind = 'won', user_ord NULLS LAST, p NULLS LAST, pos NULLS LAST, rank NULLS LAST, n DESC, stage) - 1)::INTEGER END AS ord,
    CASE WHEN (SELECT count(*) FROM open_kinds) <= 1 THEN 'one stage'
      WHEN (SELECT count(user_ord) FROM open_kinds) > 0 THEN 'your order'
      WHEN (SELECT count(p) FROM open_kinds) > 0 THEN 'probabilities'
      WHEN (SELECT count(pos) FROM open_kinds) > 0 THEN 'stage history'
      WHEN (SELECT count(rank) FROM open_kinds) > 0 THEN 'known stage names'
      ELSE 'deal counts' END AS basis
  FROM kinds`;
  return { sql, params: p.values };
}

export function factTableSql(): SqlQuery {
  const sql = `CREATE OR REPLACE TABLE ${FACT_TABLE} AS
  SELECT o.opportunity_id, o.status, o.stage, o.amount, coalesce(o.amount_imputed, FALSE) AS amount_imputed,
    o.currency, o.probability, o.created_date, o.close_date,
    date_diff('day', o.created_date, o.close_date)::INTEGER AS cycle_days,
    o.owner, r.team, r.manager, r.region, o.product, o.lead_source, o.deal_type,
    coalesce(ai.industry, an.industry) AS industry,
    coalesce(o.account_id, o.account_name) AS account_key,
    st.ord AS stage_ord,
    -- Funnel steps reached, as bits: every step up to the furthest one the deal's history or
    -- current stage shows, so no step counts more deals than the one before it. A deal with
    -- neither (a lost deal without history) entered the first step.
    ((1::BIGINT << (least(coalesce(greatest(h.top, st.ord), 0), 61) + 1)) - 1) AS reached,
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
  LEFT JOIN (SELECT h.opportunity_id, max(s.ord) AS top
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
  /** Which evidence ordered the open stages (the same on every row). */
  readonly basis: StageOrderBasis;
}

export function stagesQuery(): SqlQuery {
  return { sql: `SELECT stage, kind, ord, basis FROM dash_stages WHERE ord IS NOT NULL AND ord < 62 ORDER BY ord`, params: [] };
}

/**
 * Leads pre-counted by day, source and owner (with the owner's team): a lead table is often 3× the deals.
 * A lead converted when it says so, names its deal, or a deal names it (docs/kpis.md).
 */
export function leadsCubeSql(): SqlQuery {
  const sql = `CREATE OR REPLACE TABLE dash_leads AS
  SELECT l.created_date, l.source AS lead_source, l.owner, r.team, r.manager, r.region,
    count(*)::INTEGER AS leads,
    count(*) FILTER (WHERE l.is_converted OR l.converted_opportunity_id IS NOT NULL OR named.lead_id IS NOT NULL)::INTEGER AS converted
  FROM leads l
  LEFT JOIN (SELECT DISTINCT lead_id FROM opportunities WHERE lead_id IS NOT NULL) named ON named.lead_id = l.lead_id
  LEFT JOIN (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region
             FROM reps GROUP BY rep) r ON r.rep = l.owner
  GROUP BY ALL`;
  return { sql, params: [] };
}

// SQL builders for the forecast: what was known on each as-of date (window start), rebuilt
// from the canonical tables. A deal is open on date d when it was created before d and not
// closed before d; its stage, amount, expected close, probability and category are those of
// its latest stage-history row before d. Without stage history those are unknown for past
// dates (NULL), except the amount, which is the exported one. Pure: { sql, params } only.
import { activeDimensions, filterWhere, type Dimension, type Filters } from '../../../src/shared/filters';
import type { SqlQuery } from '../../../src/platform/sql/sql';

export interface SqlWindow {
  readonly index: number;
  readonly start: string;
  readonly end: string;
  /** The window being forecast now: today's stage and values stand in for missing history. */
  readonly current: boolean;
  /** Start of the period the window ends (its as-of date may be days into it). */
  readonly periodStart: string;
}

export function windowsCte(windows: readonly SqlWindow[]): SqlQuery {
  if (windows.length === 0) throw new Error('The forecast needs at least one window');
  const rows = windows.map(() => '(?::INTEGER, ?::DATE, ?::DATE, ?::BOOLEAN, ?::DATE)').join(', ');
  const params = windows.flatMap((w) => [w.index, w.start, w.end, w.current, w.periodStart]);
  return { sql: `w(idx, ws, we, cur, ps) AS (VALUES ${rows})`, params };
}

/** Dimensions that live on reps or accounts: only a filter on one of them pays for the joins. */
const JOINED: readonly Dimension[] = ['team', 'manager', 'region', 'industry'];

/**
 * Opportunities with the dashboard's filter dimensions joined on (reps: team, manager, region;
 * accounts: industry). The joins cost a pass over every deal, so they are made only when a
 * filter needs them; text clean-up is left to the few rows that survive the as-of filter.
 */
export function dealsCte(filters: Filters): SqlQuery {
  const where = filterWhere(filters, {}, 'f');
  const joined = activeDimensions(filters).some((d) => JOINED.includes(d));
  const cols = `o.opportunity_id, o.status, o.amount::DOUBLE AS amount, o.created_date, o.close_date, o.stage, o.probability,
      o.forecast_category, o.product, o.owner, o.lead_source, o.deal_type, o.source_file, o.source_line`;
  const source = joined
    ? `SELECT ${cols}, r.team, r.manager, r.region, a.industry
    FROM opportunities o
    LEFT JOIN (SELECT rep, any_value(team) AS team, any_value(manager) AS manager, any_value(region) AS region FROM reps GROUP BY rep) r ON r.rep = o.owner
    LEFT JOIN (SELECT account_name, any_value(industry) AS industry FROM accounts GROUP BY account_name) a ON a.account_name = o.account_name`
    : `SELECT ${cols} FROM opportunities o`;
  return { sql: `deals AS (SELECT f.* FROM (${source}) f WHERE ${where.sql})`, params: where.params };
}

/**
 * A stage's probability as the screen's table shows it today (`probability`, null when none;
 * `force` when it is the user's edit, which then wins over the export's per-deal probability),
 * and the conventional default by the stage's name (`fallback`), which no data informs.
 * Today's table is used for the current window only: past windows use the stage's average
 * probability in history rows before their as-of date, else the name default (docs/forecast.md).
 */
export interface StageWeight {
  readonly stage: string;
  readonly probability: number | null;
  readonly force: boolean;
  readonly fallback: number | null;
}

function stageTableCte(table: readonly StageWeight[]): SqlQuery {
  if (table.length === 0)
    return {
      sql: 'st(stage, p, force, fb) AS (SELECT NULL::VARCHAR, NULL::DOUBLE, NULL::BOOLEAN, NULL::DOUBLE WHERE FALSE)',
      params: [],
    };
  const rows = table.map(() => '(?::VARCHAR, ?::DOUBLE, ?::BOOLEAN, ?::DOUBLE)').join(', ');
  return {
    sql: `st(stage, p, force, fb) AS (VALUES ${rows})`,
    params: table.flatMap((r) => [r.stage, r.probability, r.force, r.fallback]),
  };
}

export interface CellOptions {
  readonly filters: Filters;
  readonly stageTable: readonly StageWeight[];
  readonly hasHistory: boolean;
  readonly byOwner: boolean;
}

/**
 * The CTEs up to `valued`: one row per deal open at each window's start (idx), with what was
 * known of it then — stage_then, amt (its value), p, in_sw, age — and its file and line. The
 * cells group it; the waterfall's drill lists it (forecastDrill.ts), so both read one rule.
 */
export function valuedCte(windows: readonly SqlWindow[], opts: Omit<CellOptions, 'byOwner'>): SqlQuery {
  const w = windowsCte(windows);
  const d = dealsCte(opts.filters);
  const st = stageTableCte(opts.stageTable);
  // The latest history row before the as-of date (ties on a day: highest probability, then
  // stage name), by one hash aggregate; a sort per (window, deal) cost several times more at 1M deals.
  const hist = opts.hasHistory
    ? `hist AS (
    SELECT a.idx, a.opportunity_id,
      arg_max({'stage': h.stage, 'amount': h.amount::DOUBLE, 'close_date': h.close_date, 'probability': h.probability,
        'forecast_category': lower(h.forecast_category)},
        {'at': h.changed_at, 'p': coalesce(h.probability, -1), 's': coalesce(h.stage, '')}) AS v
    FROM (SELECT DISTINCT idx, ws, opportunity_id FROM open_at) a
    JOIN stage_history h ON h.opportunity_id = a.opportunity_id AND h.changed_at < a.ws
    GROUP BY a.idx, a.opportunity_id),
  hist_row AS (SELECT idx, opportunity_id, v.stage, v.amount, v.close_date, v.probability, v.forecast_category FROM hist),
  hist_day AS (SELECT stage, changed_at, sum(probability) AS s, count(*) AS c FROM stage_history
    WHERE probability IS NOT NULL AND stage IS NOT NULL GROUP BY ALL),
  stage_then AS (SELECT w.idx, d.stage, sum(d.s) / sum(d.c) AS p FROM w JOIN hist_day d ON d.changed_at < w.ws GROUP BY ALL)`
    : `hist_row AS (SELECT NULL::INTEGER AS idx, NULL::VARCHAR AS opportunity_id, NULL::VARCHAR AS stage, NULL::DOUBLE AS amount,
      NULL::DATE AS close_date, NULL::DOUBLE AS probability, NULL::VARCHAR AS forecast_category WHERE FALSE),
  stage_then AS (SELECT NULL::INTEGER AS idx, NULL::VARCHAR AS stage, NULL::DOUBLE AS p WHERE FALSE)`;
  const sql = `${w.sql}, ${d.sql}, ${st.sql},
  open_at AS (
    SELECT w.idx, w.ws, w.we, w.cur, o.* FROM w JOIN deals o
    ON o.created_date < w.ws AND (o.status = 'open' OR o.close_date >= w.ws)),
  ${hist},
  won_day AS (SELECT product, close_date, sum(amount) AS s, count(*) AS c FROM deals
    WHERE status = 'won' AND amount > 0 GROUP BY ALL),
  prod_avg AS (SELECT w.idx, d.product, sum(d.s) / sum(d.c) AS v FROM w JOIN won_day d ON d.close_date < w.ws GROUP BY ALL),
  all_avg AS (SELECT w.idx, sum(d.s) / sum(d.c) AS v FROM w JOIN won_day d ON d.close_date < w.ws GROUP BY ALL),
  known AS (
    SELECT a.idx, a.ws, a.we, a.cur, a.owner, a.created_date, a.product, a.source_file, a.source_line,
      a.status = 'won' AND a.close_date >= a.ws AND a.close_date < a.we AND NOT a.cur AS won_in,
      -- The export's amount is today's (a closing amount, or an open deal's latest estimate): on a
      -- past as-of date only a history amount was known; without one the deal is valued as below.
      CASE WHEN h.amount IS NOT NULL THEN h.amount WHEN a.cur THEN a.amount END AS raw_amount,
      CASE WHEN h.opportunity_id IS NOT NULL THEN h.stage WHEN a.cur THEN a.stage END AS stage_then,
      CASE WHEN h.opportunity_id IS NOT NULL THEN h.close_date WHEN a.cur THEN a.close_date END AS close_then,
      CASE WHEN h.opportunity_id IS NOT NULL THEN h.probability WHEN a.cur THEN a.probability END AS prob_then,
      CASE WHEN h.opportunity_id IS NOT NULL THEN h.forecast_category WHEN a.cur THEN lower(a.forecast_category) END AS cat_then
    FROM open_at a LEFT JOIN hist_row h ON h.idx = a.idx AND h.opportunity_id = a.opportunity_id),
  valued AS (
    SELECT k.*, date_diff('day', k.created_date, k.ws) AS age,
      -- A missing or zero amount (Maven records lost deals at 0) is valued at the average won deal
      -- of its product known then, whatever the deal's fate: the outcome must not leak into the value.
      CASE WHEN k.raw_amount IS NULL OR k.raw_amount = 0 THEN coalesce(pa.v, aa.v, 0) ELSE k.raw_amount END AS amt,
      -- Today's stage table (and the user's edits) only for the window forecast now; a past
      -- window falls back to what history said of the stage before its start.
      CASE WHEN k.cur AND st.force THEN st.p WHEN k.cur THEN coalesce(k.prob_then, st.p)
        ELSE coalesce(k.prob_then, sp.p, st.fb) END AS p,
      k.close_then IS NULL OR k.close_then < k.we AS in_sw
    FROM known k
    LEFT JOIN prod_avg pa ON pa.idx = k.idx AND pa.product IS NOT DISTINCT FROM k.product
    LEFT JOIN all_avg aa ON aa.idx = k.idx
    LEFT JOIN st ON st.stage = k.stage_then
    LEFT JOIN stage_then sp ON sp.idx = k.idx AND sp.stage = k.stage_then)`;
  return { sql, params: [...w.params, ...d.params, ...st.params] };
}

/** A valued deal's age bucket on its as-of date (< 30, 30–59, 60–89, 90–179, 180–364, 365+ days). */
export function ageBucketSql(age: string): string {
  return `CASE WHEN ${age} < 30 THEN 0 WHEN ${age} < 60 THEN 1 WHEN ${age} < 90 THEN 2 WHEN ${age} < 180 THEN 3 WHEN ${age} < 365 THEN 4 ELSE 5 END`;
}

/** Deals open at each window's start, grouped by stage and age then (and owner): see Cell in src/features/forecast/core/types. */
export function cellsQuery(windows: readonly SqlWindow[], opts: CellOptions): SqlQuery {
  const v = valuedCte(windows, opts);
  const sql = `WITH ${v.sql}
  SELECT idx AS "window", stage_then AS stage,
    ${ageBucketSql('age')} AS age_bucket,
    ${opts.byOwner ? 'owner' : 'NULL::VARCHAR'} AS owner,
    count(*)::INTEGER AS n, sum(amt)::DOUBLE AS sum, sum(amt * amt)::DOUBLE AS sum_sq,
    count(*) FILTER (WHERE won_in)::INTEGER AS won_n,
    coalesce(sum(amt * p) FILTER (WHERE in_sw AND p IS NOT NULL), 0)::DOUBLE AS sw_known,
    coalesce(sum(amt) FILTER (WHERE in_sw AND p IS NULL), 0)::DOUBLE AS sw_unknown,
    coalesce(sum(amt) FILTER (WHERE in_sw AND cat_then = 'commit'), 0)::DOUBLE AS commit_amount,
    coalesce(sum(amt) FILTER (WHERE in_sw AND cat_then = 'best_case'), 0)::DOUBLE AS best_case,
    count(*) FILTER (WHERE cat_then IS NOT NULL)::INTEGER AS categorized
  FROM valued GROUP BY ALL ORDER BY 1, 2, 3, 4`;
  return { sql, params: v.params };
}

export interface CellRow {
  readonly window: number;
  readonly stage: string | null;
  readonly age_bucket: number;
  readonly owner: string | null;
  readonly n: number;
  readonly sum: number;
  readonly sum_sq: number;
  readonly won_n: number;
  readonly sw_known: number;
  readonly sw_unknown: number;
  readonly commit_amount: number;
  readonly best_case: number;
  readonly categorized: number;
}

/**
 * Per window: won amount closed inside it, the part won by deals created inside it, and what
 * its period had booked before the window's start (known on its as-of date).
 */
export function windowFactsQuery(windows: readonly SqlWindow[], filters: Filters): SqlQuery {
  const w = windowsCte(windows);
  const d = dealsCte(filters);
  const sql = `WITH ${w.sql}, ${d.sql}
  SELECT w.idx, coalesce(sum(o.amount) FILTER (WHERE o.close_date >= w.ws), 0)::DOUBLE AS actual,
    coalesce(sum(o.amount) FILTER (WHERE o.close_date >= w.ws AND o.created_date >= w.ws), 0)::DOUBLE AS new_won,
    coalesce(sum(o.amount) FILTER (WHERE o.close_date < w.ws), 0)::DOUBLE AS closed
  FROM w LEFT JOIN deals o ON o.status = 'won' AND o.close_date >= w.ps AND o.close_date < w.we
  GROUP BY w.idx ORDER BY w.idx`;
  return { sql, params: [...w.params, ...d.params] };
}

/** Per window and owner: won inside it by deals created inside it (each rep's new business). */
export function ownerNewWonQuery(windows: readonly SqlWindow[], filters: Filters): SqlQuery {
  const w = windowsCte(windows);
  const d = dealsCte(filters);
  const sql = `WITH ${w.sql}, ${d.sql}
  SELECT w.idx, o.owner, sum(o.amount)::DOUBLE AS new_won
  FROM w JOIN deals o ON o.status = 'won' AND o.close_date >= w.ws AND o.close_date < w.we AND o.created_date >= w.ws
  GROUP BY ALL ORDER BY 1, 2`;
  return { sql, params: [...w.params, ...d.params] };
}

export interface OwnerNewWonRow {
  readonly idx: number;
  readonly owner: string | null;
  readonly new_won: number;
}

export interface WindowFactsRow {
  readonly idx: number;
  readonly actual: number;
  readonly new_won: number;
  readonly closed: number;
}

/** Booked so far in the target period, per owner (before the as-of date). */
export function closedSoFarQuery(start: string, asOf: string, filters: Filters): SqlQuery {
  const d = dealsCte(filters);
  const sql = `WITH ${d.sql}
  SELECT owner, coalesce(sum(amount), 0)::DOUBLE AS won FROM deals
  WHERE status = 'won' AND close_date >= ?::DATE AND close_date < ?::DATE GROUP BY owner ORDER BY owner`;
  return { sql, params: [...d.params, start, asOf] };
}

/** What the data holds, for the honesty notes and the defaults. */
export function dataFactsQuery(): SqlQuery {
  const sql = `SELECT
    strftime(greatest(max(created_date), max(close_date) FILTER (WHERE status <> 'open')), '%Y-%m-%d') AS reference_date,
    strftime(min(close_date) FILTER (WHERE status <> 'open'), '%Y-%m-%d') AS first_close,
    count(*)::INTEGER AS deals,
    count(probability)::INTEGER AS with_probability,
    count(forecast_category)::INTEGER AS with_category,
    (SELECT count(*) FROM stage_history)::INTEGER AS history_rows
  FROM opportunities`;
  return { sql, params: [] };
}

export interface DataFactsRow {
  readonly reference_date: string | null;
  readonly first_close: string | null;
  readonly deals: number;
  readonly with_probability: number;
  readonly with_category: number;
  readonly history_rows: number;
}

/** Stages in use, with the export's average probability (history's when loaded) and deal counts. */
export function stagesQuery(): SqlQuery {
  const sql = `WITH s AS (
    SELECT stage, probability, status FROM opportunities WHERE stage IS NOT NULL
    UNION ALL SELECT stage, probability, NULL FROM stage_history WHERE stage IS NOT NULL)
  SELECT stage, avg(probability)::DOUBLE AS probability, count(*) FILTER (WHERE status = 'open')::INTEGER AS open_deals,
    bool_and(status IS NULL OR status <> 'open') AS closed_only
  FROM s GROUP BY stage ORDER BY probability NULLS FIRST, stage`;
  return { sql, params: [] };
}

export interface StageRow {
  readonly stage: string;
  readonly probability: number | null;
  readonly open_deals: number;
  readonly closed_only: boolean;
}

/** Each rep's team for the per-team roll-up (Maven's sales_teams has managers, not teams). */
export function teamsQuery(): SqlQuery {
  const sql = `SELECT rep, coalesce(any_value(team), any_value(manager), any_value(region)) AS team FROM reps GROUP BY rep`;
  return { sql, params: [] };
}

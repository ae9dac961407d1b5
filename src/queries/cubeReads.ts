// Reads of the monthly cubes under one set of filters: every month's figures for the
// tiles, the series and the "by X" views, and the small tables' months. The rows stay in
// the worker; folding them over a period (src/queries/cubeFold.ts) needs no further query.
import { LEAD_DIMS, REP_DIMS, restrict } from './extras';
import { filterWhere, type Dimension, type Filters } from './filters';
import { Params } from './params';
import { quoteIdent, type SqlQuery } from './sql';

/** Which grouping a closed-cube row belongs to (GROUPING(seg, owner, stage, aging)). */
export const CLOSED_SETS = { base: 15, segment: 7, owner: 11, stage: 13, aging: 14 } as const;

export interface ClosedMonthRow {
  readonly grp: number;
  /** First day of the close month (YYYY-MM-DD), or null for deals without a close date. */
  readonly cm: string | null;
  readonly status: string | null;
  readonly is_open: boolean;
  readonly k_seg: string | null;
  readonly k_owner: string | null;
  readonly k_stage: string | null;
  readonly k_aging: string | null;
  readonly n: number;
  readonly amt: number | null;
  readonly amt_n: number;
  readonly cyc_sum: number | null;
  readonly cyc_n: number;
  readonly wtd: number | null;
  readonly wtd_n: number;
  readonly imputed_n: number;
}

export function closedMonthsQuery(filters: Filters, segmentBy: Dimension): SqlQuery {
  const p = new Params();
  const where = p.splice(filterWhere(filters));
  const sql = `SELECT GROUPING(seg, owner, stage, aging)::INTEGER AS grp, strftime(cm, '%Y-%m-%d') AS cm, status, is_open,
    seg AS k_seg, owner AS k_owner, stage AS k_stage, aging AS k_aging,
    sum(n)::BIGINT AS n, sum(amt)::DOUBLE AS amt, sum(amt_n)::BIGINT AS amt_n,
    sum(cyc_sum)::DOUBLE AS cyc_sum, sum(cyc_n)::BIGINT AS cyc_n,
    sum(wtd)::DOUBLE AS wtd, sum(wtd_n)::BIGINT AS wtd_n, sum(imputed_n)::BIGINT AS imputed_n
  FROM (SELECT *, ${quoteIdent(segmentBy)} AS seg FROM dash_cube_close WHERE ${where})
  GROUP BY GROUPING SETS ((cm, status, is_open), (seg, cm, status, is_open), (owner, cm, status, is_open),
    (stage, cm, status, is_open), (aging, cm, status, is_open))`;
  return { sql, params: p.values };
}

export interface CreatedMonthRow {
  /** 1 for the row by lead source, 0 for the total. */
  readonly by_source: number;
  readonly km: string | null;
  readonly status: string | null;
  readonly lead_source: string | null;
  readonly n: number;
  readonly [step: `step_${number}`]: number;
}

export function createdMonthsQuery(filters: Filters, funnelSteps: number): SqlQuery {
  const p = new Params();
  const where = p.splice(filterWhere(filters));
  const steps = Array.from(
    { length: funnelSteps },
    (_, i) =>
      `, coalesce(sum(n) FILTER (WHERE coalesce(((reached >> ${i}) & 1) = 1, stage_ord >= ${i})), 0)::BIGINT AS step_${i}`,
  );
  const sql = `SELECT (1 - GROUPING(lead_source))::INTEGER AS by_source, strftime(km, '%Y-%m-%d') AS km, status, lead_source,
    sum(n)::BIGINT AS n${steps.join('')}
  FROM dash_cube_created WHERE ${where}
  GROUP BY GROUPING SETS ((km, status), (lead_source, km, status))`;
  return { sql, params: p.values };
}

export interface TotalsRow {
  readonly all_won_amt: number | null;
  readonly all_won_accounts: number;
  readonly y_won_amt: number | null;
  readonly y_won_accounts: number;
  readonly currencies: string | null;
}

/** The period-free inputs: CLV's all-time and trailing-year won amounts and accounts, and the currencies. */
export function totalsQuery(filters: Filters): SqlQuery {
  const p = new Params();
  const currencyWhere = p.splice(filterWhere(filters));
  const where = p.splice(filterWhere(filters));
  const sql = `SELECT sum(amt)::DOUBLE AS all_won_amt, count(DISTINCT account_key)::INTEGER AS all_won_accounts,
    sum(y_amt)::DOUBLE AS y_won_amt, count(DISTINCT account_key) FILTER (WHERE any_y)::INTEGER AS y_won_accounts,
    (SELECT string_agg(DISTINCT currency, chr(10) ORDER BY currency) FROM dash_cube_close
      WHERE status IN ('won', 'open') AND currency IS NOT NULL AND ${currencyWhere}) AS currencies
  FROM dash_cube_won WHERE ${where}`;
  return { sql, params: p.values };
}

export interface SideMonthRow {
  /** Which small table the row comes from. */
  readonly src: 'spend' | 'quota' | 'leads' | 'first_won' | 'quota_rep';
  readonly month: string | null;
  /** Spend channel, lead source or rep, depending on the table. */
  readonly key: string | null;
  readonly amount: number | null;
  readonly converted: number | null;
}

/** The small tables' months under the filters each table carries (the others block it, see extras.ts). */
export function sideMonthsQuery(filters: Filters): SqlQuery {
  const p = new Params();
  const quotaWhere = p.splice(filterWhere(restrict(filters, REP_DIMS), { owner: 'rep' }));
  const leadWhere = p.splice(filterWhere(restrict(filters, LEAD_DIMS)));
  const month = `strftime(month, '%Y-%m-%d')`;
  const sql = `SELECT 'spend' AS src, ${month} AS month, channel AS key, sum(amount)::DOUBLE AS amount, NULL::BIGINT AS converted
    FROM dash_m_spend GROUP BY ALL
  UNION ALL SELECT 'quota', ${month}, NULL, sum(amount)::DOUBLE, NULL FROM dash_m_quota WHERE ${quotaWhere} GROUP BY ALL
  UNION ALL SELECT 'quota_rep', ${month}, rep, sum(amount)::DOUBLE, NULL FROM dash_m_quota GROUP BY ALL
  UNION ALL SELECT 'leads', ${month}, lead_source, sum(leads)::DOUBLE, sum(converted)::BIGINT FROM dash_m_leads WHERE ${leadWhere} GROUP BY ALL
  UNION ALL SELECT 'first_won', ${month}, NULL, sum(n)::DOUBLE, NULL FROM dash_m_first_won GROUP BY ALL`;
  return { sql, params: p.values };
}

export interface SideCountsRow {
  readonly spend_rows: number;
  readonly quota_rows: number;
  readonly lead_rows: number;
}

export function sideCountsQuery(): SqlQuery {
  return {
    sql: `SELECT (SELECT count(*) FROM spend)::INTEGER AS spend_rows, (SELECT count(*) FROM quotas)::INTEGER AS quota_rows,
      (SELECT count(*) FROM dash_leads)::INTEGER AS lead_rows`,
    params: [],
  };
}

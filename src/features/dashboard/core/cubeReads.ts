// The monthly cubes' rows as the worker loads them (src/features/dashboard/core/cubeScan.ts reads them per
// filter set), the month rows a scan gives, and the small tables' months under the filters.
// The rows stay in the worker; folding them over a period (cubeFold.ts) needs no query.
import { LEAD_DIMS, REP_DIMS, restrict } from '../../../queries/extras';
import { filterWhere, type Filters } from '../../../shared/filters';
import { Params } from '../../../platform/sql/params';
import type { SqlQuery } from '../../../platform/sql/sql';

/** Which grouping a closed month row belongs to: all deals, or by segment, owner, stage or aging bucket. */
export const CLOSED_SETS = { base: 15, segment: 7, owner: 11, stage: 13, aging: 14 } as const;

export interface ClosedMonthRow {
  readonly grp: number;
  /** First day of the close month (YYYY-MM-DD), or null for deals without a close date. */
  readonly cm: string | null;
  readonly status: string | null;
  readonly is_open: boolean;
  /** Closes before the reference date (with is_open: open and past due, outside every period). */
  readonly past_due: boolean;
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

export interface CreatedMonthRow {
  /** 1 for the row by lead source, 0 for the total. */
  readonly by_source: number;
  readonly km: string | null;
  readonly status: string | null;
  readonly lead_source: string | null;
  readonly n: number;
  readonly [step: `step_${number}`]: number;
}

export interface TotalsRow {
  readonly all_won_amt: number | null;
  readonly all_won_accounts: number;
  readonly y_won_amt: number | null;
  readonly y_won_accounts: number;
  readonly currencies: string | null;
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

const MONTH = `strftime(month, '%Y-%m-%d')`;

/**
 * Sums of prorated money do not depend on the order the rows are stored in: each is summed in the
 * order of its values and the rows come back in one order, so the page folds them the same way
 * whether the table was built here or read from cube files written by another engine (the tiles
 * then agree to the last digit, docs/warehouse.md).
 */
const SORTED = 'ORDER BY src, month NULLS FIRST, key NULLS FIRST';

/** The small tables' months that no filter changes: spend by channel, quota by rep, first wins. */
export function staticSideMonthsQuery(): SqlQuery {
  const sql = `SELECT 'spend' AS src, ${MONTH} AS month, channel AS key, sum(amount ORDER BY amount)::DOUBLE AS amount, NULL::BIGINT AS converted
    FROM dash_m_spend GROUP BY ALL
  UNION ALL SELECT 'quota_rep', ${MONTH}, rep, sum(amount ORDER BY amount)::DOUBLE, NULL FROM dash_m_quota GROUP BY ALL
  UNION ALL SELECT 'first_won', ${MONTH}, NULL, sum(n)::DOUBLE, NULL FROM dash_m_first_won GROUP BY ALL
  ${SORTED}`;
  return { sql, params: [] };
}

/** Quota and leads by month under the filters each table carries (the others block it, see extras.ts). */
export function filteredSideMonthsQuery(filters: Filters): SqlQuery {
  const p = new Params();
  const quotaWhere = p.splice(filterWhere(restrict(filters, REP_DIMS), { owner: 'rep' }));
  const leadWhere = p.splice(filterWhere(restrict(filters, LEAD_DIMS)));
  const sql = `SELECT 'quota' AS src, ${MONTH} AS month, NULL AS key, sum(amount ORDER BY amount)::DOUBLE AS amount, NULL::BIGINT AS converted
    FROM dash_m_quota WHERE ${quotaWhere} GROUP BY ALL
  UNION ALL SELECT 'leads', ${MONTH}, lead_source, sum(leads)::DOUBLE, sum(converted)::BIGINT FROM dash_m_leads WHERE ${leadWhere} GROUP BY ALL
  ${SORTED}`;
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

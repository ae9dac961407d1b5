// Won and open amounts per currency: shown instead of a blind sum when deals carry more
// than one currency.
import type { DateRange } from '../shared/periods/fiscal';
import { FACT_TABLE } from './fact';
import { filterWhere, type Filters } from '../shared/filters';
import { Params } from '../platform/sql/params';
import type { SqlQuery } from '../platform/sql/sql';
import { inRangeSql, openAtSql, openInSql } from './tiles';

export interface CurrencyRow {
  readonly currency: string | null;
  readonly won_amt: number | null;
  readonly open_amt: number | null;
}

export function perCurrencyQuery(filters: Filters, range: DateRange | null, referenceDate: string): SqlQuery {
  const p = new Params();
  const closed = inRangeSql(p, 'close_date', range);
  const openAt = openAtSql(p, referenceDate);
  const openIn = openInSql(p, range, referenceDate);
  const where = p.splice(filterWhere(filters));
  const sql = `SELECT currency, sum(amount) FILTER (WHERE status = 'won' AND c)::DOUBLE AS won_amt,
      sum(amount) FILTER (WHERE o AND oi)::DOUBLE AS open_amt
    FROM (SELECT currency, status, amount, ${closed} AS c, ${openAt} AS o, ${openIn} AS oi FROM ${FACT_TABLE} WHERE ${where})
    GROUP BY 1 ORDER BY 1 NULLS LAST`;
  return { sql, params: p.values };
}

/** The distinct currencies the deals name (two at most: one is the data's currency, two mean none). */
export function dataCurrencyQuery(): SqlQuery {
  const sql = `SELECT DISTINCT upper(trim(currency)) AS currency FROM opportunities
    WHERE NULLIF(trim(currency), '') IS NOT NULL LIMIT 2`;
  return { sql, params: [] };
}

/** The data's one currency from those rows, or null (none, several, or not an ISO code). */
export function dataCurrencyOf(rows: readonly { currency: string }[]): string | null {
  const only = rows.length === 1 ? rows[0]?.currency : undefined;
  return only && /^[A-Z]{3}$/.test(only) ? only : null;
}

/** The reason money KPIs are withheld, or null when at most one currency is present. */
export function mixedCurrencyReason(currencies: readonly string[]): string | null {
  if (currencies.length <= 1) return null;
  return `Won and open deals are in ${currencies.length} currencies (${currencies.join(', ')}); amounts are not added across currencies — see the amounts per currency below.`;
}

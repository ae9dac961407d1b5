// After loading: open deals without an amount are valued at their product's list price
// when a price list was loaded. Names are matched loosely ("GTXPro" = "GTX Pro"), and
// every valued deal is flagged (amount_imputed) so the dashboard can say so.
import type { SqlQuery } from '../platform/sql/sql';

const looseName = (expr: string) => `lower(regexp_replace(${expr}, '[^A-Za-z0-9]', '', 'g'))`;

export function imputeOpenAmountsSql(): SqlQuery {
  const sql = `UPDATE opportunities SET amount = prices.list_price, amount_imputed = TRUE
    FROM (SELECT ${looseName('product')} AS key, any_value(list_price) AS list_price FROM products GROUP BY 1) AS prices
    WHERE opportunities.status = 'open' AND opportunities.amount IS NULL AND ${looseName('opportunities.product')} = prices.key`;
  return { sql, params: [] };
}

export function countImputedSql(): SqlQuery {
  return { sql: 'SELECT count(*)::INTEGER AS n FROM opportunities WHERE amount_imputed', params: [] };
}

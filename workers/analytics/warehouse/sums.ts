// A sum travels with its count (docs/warehouse.md): a sum over nothing is NULL, never 0. An
// engine that writes 0 there (ClickHouse's `sum` does) would turn "no amounts" into "$0": refused.
import type { TableRows } from './readTable';

const PAIRS: Record<'closed' | 'won', readonly (readonly [string, string])[]> = {
  closed: [
    ['amt', 'amt_n'],
    ['cyc_sum', 'cyc_n'],
    ['wtd', 'wtd_n'],
  ],
  won: [['y_amt', 'any_y']],
};

export function checkSums(...tables: readonly TableRows[]): void {
  for (const t of tables) {
    const pairs = t.name === 'closed' || t.name === 'won' ? PAIRS[t.name] : [];
    for (const [sum, count] of pairs) {
      const bad = t.rows.findIndex((r) => r[count] === 0 && r[sum] !== null);
      if (bad >= 0) {
        throw new Error(
          `Cube table ${t.name}, row ${bad + 1}: ${sum} is ${String(t.rows[bad]?.[sum])} where ${count} is 0; a sum over nothing must be NULL (docs/warehouse.md, "Column types").`,
        );
      }
    }
  }
}

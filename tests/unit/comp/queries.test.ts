// The compensation SQL builders are pure: one parameter per placeholder, the fiscal offset
// passed as a value (never pasted), and no deal-level column in any select list.
import { describe, expect, it } from 'vitest';
import * as q from '../../../workers/analytics/comp/queries';

const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe('comp query builders', () => {
  const built = [
    q.compRepsQuery(),
    q.compBookingsQuery(6),
    q.compDealGroupsQuery(6),
    q.compHistoryCheckQuery(),
    q.compClawbacksQuery(6),
    q.compQuotaRowsQuery(),
    q.compSpanQuery(6),
  ];
  it('bind one parameter per placeholder, the fiscal offset cast to INTEGER so // floors', () => {
    for (const b of built) {
      expect(b.params).toHaveLength(placeholders(b.sql));
      for (const p of b.params) expect(p).toBe(6);
    }
    expect(q.compBookingsQuery(6).sql).toContain('CAST(? AS INTEGER)) // 3');
  });
  it('never select deal ids or names: only aggregates cross to the page', () => {
    for (const b of built) expect(b.sql).not.toMatch(/SELECT[^;]*\bopportunity_id AS|o\.name|account_name/);
  });
});

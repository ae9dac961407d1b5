// Reads the planner's account list from the canonical tables (one query, plain numbers out).
import type { TerritoryAccounts } from '../../../src/features/territories/contract';
import {
  territoryAccountsQuery,
  unmatchedDealsQuery,
  type TerritoryAccountRow,
} from '../../../src/features/territories/core/accountsSql';
import type { AnalyticsContext } from '../context';

export function territoryAccounts(ctx: AnalyticsContext): TerritoryAccounts {
  const rows = ctx.sql.rows<TerritoryAccountRow>(territoryAccountsQuery());
  const { unmatched } = ctx.sql.one<{ unmatched: number }>(unmatchedDealsQuery());
  return {
    accounts: rows.map((r) => ({
      id: r.id,
      name: r.name,
      territory: r.territory,
      owner: r.owner,
      region: r.region,
      state: r.state,
      postalCode: r.postal_code,
      country: r.country,
      latitude: r.latitude,
      longitude: r.longitude,
      annualRevenue: r.annual_revenue,
      employees: r.employees,
      openPipeline: r.open_pipeline ?? 0,
      bookings: r.bookings ?? 0,
      wonCount: r.won_count ?? 0,
      lostCount: r.lost_count ?? 0,
      openCount: r.open_count ?? 0,
    })),
    unmatchedDeals: unmatched,
  };
}

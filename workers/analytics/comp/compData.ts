// Runs the compensation builders on the loaded data and shapes plain, serializable
// aggregates for the page (src/features/comp/contract.ts). No deal row leaves the engine.
import type { CompData, CompDataRequest } from '../../../src/features/comp/contract';
import type { AnalyticsContext } from '../context';
import {
  compBookingsQuery,
  compClawbacksQuery,
  compDealGroupsQuery,
  compHistoryCheckQuery,
  compQuotaRowsQuery,
  compRepsQuery,
  compSpanQuery,
  compTeamSourceQuery,
} from './queries';

interface RepRow {
  rep: string;
  team: string | null;
  region: string | null;
  start_date: string | null;
  potential_cents: number | null;
}
interface BookingRow {
  rep: string;
  quarter: number;
  won_cents: number;
  won_count: number;
  lost_cents: number;
  due_cents: number;
}
interface DealRow {
  rep: string;
  quarter: number;
  product: string | null;
  deal_type: string | null;
  won_cents: number;
  won_count: number;
}
interface ClawRow {
  rep: string;
  quarter: number;
  won_quarter: number;
  amount_cents: number;
  count: number;
}
interface QuotaRow {
  rep: string;
  period_start: string;
  period_end: string;
  quota_cents: number;
}
interface SpanRow {
  first_quarter: number | null;
  last_quarter: number | null;
  reference_date: string | null;
}

function clawbacks(ctx: AnalyticsContext, offset: number): Pick<CompData, 'clawbacks' | 'clawbackNote'> {
  const check = ctx.sql.one<{ snapshots: number; won_snapshots: number }>(compHistoryCheckQuery());
  if (check.snapshots === 0) {
    return {
      clawbacks: [],
      clawbackNote: 'No stage history was loaded, so deals lost after being won cannot be found: no clawbacks are applied.',
    };
  }
  if (check.won_snapshots === 0) {
    return {
      clawbacks: [],
      clawbackNote:
        'The stage history never shows a won stage, so no deal can be seen lost after being won: no clawbacks are applied.',
    };
  }
  const rows = ctx.sql.rows<ClawRow>(compClawbacksQuery(offset));
  return {
    clawbacks: rows.map((r) => ({
      rep: r.rep,
      quarter: r.quarter,
      wonQuarter: r.won_quarter,
      amountCents: r.amount_cents,
      count: r.count,
    })),
    clawbackNote: null,
  };
}

export function compData(ctx: AnalyticsContext, request: CompDataRequest): CompData {
  const offset = request.fiscalStartMonth - 1;
  const span = ctx.sql.one<SpanRow>(compSpanQuery(offset));
  const reps = ctx.sql.rows<RepRow>(compRepsQuery());
  const teamsFrom = ctx.sql.one<{ source: 'team' | 'manager' | null }>(compTeamSourceQuery()).source;
  return {
    teamsFrom,
    reps: reps.map((r) => ({
      rep: r.rep,
      team: r.team,
      region: r.region,
      startDate: r.start_date,
      potentialCents: r.potential_cents,
    })),
    bookings: ctx.sql.rows<BookingRow>(compBookingsQuery(offset)).map((r) => ({
      rep: r.rep,
      quarter: r.quarter,
      wonCents: r.won_cents,
      wonCount: r.won_count,
      lostCents: r.lost_cents,
      dueCents: r.due_cents,
    })),
    deals: ctx.sql.rows<DealRow>(compDealGroupsQuery(offset)).map((r) => ({
      rep: r.rep,
      quarter: r.quarter,
      product: r.product,
      dealType: r.deal_type,
      wonCents: r.won_cents,
      wonCount: r.won_count,
    })),
    ...clawbacks(ctx, offset),
    quotaRows: ctx.sql.rows<QuotaRow>(compQuotaRowsQuery()).map((r) => ({
      rep: r.rep,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      quotaCents: r.quota_cents,
    })),
    firstQuarter: span.first_quarter,
    lastQuarter: span.last_quarter,
    referenceDate: span.reference_date,
  };
}

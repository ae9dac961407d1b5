// The data-quality verb: runs every check of src/features/import/quality.ts on the loaded tables
// and describes each finding's effect on the KPIs.
import type { DataQualityRequest, DataQualityResult, QualityIssue } from '../../src/features/import/contract';
import { extentQuery, type ExtentRow } from '../../src/queries/extent';
import {
  accountSpellingsQuery,
  closedBeforeCreatedQuery,
  dealsWithoutAccountQuery,
  duplicateIdsQuery,
  openPastCloseQuery,
  ownersMissingQuery,
  tableRowsQuery,
  wonWithoutAmountQuery,
  type QualityCheckId,
  type QualityRow,
} from '../../src/features/import/quality';
import { describeEffect, type EffectStyle, QUALITY_TITLES, totalsOf } from '../../src/features/import/qualityEffects';
import type { SqlQuery } from '../../src/platform/sql/sql';
import { dataCurrencyOf, dataCurrencyQuery } from '../../src/queries/currency';
import type { AnalyticsContext } from './context';

const DEFAULT_EXAMPLES = 5;

export function dataQuality(ctx: AnalyticsContext, request: DataQualityRequest = {}): DataQualityResult {
  const limit = Math.max(1, Math.min(50, Math.trunc(request.examples ?? DEFAULT_EXAMPLES)));
  const referenceDate = request.referenceDate ?? ctx.sql.one<ExtentRow>(extentQuery()).reference_date;
  const count = (table: 'reps' | 'leads' | 'accounts') => ctx.sql.one<{ n: number }>(tableRowsQuery(table)).n;
  // The data's currency, else the user's choice; with neither the effects give plain numbers.
  const currency = dataCurrencyOf(ctx.sql.rows<{ currency: string }>(dataCurrencyQuery())) ?? request.currency ?? null;
  const style = { currency, locale: request.locale ?? 'en-US' };
  const run = (id: QualityCheckId, q: SqlQuery): QualityIssue => issue(id, ctx.sql.rows<QualityRow>(q), referenceDate, style);
  const issues: QualityIssue[] = [
    run('closed_before_created', closedBeforeCreatedQuery(limit)),
    referenceDate
      ? run('open_past_close', openPastCloseQuery(referenceDate, limit))
      : unavailable('open_past_close', 'There is no reference date: no deal has a date.'),
    run('won_without_amount', wonWithoutAmountQuery(limit)),
    run('duplicate_opportunity_ids', duplicateIdsQuery('opportunities', limit)),
    count('leads') > 0
      ? run('duplicate_lead_ids', duplicateIdsQuery('leads', limit))
      : unavailable('duplicate_lead_ids', 'No leads file was loaded.'),
    count('reps') > 0
      ? run('owners_missing_from_reps', ownersMissingQuery(limit))
      : unavailable('owners_missing_from_reps', 'No reps file was loaded, so owners cannot be checked against it.'),
    run('account_spellings', accountSpellingsQuery(limit)),
    run('deals_without_account', dealsWithoutAccountQuery(limit)),
  ];
  return { referenceDate, issues, currency };
}

function issue(id: QualityCheckId, rows: readonly QualityRow[], referenceDate: string | null, style: EffectStyle): QualityIssue {
  const totals = totalsOf(rows);
  return {
    id,
    title: QUALITY_TITLES[id],
    count: totals.n,
    amount: totals.amount,
    effect: describeEffect(id, totals, referenceDate, style),
    examples: rows.map((r) => ({ label: r.label, detail: r.detail, file: r.file, line: r.line })),
  };
}

function unavailable(id: QualityCheckId, reason: string): QualityIssue {
  return { id, title: QUALITY_TITLES[id], count: 0, amount: null, effect: reason, examples: [], unavailable: reason };
}

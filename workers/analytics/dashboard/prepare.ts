// Builds the dashboard's prepared tables once per import and remembers what every refresh
// needs (stage order, filter values, the data's extent), so a refresh only aggregates.
import type { DataExtent } from '../../../src/engine-api/types';
import { knownStageRank } from '../../../src/mapping/stageOrder';
import {
  factTableSql,
  firstWonSql,
  leadsCubeSql,
  stageNamesQuery,
  stageOrderSql,
  stagesQuery,
  USER_STAGE_ORDER,
  type KnownStageRank,
  type StageRow,
} from '../../../src/queries/fact';
import { extentQuery, type ExtentRow } from '../../../src/queries/extent';
import { leadLinkSql } from '../../../src/queries/article';
import { DIMENSIONS, isDimension, type Dimension } from '../../../src/shared/filters';
import { dimensionValuesQuery, type DimensionValueRow } from '../../../src/queries/sideTables';
import { dataCurrencyOf, dataCurrencyQuery } from '../../../src/queries/currency';
import { presenceQuery, type Presence } from '../../../src/queries/availability';
import type { AnalyticsContext } from '../context';
import { resetMonthly } from './monthly';
import { warehouseOf } from '../warehouse/state';
import { createSnapshotsSql, laterAsOfSql, referenceWithSnapshot } from '../../../src/mapping/snapshots';

export interface Prepared {
  readonly extent: DataExtent;
  /** Funnel stages in order (open stages, then won). */
  readonly stages: readonly StageRow[];
  readonly hasHistory: boolean;
  readonly dimensionValues: Partial<Record<Dimension, readonly (string | null)[]>>;
  /** Which inputs the loaded data carries at all: a KPI reading an absent one is not available. */
  readonly presence: Presence;
  readonly leadRows: number;
  /** The one currency the deals name (a currency column, or codes and symbols in the amounts), else null. */
  readonly currency: string | null;
}

const prepared = new WeakMap<AnalyticsContext, Prepared>();

/** Forget the prepared tables: the next dashboard call rebuilds them (call after every import). */
export function resetDashboard(ctx: AnalyticsContext): void {
  prepared.delete(ctx);
  resetMonthly(ctx);
}

export function prepare(ctx: AnalyticsContext): Prepared {
  const done = prepared.get(ctx);
  if (done) return done;
  // Opened from cube files: the job learnt all this where the deals are.
  const cubes = warehouseOf(ctx);
  if (cubes) return cubes.manifest.prepared;
  // Data loaded before the user could order stages (e.g. the demo) has no order of theirs.
  ctx.sql.run({ sql: `CREATE TABLE IF NOT EXISTS ${USER_STAGE_ORDER} (stage VARCHAR, ord INTEGER)`, params: [] });
  const known: KnownStageRank[] = [];
  for (const { stage } of ctx.sql.rows<{ stage: string }>(stageNamesQuery())) {
    const rank = knownStageRank(stage);
    if (rank !== null) known.push({ stage, rank });
  }
  for (const q of [stageOrderSql(known), factTableSql(), firstWonSql(), leadsCubeSql(), leadLinkSql()]) ctx.sql.run(q);
  const e = ctx.sql.one<ExtentRow>(extentQuery());
  ctx.sql.run(createSnapshotsSql(true));
  const values: Partial<Record<Dimension, (string | null)[]>> = {};
  for (const d of DIMENSIONS) values[d] = [];
  for (const row of ctx.sql.rows<DimensionValueRow>(dimensionValuesQuery())) {
    if (isDimension(row.dim)) values[row.dim]?.push(row.value);
  }
  const result: Prepared = {
    extent: {
      opportunities: e.opportunities,
      firstClose: e.first_close,
      lastClose: e.last_close,
      referenceDate: referenceWithSnapshot(e.reference_date, ctx.sql.one<{ as_of: string | null }>(laterAsOfSql()).as_of),
      openMonths: e.open_months ? e.open_months.split(',').sort() : [],
    },
    stages: ctx.sql.rows<StageRow>(stagesQuery()),
    hasHistory: ctx.sql.one<{ n: number }>({ sql: 'SELECT count(*)::INTEGER AS n FROM stage_history', params: [] }).n > 0,
    dimensionValues: values,
    presence: ctx.sql.one<Presence>(presenceQuery()),
    leadRows: ctx.sql.one<{ n: number }>({ sql: 'SELECT count(*)::INTEGER AS n FROM leads', params: [] }).n,
    currency: dataCurrencyOf(ctx.sql.rows<{ currency: string }>(dataCurrencyQuery())),
  };
  prepared.set(ctx, result);
  return result;
}

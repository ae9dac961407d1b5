// The dashboard's three cubes as query descriptions (src/platform/query): the tab renders
// them for DuckDB, the cube job for ClickHouse (docs/warehouse.md). Each cube lists the
// columns it hands over: text ones become dictionaries in the worker, numbers DOUBLE.
import {
  and,
  bool,
  coalesce,
  col,
  date,
  eq,
  gt,
  int,
  isNull,
  keyCol,
  le,
  lt,
  ne,
  NULL,
  not,
  or,
  text,
  when,
  type CubeQuery,
  type Expr,
  type Source,
} from '../../../platform/query/ast';
import { FACT_TABLE } from '../../../queries/fact';
import { DIMENSIONS } from '../../../shared/filters';
import { AGING_BUCKETS } from './views';

/** The fact table's columns a cube may read (src/queries/fact.ts builds it; docs/warehouse.md maps a warehouse onto it). */
export const FACT_COLUMNS = [
  'opportunity_id',
  'status',
  'stage',
  'amount',
  'amount_imputed',
  'currency',
  'probability',
  'created_date',
  'close_date',
  'cycle_days',
  ...DIMENSIONS,
  'account_key',
  'stage_ord',
  'reached',
] as const;

export const CUBE_DIMS = DIMENSIONS;

const FACT: Source = { table: FACT_TABLE, columns: FACT_COLUMNS };
const dimKeys = CUBE_DIMS.map((d) => keyCol(d));

/** A cube and the columns the worker loads from it. */
export interface CubeSpec {
  readonly id: 'closed' | 'created' | 'won';
  readonly query: CubeQuery;
  readonly text: readonly string[];
  readonly num: readonly string[];
}

function spec(id: CubeSpec['id'], query: CubeQuery): CubeSpec {
  return {
    id,
    query,
    text: query.keys.filter((k) => k.type === 'text' || k.type === 'isoDate').map((k) => k.name),
    num: [...query.keys.filter((k) => k.type === 'double').map((k) => k.name), ...query.measures.map((m) => m.name)],
  };
}

/** Open at the reference date (the same rule as src/queries/tiles.ts openAtSql). */
function openAt(ref: string): Expr {
  return or(
    and(eq(col('status'), text('open')), or(isNull(col('created_date')), le(col('created_date'), date(ref)))),
    and(ne(col('status'), text('open')), le(col('created_date'), date(ref)), gt(col('close_date'), date(ref))),
  );
}

/** The aging bucket while the deal is open (the same rule as src/features/dashboard/core/views.ts agingSql). */
function aging(active: Expr): Expr {
  const bounds = [30, 60, 90, 180] as const;
  return when(
    [
      { if: not(active), then: NULL },
      { if: isNull(col('created_date')), then: text(AGING_BUCKETS[5]) },
      ...bounds.map((b, i) => ({ if: le(col('age'), int(b)), then: text(AGING_BUCKETS[i] ?? '') })),
    ],
    text(AGING_BUCKETS[4]),
  );
}

const sum = (of: Expr, where?: Expr) => ({ agg: 'sum' as const, of, ...(where ? { where } : {}) });
const count = (of?: Expr, where?: Expr) => ({ agg: 'count' as const, ...(of ? { of } : {}), ...(where ? { where } : {}) });
const month = (column: string) => ({ op: 'monthStart' as const, a: col(column) });

/** Closed and open deals by close month; `is_open`, `past_due` and `aging` depend on the reference date. */
export function closedCube(ref: string): CubeSpec {
  const wtd: Expr = { op: 'mul', a: col('amount'), b: col('probability') };
  return spec('closed', {
    source: FACT,
    derive: [
      [
        { name: 'is_open', expr: openAt(ref) },
        { name: 'age', expr: { op: 'daysBetween', from: col('created_date'), to: date(ref) } },
        { name: 'past_due', expr: coalesce(lt(col('close_date'), date(ref)), bool(false)) },
      ],
      [{ name: 'aging_bucket', expr: aging(col('is_open')) }],
    ],
    keys: [
      { name: 'cm', expr: month('close_date'), type: 'isoDate' },
      keyCol('status'),
      keyCol('stage'),
      keyCol('currency'),
      { name: 'aging', expr: col('aging_bucket'), type: 'text' },
      ...dimKeys,
      keyCol('is_open', 'double'),
      keyCol('past_due', 'double'),
    ],
    measures: [
      { name: 'n', agg: count(), type: 'double' },
      { name: 'amt', agg: sum(col('amount')), type: 'double' },
      { name: 'amt_n', agg: count(col('amount')), type: 'double' },
      { name: 'cyc_sum', agg: sum(col('cycle_days')), type: 'double' },
      { name: 'cyc_n', agg: count(col('cycle_days')), type: 'double' },
      { name: 'wtd', agg: sum(wtd), type: 'double' },
      { name: 'wtd_n', agg: count(wtd), type: 'double' },
      { name: 'imputed_n', agg: count(undefined, col('amount_imputed')), type: 'double' },
    ],
  });
}

/**
 * Deals by created month with the funnel steps each reached, as two 31-bit words (a double
 * holds 53 bits exactly): the stages reached from stage history when loaded, else every
 * stage up to the current one.
 */
export function createdCube(): CubeSpec {
  const steps = when(
    [
      { if: not(isNull(col('reached'))), then: col('reached') },
      { if: not(isNull(col('stage_ord'))), then: { op: 'lowBits', a: { op: 'least', a: col('stage_ord'), b: int(61) } } },
    ],
    int(0),
  );
  return spec('created', {
    source: FACT,
    derive: [[{ name: 'steps', expr: steps }]],
    keys: [
      { name: 'km', expr: month('created_date'), type: 'isoDate' },
      keyCol('status'),
      ...dimKeys,
      { name: 'steps_lo', expr: { op: 'bitAnd', a: col('steps'), mask: 2147483647 }, type: 'double' },
      { name: 'steps_hi', expr: { op: 'shiftRight', a: col('steps'), bits: 31 }, type: 'double' },
    ],
    measures: [{ name: 'n', agg: count(), type: 'double' }],
  });
}

/**
 * Won deals by account and filter dimensions, with the trailing year up to the reference
 * date marked: CLV's distinct accounts under any filter without scanning every deal.
 */
export function wonCube(ref: string): CubeSpec {
  const inYear = and(gt(col('close_date'), { op: 'yearsBefore', a: date(ref), years: 1 }), le(col('close_date'), date(ref)));
  return spec('won', {
    source: FACT,
    derive: [[{ name: 'in_year', expr: inYear }]],
    where: eq(col('status'), text('won')),
    keys: [keyCol('account_key'), ...dimKeys],
    measures: [
      { name: 'amt', agg: sum(col('amount')), type: 'double' },
      { name: 'y_amt', agg: sum(col('amount'), col('in_year')), type: 'double' },
      { name: 'any_y', agg: { agg: 'any', of: col('in_year') }, type: 'double' },
    ],
  });
}

export function cubeSpecs(ref: string): CubeSpec[] {
  return [closedCube(ref), createdCube(), wonCube(ref)];
}

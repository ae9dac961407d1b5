// What the cube job runs on a ClickHouse server, as query descriptions over the canonical
// tables (docs/warehouse.md, "The job on a ClickHouse server"): the fact rows the cubes read
// (the tab builds the same table in src/queries/fact.ts), and the four side tables the tab
// builds in src/features/dashboard/core/cubeTables.ts, in the file contract's columns. Nothing is created on
// the server: the fact is a subquery of every cube query.
import {
  and,
  coalesce,
  col,
  eq,
  int,
  isNull,
  keyCol,
  le,
  not,
  NULL,
  nullOf,
  or,
  text,
  when,
  type CubeQuery,
  type Expr,
  type Join,
  type Key,
  type Measure,
  type QuerySource,
  type RowsQuery,
} from '../../src/platform/query/ast';
import { FACT_COLUMNS } from '../../src/features/dashboard/core/cubeQueries';
import { FACT_TABLE } from '../../src/queries/fact';
import { canonical } from './canonical';

/** A stage's place in the funnel, as the job's stage order gives it (lost stages have none). */
export interface StageOrd {
  readonly stage: string;
  readonly kind: 'open' | 'won' | 'lost';
  readonly ord: number | null;
}

const count = (where?: Expr): Measure['agg'] => ({ agg: 'count', ...(where ? { where } : {}) });
const max = (of: Expr): Measure['agg'] => ({ agg: 'max', of });
const month = (e: Expr): Expr => ({ op: 'monthStart', a: e });
const notNull = (e: Expr): Expr => not(isNull(e));

/** `stage` → its place, for the stages `keep` admits; any other stage NULL. */
function stageLookup(stages: readonly StageOrd[], keep: (s: StageOrd) => boolean): Expr {
  const cases = stages
    .filter((s) => s.ord !== null && keep(s))
    .map((s) => ({ if: eq(col('stage'), text(s.stage)), then: int(s.ord ?? 0) }));
  // No stage at all: still a typed (integer) NULL, so the engines agree on the column's type.
  return when(cases.length > 0 ? cases : [{ if: eq(int(0), int(1)), then: int(0) }], NULL);
}

/** Each rep's team, manager and region (a rep listed twice: the greatest of each, on both engines). */
export function repDims(): CubeQuery {
  return {
    source: canonical('reps'),
    derive: [],
    keys: [keyCol('rep')],
    measures: (['team', 'manager', 'region'] as const).map((c) => ({ name: `rep_${c}`, agg: max(col(c)), type: 'text' })),
  };
}

const repJoin = (left: string): Join => ({
  query: repDims(),
  on: { left, right: 'rep' },
  take: ['team', 'manager', 'region'].map((c) => ({ name: `rep_${c}`, as: c })),
});

function industryBy(key: 'account_id' | 'account_name'): CubeQuery {
  return {
    source: canonical('accounts', key === 'account_id' ? { where: notNull(col('account_id')) } : {}),
    derive: [],
    keys: [keyCol(key)],
    measures: [{ name: 'acct_industry', agg: max(col('industry')), type: 'text' }],
  };
}

/** The furthest funnel step (below 62) each deal's stage history reached. */
function historyTop(stages: readonly StageOrd[]): CubeQuery {
  return {
    source: canonical('stage_history'),
    derive: [[{ name: 'hist_ord', expr: stageLookup(stages, (s) => s.kind !== 'lost' && (s.ord ?? 62) < 62) }]],
    keys: [keyCol('opportunity_id')],
    measures: [{ name: 'hist_top', agg: max(col('hist_ord')), type: 'int' }],
  };
}

const FACT_TYPES: Partial<Record<(typeof FACT_COLUMNS)[number], Key['type']>> = {
  amount: 'double',
  probability: 'double',
  amount_imputed: 'bool',
  created_date: 'date',
  close_date: 'date',
  cycle_days: 'int',
  stage_ord: 'int',
  reached: 'int',
};

/** The fact rows the cubes read, from opportunities, reps, accounts and stage history. */
export function factRows(stages: readonly StageOrd[]): RowsQuery {
  const byId: Join = {
    query: industryBy('account_id'),
    on: { left: 'account_id', right: 'account_id' },
    take: [{ name: 'acct_industry', as: 'industry_by_id' }],
  };
  const byName: Join = {
    query: industryBy('account_name'),
    on: { left: 'account_name', right: 'account_name' },
    take: [{ name: 'acct_industry', as: 'industry_by_name' }],
  };
  const history: Join = {
    query: historyTop(stages),
    on: { left: 'opportunity_id', right: 'opportunity_id' },
    take: [{ name: 'hist_top', as: 'hist_top' }],
  };
  const furthest: Expr = { op: 'greatest', a: col('hist_top'), b: col('stage_ord') };
  return {
    source: canonical('opportunities', { joins: [repJoin('owner'), byId, byName, history] }),
    derive: [
      [
        { name: 'cycle_days', expr: { op: 'daysBetween', from: col('created_date'), to: col('close_date') } },
        { name: 'industry', expr: coalesce(col('industry_by_id'), col('industry_by_name')) },
        { name: 'account_key', expr: coalesce(col('account_id'), col('account_name')) },
        { name: 'stage_ord', expr: stageLookup(stages, (s) => s.kind !== 'lost') },
      ],
      // Every step up to the furthest the history or the current stage shows (src/queries/fact.ts).
      [{ name: 'reached', expr: { op: 'lowBits', a: { op: 'least', a: coalesce(furthest, int(0)), b: int(61) } } }],
    ],
    select: FACT_COLUMNS.map((c) => keyCol(c, FACT_TYPES[c] ?? 'text')),
  };
}

/** The fact rows as the source of the dashboard's cube queries (src/features/dashboard/core/cubeQueries.ts). */
export function factSource(stages: readonly StageOrd[]): QuerySource {
  return { name: FACT_TABLE, query: factRows(stages), columns: FACT_COLUMNS };
}

/**
 * Spend or quotas spread over the calendar months their period covers, by days of overlap, and
 * (`month` NULL) each key's whole amount: the two queries of one side table.
 */
function spread(rows: RowsQuery, keys: readonly string[]): [CubeQuery, CubeQuery] {
  const ps = col('period_start');
  const pe = col('period_end');
  const columns = rows.select.map((k) => k.name);
  const source: QuerySource = { name: 'pl_spread', query: rows, columns };
  // Only periods that end on or after their start are spread (a month series needs both dates).
  const dated: QuerySource = { name: 'pl_spread', query: { ...rows, where: le(ps, pe) }, columns };
  const days = (from: Expr, to: Expr): Expr => ({ op: 'daysBetween', from, to });
  const overlap = days(
    { op: 'greatest', a: ps, b: col('month_start') },
    { op: 'least', a: { op: 'addDays', a: pe, days: 1 }, b: { op: 'addMonths', a: col('month_start'), months: 1 } },
  );
  const share: Expr = {
    op: 'div',
    a: { op: 'mul', a: col('money'), b: { op: 'greatest', a: int(0), b: overlap } },
    b: { op: 'greatest', a: int(1), b: days(ps, { op: 'addDays', a: pe, days: 1 }) },
  };
  const byMonth: CubeQuery = {
    source: dated,
    derive: [[{ name: 'month_start', expr: { op: 'monthSeries', from: ps, to: pe } }]],
    keys: [{ name: 'month', expr: col('month_start'), type: 'isoDate' }, ...keys.map((k) => keyCol(k))],
    measures: [{ name: 'amount', agg: { agg: 'sum', of: share }, type: 'double' }],
  };
  const whole: CubeQuery = {
    source,
    derive: [],
    keys: [{ name: 'month', expr: nullOf('date'), type: 'isoDate' }, ...keys.map((k) => keyCol(k))],
    measures: [{ name: 'amount', agg: { agg: 'sum', of: col('money') }, type: 'double' }],
  };
  return [byMonth, whole];
}

const periodCols = [keyCol('period_start', 'date'), keyCol('period_end', 'date')];

export function spendQueries(): CubeQuery[] {
  const rows: RowsQuery = {
    source: canonical('spend'),
    derive: [],
    select: [...periodCols, keyCol('channel'), { name: 'money', expr: col('amount'), type: 'double' }],
  };
  return spread(rows, ['channel']);
}

export function quotaQueries(): CubeQuery[] {
  const rows: RowsQuery = {
    source: canonical('quotas', { joins: [repJoin('rep')] }),
    derive: [],
    select: [
      ...periodCols,
      ...['rep', 'team', 'manager', 'region'].map((k) => keyCol(k)),
      { name: 'money', expr: col('quota_amount'), type: 'double' },
    ],
  };
  return spread(rows, ['rep', 'team', 'manager', 'region']);
}

/** Leads a deal names by its lead id. */
function namedLeads(): Join {
  return {
    query: {
      source: canonical('opportunities', { where: notNull(col('lead_id')) }),
      derive: [],
      keys: [keyCol('lead_id')],
      measures: [{ name: 'named_n', agg: count(), type: 'int' }],
    },
    on: { left: 'lead_id', right: 'lead_id' },
    take: [{ name: 'named_n', as: 'named_n' }],
  };
}

const leadSource = () => canonical('leads', { joins: [namedLeads(), repJoin('owner')] });
const LEAD_KEYS = ['owner', 'team', 'manager', 'region'].map((k) => keyCol(k));

/** Leads by created month, source, owner and the owner's team; converted as docs/kpis.md says. */
export function leadQueries(): CubeQuery[] {
  const converted = or(col('is_converted'), notNull(col('converted_opportunity_id')), notNull(col('named_n')));
  return [
    {
      source: leadSource(),
      derive: [],
      keys: [
        { name: 'month', expr: month(col('created_date')), type: 'isoDate' },
        { name: 'lead_source', expr: col('source'), type: 'text' },
        ...LEAD_KEYS,
      ],
      measures: [
        { name: 'leads', agg: count(), type: 'int' },
        { name: 'converted', agg: count(converted), type: 'int' },
      ],
    },
  ];
}

/** Rows of the tab's lead table by day (`prepared.sideCounts.lead_rows`): its groups, counted. */
export function leadDayGroups(): CubeQuery {
  const days: CubeQuery = {
    source: leadSource(),
    derive: [],
    keys: [keyCol('created_date', 'date'), keyCol('source'), ...LEAD_KEYS],
    measures: [{ name: 'n', agg: count(), type: 'int' }],
  };
  return {
    source: { name: 'pl_days', query: days, columns: ['created_date', 'source', 'owner', 'team', 'manager', 'region', 'n'] },
    derive: [],
    keys: [],
    total: true,
    measures: [{ name: 'groups', agg: count(), type: 'int' }],
  };
}

/** Accounts by the month of their first won deal (new customers, for CAC). */
export function firstWonQueries(): CubeQuery[] {
  const first: CubeQuery = {
    source: canonical('opportunities'),
    derive: [[{ name: 'account_key', expr: coalesce(col('account_id'), col('account_name')) }]],
    where: and(eq(col('status'), text('won')), notNull(col('account_key')), notNull(col('close_date'))),
    keys: [keyCol('account_key')],
    measures: [{ name: 'first_won', agg: { agg: 'min', of: col('close_date') }, type: 'date' }],
  };
  return [
    {
      source: { name: 'pl_first', query: first, columns: ['account_key', 'first_won'] },
      derive: [],
      keys: [{ name: 'month', expr: month(col('first_won')), type: 'isoDate' }],
      measures: [{ name: 'n', agg: count(), type: 'int' }],
    },
  ];
}

export const SIDE_QUERIES = { spend: spendQueries, quota: quotaQueries, leads: leadQueries, first_won: firstWonQueries } as const;

// The canonical tables the cube job reads on a ClickHouse server (docs/warehouse.md, "The
// canonical tables on ClickHouse"): docs/spec.md §1's tables, as views a company maps its
// warehouse onto, with only the columns the job reads. Types are ClickHouse's: dates Date32
// (Date stops at 1970 and 2149), money Float64 (ClickHouse adds no Decimal to a Float64).
import type { TableSource } from '../../src/platform/query/ast';

const TEXT = 'Nullable(String)';
const DATE = 'Nullable(Date32)';
const DOUBLE = 'Nullable(Float64)';

export const CANONICAL_CH = {
  opportunities: {
    opportunity_id: TEXT,
    account_id: TEXT,
    account_name: TEXT,
    owner: TEXT,
    stage: TEXT,
    status: TEXT,
    amount: DOUBLE,
    // Not in docs/spec.md §1: true where the warehouse filled an amount in (NULL reads false).
    amount_imputed: 'Nullable(Bool)',
    currency: TEXT,
    created_date: DATE,
    close_date: DATE,
    probability: DOUBLE,
    lead_source: TEXT,
    deal_type: TEXT,
    product: TEXT,
    lead_id: TEXT,
  },
  reps: { rep: TEXT, team: TEXT, manager: TEXT, region: TEXT },
  accounts: { account_id: TEXT, account_name: TEXT, industry: TEXT },
  stage_history: { opportunity_id: TEXT, changed_at: DATE, stage: TEXT, probability: DOUBLE },
  leads: {
    lead_id: TEXT,
    created_date: DATE,
    source: TEXT,
    owner: TEXT,
    is_converted: 'Nullable(Bool)',
    converted_opportunity_id: TEXT,
  },
  quotas: { rep: TEXT, period_start: DATE, period_end: DATE, quota_amount: DOUBLE },
  spend: { period_start: DATE, period_end: DATE, channel: TEXT, amount: DOUBLE },
} as const;

export type CanonicalName = keyof typeof CANONICAL_CH;

export const CANONICAL_NAMES = Object.keys(CANONICAL_CH) as CanonicalName[];

/** A canonical table as a query source: its columns as the job reads them. */
export function canonical(name: CanonicalName, extra: Omit<TableSource, 'table' | 'columns'> = {}): TableSource {
  return { table: name, columns: Object.keys(CANONICAL_CH[name]), ...extra };
}

/** ClickHouse DDL of a canonical table (Memory engine: the tests' server; a warehouse maps views). */
export function canonicalDdl(name: CanonicalName, database: string): string {
  const cols = Object.entries(CANONICAL_CH[name]).map(([c, t]) => `${c} ${t}`);
  return `CREATE TABLE ${database}.${name} (${cols.join(', ')}) ENGINE = Memory`;
}

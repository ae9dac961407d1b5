// The fact table's column types on each engine: what the cube job creates on chdb, what a
// warehouse view must hand over (docs/warehouse.md, "The cube job"), and how a CSV of fact
// rows is read back into DuckDB for the parity suite. Dates are Date32: ClickHouse's Date
// stops at 1970 and 2149, the data reaches from 1900.
import { FACT_COLUMNS } from '../../src/features/dashboard/core/cubeQueries';

type FactColumn = (typeof FACT_COLUMNS)[number];

const TEXT = { ch: 'Nullable(String)', duck: 'VARCHAR' };
const DATE = { ch: 'Nullable(Date32)', duck: 'DATE' };
const DOUBLE = { ch: 'Nullable(Float64)', duck: 'DOUBLE' };

export const FACT_TYPES: Record<FactColumn, { ch: string; duck: string }> = {
  opportunity_id: TEXT,
  status: TEXT,
  stage: TEXT,
  amount: DOUBLE,
  amount_imputed: { ch: 'Bool', duck: 'BOOLEAN' },
  currency: TEXT,
  probability: DOUBLE,
  created_date: DATE,
  close_date: DATE,
  cycle_days: { ch: 'Nullable(Int32)', duck: 'INTEGER' },
  owner: TEXT,
  team: TEXT,
  manager: TEXT,
  region: TEXT,
  product: TEXT,
  lead_source: TEXT,
  deal_type: TEXT,
  industry: TEXT,
  account_key: TEXT,
  stage_ord: { ch: 'Nullable(Int32)', duck: 'INTEGER' },
  // Up to 62 bits: never through a JavaScript number.
  reached: { ch: 'Nullable(Int64)', duck: 'BIGINT' },
};

/** ClickHouse DDL of the fact table (Memory engine: the trial and the tests; a warehouse maps a view). */
export function clickhouseFactDdl(table: string, engine = 'Memory'): string {
  const cols = FACT_COLUMNS.map((c) => `${c} ${FACT_TYPES[c].ch}`).join(', ');
  return `CREATE TABLE ${table} (${cols}) ENGINE = ${engine}`;
}

/** DuckDB's read of the fact columns as text, so every value leaves exactly (dates ISO, bits as digits). */
export function duckdbFactTextSql(table: string): string {
  return `SELECT ${FACT_COLUMNS.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')} FROM ${table}`;
}

/** One CSV line per row: NULL as \N (both engines read it so), text quoted with doubled quotes. */
export function factCsv(rows: readonly Record<string, string | null>[]): string {
  const quoted = FACT_COLUMNS.map((c) => FACT_TYPES[c] === TEXT);
  const cell = (v: string | null | undefined, quote: boolean): string =>
    v === null || v === undefined ? '\\N' : quote ? `"${v.replaceAll('"', '""')}"` : v;
  return rows.map((r) => FACT_COLUMNS.map((c, i) => cell(r[c], quoted[i] ?? true)).join(',')).join('\n') + '\n';
}

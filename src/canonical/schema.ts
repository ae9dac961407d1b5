// The canonical tables of docs/spec.md §1: every export, whatever CRM it came from, lands here.
// The column kinds drive both the DDL and the value conversion applied during mapping.
import { quoteIdent } from '../platform/sql/sql';

export type ValueKind = 'text' | 'money' | 'date' | 'number' | 'integer' | 'fraction' | 'boolean' | 'status';

export interface ColumnDef {
  readonly name: string;
  readonly kind: ValueKind;
  /** Marked * in docs/spec.md §1: a row without it cannot be loaded. */
  readonly required?: boolean;
  /** Filled by the loader itself (provenance), never mapped from a source column. */
  readonly provenance?: boolean;
  /** Added after pipelens's own layout was fixed: a file in that layout may lack it (presets/pipelens.ts). */
  readonly optional?: boolean;
}

export type CanonicalTable = 'opportunities' | 'leads' | 'accounts' | 'reps' | 'quotas' | 'spend' | 'stage_history';

const c = (name: string, kind: ValueKind, required = false): ColumnDef => ({ name, kind, required });
const provenance: ColumnDef[] = [
  { name: 'source_file', kind: 'text', required: true, provenance: true },
  { name: 'source_line', kind: 'integer', required: true, provenance: true },
];

export const CANONICAL_SCHEMA: Readonly<Record<CanonicalTable, readonly ColumnDef[]>> = {
  opportunities: [
    c('opportunity_id', 'text', true),
    c('name', 'text'),
    c('account_id', 'text'),
    c('account_name', 'text'),
    c('owner', 'text'),
    c('stage', 'text'),
    c('status', 'status', true),
    c('amount', 'money'),
    c('currency', 'text'),
    c('created_date', 'date'),
    c('close_date', 'date'),
    c('probability', 'fraction'),
    c('forecast_category', 'text'),
    c('lead_source', 'text'),
    c('deal_type', 'text'),
    c('product', 'text'),
    c('lead_id', 'text'),
    ...provenance,
  ],
  leads: [
    c('lead_id', 'text', true),
    c('created_date', 'date'),
    c('source', 'text'),
    c('status', 'text'),
    c('is_converted', 'boolean'),
    c('converted_date', 'date'),
    c('converted_opportunity_id', 'text'),
    c('owner', 'text'),
    c('company', 'text'),
    c('country', 'text'),
    c('state', 'text'),
    // Where the lead came from, finer than its source (docs/leads.md, "By attribute").
    { name: 'campaign', kind: 'text', optional: true },
    { name: 'landing_page', kind: 'text', optional: true },
    { name: 'origin', kind: 'text', optional: true },
    ...provenance,
  ],
  accounts: [
    c('account_id', 'text'),
    c('account_name', 'text', true),
    c('industry', 'text'),
    c('employees', 'integer'),
    c('annual_revenue', 'money'),
    c('country', 'text'),
    c('state', 'text'),
    c('city', 'text'),
    c('postal_code', 'text'),
    c('latitude', 'number'),
    c('longitude', 'number'),
    c('owner', 'text'),
    c('territory', 'text'),
    c('parent_account', 'text'),
  ],
  reps: [c('rep', 'text', true), c('team', 'text'), c('manager', 'text'), c('region', 'text'), c('start_date', 'date')],
  quotas: [
    c('rep', 'text', true),
    c('period_start', 'date', true),
    c('period_end', 'date', true),
    c('quota_amount', 'money', true),
  ],
  spend: [c('period_start', 'date', true), c('period_end', 'date', true), c('channel', 'text'), c('amount', 'money', true)],
  stage_history: [
    c('opportunity_id', 'text', true),
    c('changed_at', 'date', true),
    c('stage', 'text'),
    c('amount', 'money'),
    c('close_date', 'date'),
    c('probability', 'fraction'),
    c('forecast_category', 'text'),
  ],
};

/** A column the loader keeps beside the spec's, with the SQL value every loaded row starts with. */
export interface ExtraColumn extends ColumnDef {
  readonly initial: string;
}

/** Extra columns of opportunities (docs/spec.md): how an amount was obtained (enrich() sets TRUE). */
export const OPPORTUNITY_EXTRAS: readonly ExtraColumn[] = [{ name: 'amount_imputed', kind: 'boolean', initial: 'FALSE' }];

/** `, FALSE AS amount_imputed`: the extras' starting values in a SELECT that fills opportunities. */
export function opportunityExtrasSelect(): string {
  return OPPORTUNITY_EXTRAS.map((x) => `, ${x.initial} AS ${quoteIdent(x.name)}`).join('');
}

/**
 * Every other column of a lead file, kept as text so the lead screen can group by it
 * (docs/leads.md, "By attribute"): one row per lead row and non-blank value, named by its header.
 */
export const LEAD_ATTRIBUTES_TABLE = 'lead_attributes';
export const LEAD_ATTRIBUTES_SCHEMA: readonly ColumnDef[] = [
  c('lead_id', 'text', true),
  c('name', 'text', true),
  c('value', 'text', true),
];

export function createLeadAttributesSql(): string {
  return tableDdl(LEAD_ATTRIBUTES_TABLE, LEAD_ATTRIBUTES_SCHEMA);
}

/** Rejected rows of every file of an import: the file's line, column, reason and raw value. */
export const REJECTS_TABLE = 'import_rejects';
export const REJECTS_SCHEMA: readonly ColumnDef[] = [
  c('source_file', 'text'),
  c('source_line', 'integer'),
  c('column_name', 'text'),
  c('reason', 'text'),
  c('raw_value', 'text'),
];

export const CANONICAL_TABLES = Object.keys(CANONICAL_SCHEMA) as CanonicalTable[];

const SQL_TYPES: Record<ValueKind, string> = {
  text: 'VARCHAR',
  money: 'DECIMAL(18,2)',
  date: 'DATE',
  number: 'DOUBLE',
  integer: 'BIGINT',
  fraction: 'DOUBLE',
  boolean: 'BOOLEAN',
  status: 'VARCHAR',
};

export function sqlTypeOf(kind: ValueKind): string {
  return SQL_TYPES[kind];
}

export function mappableColumns(table: CanonicalTable): readonly ColumnDef[] {
  return CANONICAL_SCHEMA[table].filter((col) => !col.provenance);
}

/** The one DDL writer: (re)creates a table, empty, from its column definitions. */
export function tableDdl(table: string, columns: readonly ColumnDef[]): string {
  const cols = columns.map((col) => `${quoteIdent(col.name)} ${sqlTypeOf(col.kind)}${col.required ? ' NOT NULL' : ''}`);
  return `CREATE OR REPLACE TABLE ${quoteIdent(table)} (${cols.join(', ')})`;
}

/** DDL that (re)creates one canonical table, empty. */
export function createTableSql(table: CanonicalTable): string {
  const extras = table === 'opportunities' ? OPPORTUNITY_EXTRAS : [];
  return tableDdl(table, [...CANONICAL_SCHEMA[table], ...extras]);
}

export function createRejectsSql(): string {
  return tableDdl(REJECTS_TABLE, REJECTS_SCHEMA);
}

// The file contract between the cube job (which writes aggregates as Parquet) and the tab
// (which reads them with range requests and folds them as it folds its own cubes):
// docs/warehouse.md, "Cube files". Both producers (the ClickHouse job and the DuckDB test
// script) write exactly this; the tab refuses anything else with a message that names the fault.
import type { DataExtent, StageOrderBasis } from './types';
import type { Presence } from '../queries/availability';

export const CUBE_FORMAT = 'pipelens-cubes';
/** Bumped whenever a table, a column or a meaning changes; the tab reads only its own version. */
export const CUBE_SCHEMA_VERSION = 1;

/**
 * What a column holds (the Parquet physical type each may use is in docs/warehouse.md):
 * `text` UTF-8 or NULL; `month` the first day of a calendar month as text `YYYY-MM-01` or a Parquet
 * DATE, NULL for no date; `count` a whole number, never NULL; `measure` a DOUBLE, NULL when nothing
 * was summed; `flag` BOOLEAN or 0/1.
 */
export type CubeColumnType = 'text' | 'month' | 'count' | 'measure' | 'flag';

export type CubeTableName = 'closed' | 'created' | 'won' | 'spend' | 'quota' | 'leads' | 'first_won';

const DIMS = ['owner', 'team', 'manager', 'region', 'product', 'lead_source', 'deal_type', 'industry'] as const;
const dims = (): [string, CubeColumnType][] => DIMS.map((d) => [d, 'text']);

/** Every table's columns, in order: exactly what the tab folds (docs/warehouse.md says what each means). */
export const CUBE_TABLES: Readonly<Record<CubeTableName, readonly (readonly [string, CubeColumnType])[]>> = {
  closed: [
    ['cm', 'month'],
    ['status', 'text'],
    ['stage', 'text'],
    ['currency', 'text'],
    ['aging', 'text'],
    ...dims(),
    ['is_open', 'flag'],
    ['past_due', 'flag'],
    ['n', 'count'],
    ['amt', 'measure'],
    ['amt_n', 'count'],
    ['cyc_sum', 'measure'],
    ['cyc_n', 'count'],
    ['wtd', 'measure'],
    ['wtd_n', 'count'],
    ['imputed_n', 'count'],
  ],
  created: [['km', 'month'], ['status', 'text'], ...dims(), ['n', 'count'], ['steps_lo', 'count'], ['steps_hi', 'count']],
  won: [['account_key', 'text'], ...dims(), ['amt', 'measure'], ['y_amt', 'measure'], ['any_y', 'flag']],
  spend: [
    ['month', 'month'],
    ['channel', 'text'],
    ['amount', 'measure'],
  ],
  quota: [
    ['month', 'month'],
    ['rep', 'text'],
    ['team', 'text'],
    ['manager', 'text'],
    ['region', 'text'],
    ['amount', 'measure'],
  ],
  leads: [
    ['month', 'month'],
    ['lead_source', 'text'],
    ['owner', 'text'],
    ['team', 'text'],
    ['manager', 'text'],
    ['region', 'text'],
    ['leads', 'count'],
    ['converted', 'count'],
  ],
  first_won: [
    ['month', 'month'],
    ['n', 'count'],
  ],
};

/** The tables the dashboard needs; the file lists exactly these. */
export const CUBE_TABLE_NAMES = Object.keys(CUBE_TABLES) as CubeTableName[];

export interface CubeColumn {
  readonly name: string;
  readonly type: CubeColumnType;
}

export interface CubePartition {
  /** Relative to the manifest's URL; no `..`, no scheme, no leading `/`. */
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  /** First and last month (YYYY-MM-01) of the rows' month column; null for the partition of rows without a month, or a table without one. */
  readonly months: { readonly first: string; readonly last: string } | null;
}

export interface CubeTable {
  readonly columns: readonly CubeColumn[];
  readonly partitions: readonly CubePartition[];
}

/** What the dashboard learns once per import (workers/analytics/dashboard/prepare.ts), computed by the job. */
export interface CubePrepared {
  readonly extent: DataExtent;
  /** Funnel stages in order: bit k of a created row's steps is stage k. */
  readonly stages: readonly {
    readonly stage: string;
    readonly kind: 'open' | 'won' | 'lost';
    readonly ord: number | null;
    readonly basis: StageOrderBasis;
  }[];
  readonly hasHistory: boolean;
  readonly dimensionValues: Readonly<Partial<Record<(typeof DIMS)[number], readonly (string | null)[]>>>;
  /** Which inputs the data carries at all (src/queries/availability.ts). */
  readonly presence: Presence;
  readonly leadRows: number;
  readonly currency: string | null;
  /** Rows of the source tables behind the side tables (0 says "no such file loaded"). */
  readonly sideCounts: { readonly spend_rows: number; readonly quota_rows: number; readonly lead_rows: number };
}

export interface CubeManifest {
  readonly format: typeof CUBE_FORMAT;
  readonly schemaVersion: number;
  /** ISO timestamp of the job's run. */
  readonly generatedAt: string;
  /** Where the data came from, in words the header shows (e.g. "ClickHouse crm @ warehouse.intra"). */
  readonly source: string;
  /** The "today" the cubes were built for (open-at, past due, aging, CLV's trailing year depend on it). */
  readonly referenceDate: string;
  /** First month of the fiscal year (1–12) the link opens with. */
  readonly fiscalStartMonth: number;
  readonly prepared: CubePrepared;
  readonly tables: Readonly<Record<CubeTableName, CubeTable>>;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}-01$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A relative path below the manifest's folder: nothing that could point to another origin or above. */
export function safePartitionPath(path: string): boolean {
  return (
    path.length > 0 &&
    !/^[a-z][a-z0-9+.-]*:/i.test(path) &&
    !path.startsWith('/') &&
    !path.includes('\\') &&
    !path.split('/').some((part) => part === '..' || part === '.' || part === '')
  );
}

/** Every fault of a parsed manifest, in words; an empty list means the tab can read it. */
export function manifestProblems(m: unknown): string[] {
  if (!isObject(m)) return ['The manifest is not a JSON object.'];
  if (m.format !== CUBE_FORMAT) return [`This is not a pipelens cube manifest (format should be "${CUBE_FORMAT}").`];
  if (m.schemaVersion !== CUBE_SCHEMA_VERSION) {
    return [
      `The cube files are schema version ${String(m.schemaVersion)}; this page reads version ${CUBE_SCHEMA_VERSION}. Rebuild the cubes with the job of this release.`,
    ];
  }
  const out: string[] = [];
  if (typeof m.generatedAt !== 'string' || Number.isNaN(Date.parse(m.generatedAt))) out.push('generatedAt is not a timestamp.');
  if (typeof m.source !== 'string' || m.source.trim() === '') out.push('source is missing.');
  if (typeof m.referenceDate !== 'string' || !ISO_DAY.test(m.referenceDate)) out.push('referenceDate is not a YYYY-MM-DD date.');
  if (!isCount(m.fiscalStartMonth) || m.fiscalStartMonth < 1 || m.fiscalStartMonth > 12) {
    out.push('fiscalStartMonth is not a month from 1 to 12.');
  }
  out.push(...preparedProblems(m.prepared));
  if (!isObject(m.tables)) return [...out, 'tables is missing.'];
  const tables = m.tables;
  for (const name of CUBE_TABLE_NAMES) out.push(...tableProblems(name, tables[name]));
  for (const name of Object.keys(tables)) {
    if (!(CUBE_TABLE_NAMES as string[]).includes(name))
      out.push(`Table ${name} is not part of schema version ${CUBE_SCHEMA_VERSION}.`);
  }
  return out;
}

function preparedProblems(p: unknown): string[] {
  if (!isObject(p)) return ['prepared is missing.'];
  const out: string[] = [];
  const e = p.extent;
  if (!isObject(e) || !isCount(e.opportunities)) out.push('prepared.extent is missing or has no opportunity count.');
  if (!Array.isArray(p.stages)) out.push('prepared.stages is not a list.');
  else if (p.stages.length > 62) out.push('prepared.stages has more than 62 stages (the steps words hold 62).');
  if (typeof p.hasHistory !== 'boolean') out.push('prepared.hasHistory is not true or false.');
  if (!isObject(p.dimensionValues)) out.push('prepared.dimensionValues is missing.');
  if (!isObject(p.presence)) out.push('prepared.presence is missing.');
  if (!isCount(p.leadRows)) out.push('prepared.leadRows is not a count.');
  if (p.currency !== null && typeof p.currency !== 'string') out.push('prepared.currency is not text or null.');
  const c = p.sideCounts;
  if (!isObject(c) || !isCount(c.spend_rows) || !isCount(c.quota_rows) || !isCount(c.lead_rows)) {
    out.push('prepared.sideCounts needs spend_rows, quota_rows and lead_rows counts.');
  }
  return out;
}

function tableProblems(name: CubeTableName, t: unknown): string[] {
  if (!isObject(t)) return [`Table ${name} is missing.`];
  const out: string[] = [];
  const want = CUBE_TABLES[name];
  const cols = Array.isArray(t.columns) ? t.columns : [];
  const got = cols.map((c) => (isObject(c) ? `${String(c.name)}:${String(c.type)}` : '?')).join(', ');
  const expected = want.map(([n, type]) => `${n}:${type}`).join(', ');
  if (got !== expected) out.push(`Table ${name} should have columns ${expected}; it has ${got || 'none'}.`);
  if (!Array.isArray(t.partitions) || t.partitions.length === 0) return [...out, `Table ${name} lists no partition.`];
  t.partitions.forEach((p: unknown, i) => {
    const where = `Table ${name}, partition ${i + 1}`;
    if (!isObject(p)) return out.push(`${where} is not an object.`);
    if (typeof p.path !== 'string' || !safePartitionPath(p.path)) {
      out.push(`${where}: path ${JSON.stringify(p.path)} must be relative, below the manifest's folder.`);
    }
    if (!isCount(p.rows) || !isCount(p.bytes) || p.bytes === 0) out.push(`${where}: rows and bytes must be counts (bytes > 0).`);
    const months = p.months;
    if (months !== null && !(isObject(months) && isMonth(months.first) && isMonth(months.last) && months.first <= months.last)) {
      out.push(`${where}: months must be null or {first, last} as YYYY-MM-01.`);
    }
  });
  return out;
}

const isMonth = (v: unknown): v is string => typeof v === 'string' && MONTH.test(v);

/** The manifest, checked; throws one message listing every fault. */
export function parseManifest(json: unknown): CubeManifest {
  const problems = manifestProblems(json);
  if (problems.length > 0) throw new Error(`The cube manifest cannot be read: ${problems.join(' ')}`);
  return json as CubeManifest;
}

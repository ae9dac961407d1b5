// pipelens's built-in demo data (docs/spec.md §6): a seeded, deterministic B2B sales org exported
// as seven CSV files with the canonical column names of docs/spec.md §1 (without the provenance
// columns source_file/source_line, which the loader adds; accounts carry one extra column,
// county_fips). Every table is streamed row by row from (seed, row index), so a million
// opportunities need well under 1 MB of state besides the chunk being built. Plain
// ECMAScript: runs unchanged in Node and in a web worker.

import { ACCOUNT_COLUMNS, accountRows } from './accounts';
import { isoDate } from './calendar';
import { createContext, type DemoContext } from './context';
import { chunks, csvLine, type RowSource } from './csv';
import { HISTORY_COLUMNS, stageHistoryRows } from './history';
import { LEAD_COLUMNS, leadRows } from './leads';
import { OPPORTUNITY_COLUMNS, opportunityRows } from './opportunities';
import { QUOTA_COLUMNS, quotaRows } from './quotas';
import { SPEND_COLUMNS, spendRows } from './spend';
import { at } from './prng';
import type { DemoOptions, DemoTable } from './types';

export type { DemoOptions, DemoTable } from './types';
export { DEMO_FLAWS } from './flaws';

export const DEMO_FILE_NAMES: Record<DemoTable, string> = {
  opportunities: 'opportunities.csv',
  reps: 'reps.csv',
  accounts: 'accounts.csv',
  leads: 'leads.csv',
  quotas: 'quotas.csv',
  spend: 'spend.csv',
  stage_history: 'stage_history.csv',
};

const REP_COLUMNS = ['rep', 'team', 'manager', 'region', 'start_date'] as const;

export const DEMO_HEADERS: Record<DemoTable, readonly string[]> = {
  opportunities: OPPORTUNITY_COLUMNS,
  reps: REP_COLUMNS,
  accounts: ACCOUNT_COLUMNS,
  leads: LEAD_COLUMNS,
  quotas: QUOTA_COLUMNS,
  spend: SPEND_COLUMNS,
  stage_history: HISTORY_COLUMNS,
};

function repRows(ctx: DemoContext): RowSource {
  return {
    count: ctx.reps.length,
    text(k) {
      const r = at(ctx.reps, k);
      return csvLine([r.name, r.team, r.manager, r.region, isoDate(r.start)]);
    },
  };
}

function rowsOf(ctx: DemoContext, table: DemoTable): RowSource {
  switch (table) {
    case 'opportunities':
      return opportunityRows(ctx);
    case 'reps':
      return repRows(ctx);
    case 'accounts':
      return accountRows(ctx);
    case 'leads':
      return leadRows(ctx);
    case 'quotas':
      return quotaRows(ctx);
    case 'spend':
      return spendRows(ctx);
    case 'stage_history':
      return stageHistoryRows(ctx);
  }
}

/**
 * Streams one table as CSV text chunks: the header line first, then ~1,000 records per chunk
 * (stage history: the snapshots of 1,000 opportunities; quotas and spend: one chunk).
 * Options are validated at the call (RangeError), not on the first iteration. The iterable
 * can be iterated again and yields the same text.
 */
export function streamDemoTable(opts: DemoOptions, table: DemoTable): Iterable<string> {
  const ctx = createContext(opts);
  const header = csvLine(DEMO_HEADERS[table]);
  return {
    *[Symbol.iterator]() {
      yield header;
      yield* chunks(rowsOf(ctx, table));
    },
  };
}

/** The whole demo as file name → CSV text. Convenience for small sizes; stream for big ones. */
export function generateDemo(opts: DemoOptions): Record<string, string> {
  const files: Record<string, string> = {};
  for (const table of Object.keys(DEMO_FILE_NAMES) as DemoTable[]) {
    let text = '';
    for (const chunk of streamDemoTable(opts, table)) text += chunk;
    files[DEMO_FILE_NAMES[table]] = text;
  }
  return files;
}

// The product's own engine core (workers/analytics/Analytics.ts on DuckDB-WASM's Node build,
// single-threaded like the browser) run on the bench file. Every statement the real import
// and dashboard paths run is timed by phase and recorded, so that native DuckDB can replay
// exactly the product's SQL, whatever shape that SQL has today.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlQuery } from '../../src/platform/sql/sql';
import type { AnalyticsContext } from '../../workers/analytics/context';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { benchQuestions, type BenchQuestions } from './questions';

/** Gives the bench the session the class keeps to itself. */
class ProbedAnalytics extends Analytics {
  session(): Promise<AnalyticsContext> {
    return this.context();
  }
}

export type Phase = 'stage (read_csv)' | 'profile probes' | 'convert' | 'reconcile' | 'insert' | 'dashboard SQL' | 'other';

/** First match wins; anything unmatched is "other". Classifies by what the statement does. */
const PHASES: readonly [Phase, RegExp][] = [
  ['stage (read_csv)', /read_csv\(/],
  ['convert', /TEMP TABLE "conv_/],
  ['insert', /^INSERT INTO "(opportunities|leads|accounts|reps|quotas|spend|stage_history|products)"/],
  ['reconcile', /FROM "conv_|import_rejects|"rej_|"rejscan_/],
  ['profile probes', /regexp_matches|TRY_STRPTIME|AS TIMESTAMP\) AS|GROUP BY 1 ORDER BY n DESC/],
];

export interface Recorded {
  readonly sql: string;
  readonly params: readonly SqlQuery['params'][number][];
  readonly ms: number;
  readonly phase: Phase;
  /** The engine's answer, for the native replay to compare against (dashboard statements only). */
  readonly rows?: string;
}

export interface ProductRecord {
  readonly engineStartMs: number;
  readonly stageFilesMs: number;
  readonly applyImportMs: number;
  readonly firstDashboardMs: number;
  readonly changeMs: readonly number[];
  readonly questions: BenchQuestions;
  readonly ingest: readonly Recorded[];
  readonly first: readonly Recorded[];
  readonly changes: readonly (readonly Recorded[])[];
  /** Names the product registered its files under → the file on disk (for the replay). */
  readonly files: ReadonlyMap<string, string>;
  readonly wonCount: number | null;
}

/** Called after every statement the product runs (the ingest profile samples memory there). */
export type AfterStatement = (r: Recorded) => void;

export async function recordProduct(csv: string, changes: number, after?: AfterStatement): Promise<ProductRecord> {
  const data = new Uint8Array(readFileSync(csv));
  let t = performance.now();
  const host = await openNodeEngine();
  const files = new Map<string, string>();
  const register = host.registerFile.bind(host);
  host.registerFile = (name, bytes) => {
    files.set(name, csv);
    return register(name, bytes);
  };
  const analytics = new ProbedAnalytics(host);
  const log: Recorded[] = [];
  let keepRows = false;
  recordStatements(await analytics.session(), log, () => keepRows, after);
  const engineStartMs = performance.now() - t;
  t = performance.now();
  const proposal = await analytics.stageFiles([{ name: path.basename(csv), data }]);
  const stageFilesMs = performance.now() - t;
  if (proposal.needsReview)
    throw new Error(`the product asks for a mapping review of ${csv}; the bench expects a recognized layout`);
  t = performance.now();
  await analytics.applyImport(proposal.plan);
  const applyImportMs = performance.now() - t;
  const ingest = log.splice(0);
  keepRows = true;
  t = performance.now();
  const result = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
  const firstDashboardMs = performance.now() - t;
  const first = log.splice(0);
  // The picker offers past periods up to the reference date (src/periods/options.ts): closes
  // expected after it (open deals) are not a past year or quarter to pick.
  const { firstClose, lastClose, referenceDate } = result.extent;
  const end = referenceDate && lastClose && lastClose > referenceDate ? referenceDate : lastClose;
  const questions = benchQuestions(firstClose ?? '', end ?? '', changes);
  const changeMs: number[] = [];
  const changeLogs: Recorded[][] = [];
  for (const period of questions.periods) {
    t = performance.now();
    await analytics.dashboard({ period, fiscalStartMonth: 1 });
    changeMs.push(performance.now() - t);
    changeLogs.push(log.splice(0));
  }
  const wonCount = result.kpis.find((k) => k.id === 'won_count')?.value ?? null;
  return {
    engineStartMs,
    stageFilesMs,
    applyImportMs,
    firstDashboardMs,
    changeMs,
    questions,
    ingest,
    first,
    changes: changeLogs,
    files,
    wonCount,
  };
}

/** Wraps the session's runner: each statement is timed, classified and logged. */
function recordStatements(ctx: AnalyticsContext, log: Recorded[], keepRows: () => boolean, after?: AfterStatement): void {
  const original = ctx.sql.rows.bind(ctx.sql);
  ctx.sql.rows = <T>(q: SqlQuery): T[] => {
    const started = performance.now();
    const rows = original<T>(q);
    const ms = performance.now() - started;
    const phase = keepRows() ? 'dashboard SQL' : (PHASES.find(([, re]) => re.test(q.sql))?.[0] ?? 'other');
    const recorded: Recorded = {
      sql: q.sql,
      params: [...q.params],
      ms,
      phase,
      ...(keepRows() ? { rows: canonicalRows(rows) } : {}),
    };
    log.push(recorded);
    after?.(recorded);
    return rows;
  };
}

/** Rows as comparable text: numbers to 9 significant digits, keys in order. */
export function canonicalRows(rows: readonly unknown[]): string {
  return JSON.stringify(rows, (_k, v: unknown) =>
    typeof v === 'number' ? Number(v.toPrecision(9)) : typeof v === 'bigint' ? Number(Number(v).toPrecision(9)) : v,
  );
}

export function phaseTotals(log: readonly Recorded[]): Partial<Record<Phase, number>> {
  const totals: Partial<Record<Phase, number>> = {};
  for (const r of log) totals[r.phase] = (totals[r.phase] ?? 0) + r.ms;
  return totals;
}

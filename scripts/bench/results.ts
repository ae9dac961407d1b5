// Runs every contender on one data size and gathers the numbers into one record.
// Repetitions stop early when one more would overrun the time budget (the count is reported).
import type { BrowserSession } from './browser';
import type { FloorRun } from './floor';
import type { NativeRun } from './native';
import type { JsRun } from './plainJs';
import { phaseTotals, type ProductRecord } from './record';
import type { BenchQuestions } from './questions';
import { summarize, type Summary } from './stats';

export interface SizeResult {
  readonly opportunities: number;
  readonly csvBytes: number;
  readonly questions: BenchQuestions;
  readonly product: {
    readonly coldStartMs: Summary | null;
    readonly engineReadyMs: Summary | null;
    readonly loadMs: Summary | null;
    readonly changeMs: Summary | null;
    readonly filterMs: Summary | null;
    readonly rendererPeakMB: Summary | null;
    readonly pageJsHeapMB: Summary | null;
    readonly sessions: readonly BrowserSession[];
  };
  readonly native: {
    readonly loadMs: Summary | null;
    readonly changeMs: Summary | null;
    readonly threads: number;
    readonly ingestByPhase: Partial<Record<string, number>>;
    readonly runs: readonly NativeRun[];
  };
  readonly js: {
    readonly loadMs: Summary | null;
    readonly changeMs: Summary | null;
    readonly runs: readonly Omit<JsRun, 'answer'>[];
  };
  /** DuckDB-WASM in the same Chromium with no product code: read_csv's type detection + the KPI query. */
  readonly floor: {
    readonly loadMs: Summary | null;
    readonly runs: readonly FloorRun[];
  };
  /** The product's engine core in Node (DuckDB-WASM, one run): where the load time goes. */
  readonly node: {
    readonly loadMs: Summary | null;
    readonly changeMs: Summary | null;
    readonly engineStartMs: number;
    readonly stageFilesMs: number;
    readonly applyImportMs: number;
    readonly firstDashboardMs: number;
    readonly ingestByPhase: Partial<Record<string, number>>;
    /** The slowest statements of the import and the first dashboard, SQL cut to its start. */
    readonly slowest: readonly { readonly phase: string; readonly ms: number; readonly sql: string }[];
  };
  /** Do the contenders answer the same? (won deals, all time) */
  readonly answers: {
    readonly browserWonCount: readonly (number | null)[];
    readonly nodeWonCount: number | null;
    readonly jsWonCount: number | null;
    readonly floorWonCount: number | null;
    readonly nativeStatementsAgreeing: number;
    readonly nativeStatementsCompared: number;
  };
}

/** Runs fn up to `reps` times; after the first, only while another run fits in the budget. */
export async function repeat<T>(reps: number, budgetMs: number, fn: (rep: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  const started = performance.now();
  let last = 0;
  for (let rep = 0; rep < reps; rep++) {
    if (rep > 0 && performance.now() - started + last > budgetMs) break;
    const t = performance.now();
    out.push(await fn(rep));
    last = performance.now() - t;
  }
  return out;
}

export function assemble(
  opportunities: number,
  csvBytes: number,
  record: ProductRecord,
  native: readonly NativeRun[],
  js: readonly JsRun[],
  floor: readonly FloorRun[],
  sessions: readonly BrowserSession[],
): SizeResult {
  const firstNative = native[0];
  return {
    opportunities,
    csvBytes,
    questions: record.questions,
    product: {
      coldStartMs: summarize(sessions.map((s) => s.coldStartMs)),
      engineReadyMs: summarize(sessions.map((s) => s.engineReadyMs)),
      loadMs: summarize(sessions.map((s) => s.loadMs)),
      changeMs: summarize(sessions.flatMap((s) => s.changeMs)),
      filterMs: summarize(sessions.flatMap((s) => s.filterMs)),
      rendererPeakMB: summarize(sessions.flatMap((s) => (s.memory.rendererPeakMB === null ? [] : [s.memory.rendererPeakMB]))),
      pageJsHeapMB: summarize(sessions.flatMap((s) => (s.memory.pageJsHeapMB === null ? [] : [s.memory.pageJsHeapMB]))),
      sessions,
    },
    native: {
      loadMs: summarize(native.map((r) => r.ingestMs + r.firstDashboardMs)),
      changeMs: summarize(native.flatMap((r) => r.changeMs)),
      threads: firstNative?.threads ?? 0,
      ingestByPhase: firstNative?.ingestByPhase ?? {},
      runs: native,
    },
    js: {
      loadMs: summarize(js.map((r) => r.loadMs + r.firstDashboardMs)),
      changeMs: summarize(js.flatMap((r) => r.changeMs)),
      runs: js.map(({ loadMs, firstDashboardMs, changeMs }) => ({ loadMs, firstDashboardMs, changeMs })),
    },
    floor: { loadMs: summarize(floor.map((r) => r.loadMs)), runs: floor },
    node: {
      loadMs: summarize([record.stageFilesMs + record.applyImportMs + record.firstDashboardMs]),
      changeMs: summarize(record.changeMs),
      engineStartMs: record.engineStartMs,
      stageFilesMs: record.stageFilesMs,
      applyImportMs: record.applyImportMs,
      firstDashboardMs: record.firstDashboardMs,
      ingestByPhase: phaseTotals(record.ingest),
      slowest: [...record.ingest, ...record.first]
        .sort((x, y) => y.ms - x.ms)
        .slice(0, 5)
        .map((r) => ({ phase: r.phase, ms: r.ms, sql: r.sql.replace(/\s+/g, ' ').slice(0, 100) })),
    },
    answers: {
      browserWonCount: sessions.map((s) => s.wonCount),
      nodeWonCount: record.wonCount,
      jsWonCount: js[0]?.answer.wonCount ?? null,
      floorWonCount: floor[0]?.wonCount ?? null,
      nativeStatementsAgreeing: firstNative?.agreeing ?? 0,
      nativeStatementsCompared: firstNative?.compared ?? 0,
    },
  };
}

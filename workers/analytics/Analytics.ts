// The analytics core: implements the page's AnalyticsApi on one DuckDB instance.
// The same class runs in the browser worker and, for tests and benchmarks, in Node.
import type {
  AnalyticsApi,
  DashboardRequest,
  DashboardResult,
  DemoRequest,
  FileInput,
  FileReadOptions,
  ImportProposal,
  ImportQuestion,
  ImportResult,
  StageOptions,
} from '../../src/engine-api/types';
import type { CompData, CompDataRequest } from '../../src/features/comp/contract';
import type { DrillRequest, DrillResult } from '../../src/features/drill/contract';
import type { MovementRequest, MovementResult } from '../../src/features/dashboard/movement/contract';
import type { PivotRequest, PivotResult } from '../../src/features/pivot/contract';
import type { DataQualityRequest, DataQualityResult } from '../../src/features/import/contract';
import type { ForecastProgress, ForecastRequest, ForecastResult } from '../../src/features/forecast/contract';
import type { TerritoryAccounts } from '../../src/features/territories/contract';
import type { LeadListRequest, LeadListResult, LeadQualityRequest, LeadQualityResult } from '../../src/features/leads/contract';
import type { ImportPlan, TableMapping } from '../../src/mapping/types';
import { SESSION_SETTINGS, type EngineHost } from '../../src/platform/engine/host';
import { SqlRunner } from '../../src/platform/engine/runner';
import { applyImport } from './applyImport';
import { compData } from './comp/compData';
import type { AnalyticsContext } from './context';
import { dataQuality } from './quality';
import { forecast } from './forecast/forecast';
import { territoryAccounts } from './territories/territoryAccounts';
import { dashboard, resetDashboard } from './dashboard';
import { leadQuality } from './leads';
import { leadList } from './leadList';
import { drill } from './drill/drill';
import { movement } from './movement';
import { pivot } from './pivot/pivot';
import { loadDemoTables } from './loadDemo';
import { profileMapping } from './profileColumns';
import { proposeImport } from './proposeImport';
import { dropStaged, restageFile, stageFile } from './stageFiles';
import { checkLoadBudget, LOAD_BUDGET_BYTES } from './loadBudget';
import type { CubesOpened } from '../../src/engine-api/warehouse';
import { openCubes } from './warehouse/openCubes';
import { refuseRows, setWarehouse } from './warehouse/state';

/** An open engine, or a way to open one on first use (the browser worker starts lazily). */
export type EngineSource = EngineHost | (() => Promise<EngineHost>);

export class Analytics implements AnalyticsApi {
  private ctx: Promise<AnalyticsContext> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: EngineSource,
    /** Bytes one drop may hold (workers/analytics/loadBudget.ts); tests pass a small one. */
    private readonly loadBudget = LOAD_BUDGET_BYTES,
  ) {}

  /** The session, opened once: two early callers share one promise and cannot race. */
  protected context(): Promise<AnalyticsContext> {
    this.ctx ??= (typeof this.source === 'function' ? this.source() : Promise.resolve(this.source)).then(openContext);
    return this.ctx;
  }

  /**
   * One call at a time. A call that awaits (registering a file) would otherwise let the next
   * message in half-way: a dashboard query between the demo's tables, an import over a load.
   */
  private exclusive<T>(work: (ctx: AnalyticsContext) => T | Promise<T>): Promise<T> {
    const run = this.queue.then(async () => work(await this.context()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  stageFiles(files: readonly FileInput[], options?: StageOptions): Promise<ImportProposal> {
    return this.exclusive(async (ctx) => {
      // Too much for the engine's memory: refused before the staged drop is replaced.
      checkLoadBudget(files, this.loadBudget);
      refuseRows(ctx, 'Loading files', 'this page was opened on cube files. Open the page without #cube= to load files.');
      // A new drop replaces whatever was staged and not applied.
      for (const fileId of [...ctx.staged.keys()]) dropStaged(ctx, fileId);
      for (const file of files) {
        const entry = await stageFile(ctx, file, options?.files?.[file.name]);
        ctx.staged.set(entry.info.fileId, entry);
      }
      const entries = [...ctx.staged.values()];
      if (entries.length > 0 && entries.every((e) => e.info.reading?.empty)) {
        for (const fileId of [...ctx.staged.keys()]) dropStaged(ctx, fileId);
        const names = entries.map((e) => e.info.fileName).join(', ');
        throw new Error(
          `${names}: ${entries.length > 1 ? 'these files are' : 'the file is'} empty (no header, no rows), so there is nothing to load. Export the data again and drop the new file.`,
        );
      }
      return proposeStaged(ctx);
    });
  }

  restageFile(fileId: string, options: FileReadOptions): Promise<ImportProposal> {
    return this.exclusive(async (ctx) => {
      await restageFile(ctx, fileId, options);
      return proposeStaged(ctx);
    });
  }

  askQuestions(mapping: TableMapping): Promise<readonly ImportQuestion[]> {
    return this.exclusive((ctx) => {
      if (!ctx.staged.has(mapping.fileId)) throw new Error(`File ${mapping.fileId} is no longer staged; drop it again.`);
      return profileMapping(ctx, mapping).questions;
    });
  }

  applyImport(plan: ImportPlan): Promise<ImportResult> {
    return this.exclusive((ctx) => {
      setWarehouse(ctx, null);
      resetDashboard(ctx);
      return applyImport(ctx, plan);
    });
  }

  dashboard(request: DashboardRequest): Promise<DashboardResult> {
    return this.exclusive((ctx) => dashboard(ctx, request));
  }

  drill(request: DrillRequest): Promise<DrillResult> {
    return this.exclusive((ctx) => {
      refuseRows(ctx, 'The list of deals', 'a drill-through lists deal rows.');
      return drill(ctx, request);
    });
  }

  movement(request: MovementRequest): Promise<MovementResult> {
    return this.exclusive((ctx) => {
      refuseRows(ctx, 'Pipeline movement', 'it compares each deal between two dates.');
      return movement(ctx, request);
    });
  }

  pivot(request: PivotRequest): Promise<PivotResult> {
    return this.exclusive((ctx) => {
      refuseRows(ctx, 'The pivot', 'it groups deal rows (medians, cycle, every close month).');
      return pivot(ctx, request);
    });
  }

  compData(request: CompDataRequest): Promise<CompData> {
    return this.exclusive((ctx) => {
      refuseRows(ctx, 'The compensation modeler', 'it pays each deal of each rep.');
      return compData(ctx, request);
    });
  }

  /** From the page, onProgress is a Comlink proxy: each call posts a message while the worker computes. */
  forecast(request: ForecastRequest, onProgress?: (progress: ForecastProgress) => void): Promise<ForecastResult> {
    return this.exclusive((ctx) => {
      refuseRows(ctx, 'The forecast', 'it replays the stage history of each deal.');
      return forecast(ctx, request, onProgress);
    });
  }

  dataQuality(request: DataQualityRequest = {}): Promise<DataQualityResult> {
    return this.exclusive((ctx) => {
      refuseRows(ctx, 'The data report', 'it checks each loaded row, and the rows stayed in the warehouse.');
      return dataQuality(ctx, request);
    });
  }

  leadQuality(request: LeadQualityRequest): Promise<LeadQualityResult> {
    return this.exclusive((ctx) => {
      refuseRows(ctx, 'Lead quality', 'it scores each lead.');
      return leadQuality(ctx, request);
    });
  }

  leadList(request: LeadListRequest): Promise<LeadListResult> {
    return this.exclusive((ctx) => leadList(ctx, request));
  }

  territoryAccounts(): Promise<TerritoryAccounts> {
    return this.exclusive((ctx) => {
      refuseRows(ctx, 'Territories', 'it places each account.');
      return territoryAccounts(ctx);
    });
  }

  async resourceUrls(): Promise<string[]> {
    return performance.getEntriesByType('resource').map((entry) => entry.name);
  }

  openCubes(manifestUrl: string): Promise<CubesOpened> {
    return this.exclusive(async (ctx) => {
      for (const fileId of [...ctx.staged.keys()]) dropStaged(ctx, fileId);
      return openCubes(ctx, manifestUrl);
    });
  }

  loadDemo(request: DemoRequest): Promise<ImportResult> {
    return this.exclusive((ctx) => {
      setWarehouse(ctx, null);
      for (const fileId of [...ctx.staged.keys()]) dropStaged(ctx, fileId);
      resetDashboard(ctx);
      return loadDemoTables(ctx, request);
    });
  }
}

/** Recognizes every staged file together (joins need all of them) and keeps the described files. */
function proposeStaged(ctx: AnalyticsContext): ImportProposal {
  const proposal = proposeImport(
    ctx,
    [...ctx.staged.values()].map((e) => e.info),
  );
  for (const file of proposal.files) {
    const entry = ctx.staged.get(file.fileId);
    if (entry) ctx.staged.set(file.fileId, { ...entry, info: file });
  }
  return proposal;
}

function openContext(host: EngineHost): AnalyticsContext {
  const sql = new SqlRunner(host.db.connect());
  for (const setting of SESSION_SETTINGS) sql.run({ sql: setting, params: [] });
  let counter = 0;
  return { host, sql, staged: new Map(), nextFileId: () => `f${++counter}` };
}

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
  ImportResult,
  StageOptions,
} from '../../src/engine-api/types';
import type { CompData, CompDataRequest } from '../../src/engine-api/comp';
import type { DataQualityRequest, DataQualityResult } from '../../src/engine-api/quality';
import type { ForecastProgress, ForecastRequest, ForecastResult } from '../../src/engine-api/forecast';
import type { TerritoryAccounts } from '../../src/engine-api/territories';
import type { ImportPlan } from '../../src/mapping/types';
import { SESSION_SETTINGS, type EngineHost } from '../engine/host';
import { SqlRunner } from '../engine/runner';
import { applyImport } from './applyImport';
import { compData } from './comp/compData';
import type { AnalyticsContext } from './context';
import { dataQuality } from './quality';
import { forecast } from './forecast/forecast';
import { territoryAccounts } from './territories/territoryAccounts';
import { dashboard, resetDashboard } from './dashboard';
import { loadDemoTables } from './loadDemo';
import { proposeImport } from './proposeImport';
import { dropStaged, restageFile, stageFile } from './stageFiles';

/** An open engine, or a way to open one on first use (the browser worker starts lazily). */
export type EngineSource = EngineHost | (() => Promise<EngineHost>);

export class Analytics implements AnalyticsApi {
  private ctx: Promise<AnalyticsContext> | undefined;

  constructor(private readonly source: EngineSource) {}

  /** The session, opened once: two early callers share one promise and cannot race. */
  protected context(): Promise<AnalyticsContext> {
    this.ctx ??= (typeof this.source === 'function' ? this.source() : Promise.resolve(this.source)).then(openContext);
    return this.ctx;
  }

  async stageFiles(files: readonly FileInput[], options?: StageOptions): Promise<ImportProposal> {
    const ctx = await this.context();
    // A new drop replaces whatever was staged and not applied.
    for (const fileId of [...ctx.staged.keys()]) dropStaged(ctx, fileId);
    for (const file of files) {
      const entry = await stageFile(ctx, file, options?.files?.[file.name]);
      ctx.staged.set(entry.info.fileId, entry);
    }
    return proposeStaged(ctx);
  }

  async restageFile(fileId: string, options: FileReadOptions): Promise<ImportProposal> {
    const ctx = await this.context();
    await restageFile(ctx, fileId, options);
    return proposeStaged(ctx);
  }

  async applyImport(plan: ImportPlan): Promise<ImportResult> {
    const ctx = await this.context();
    resetDashboard(ctx);
    return applyImport(ctx, plan);
  }

  async dashboard(request: DashboardRequest): Promise<DashboardResult> {
    return dashboard(await this.context(), request);
  }

  async compData(request: CompDataRequest): Promise<CompData> {
    return compData(await this.context(), request);
  }

  /** From the page, onProgress is a Comlink proxy: each call posts a message while the worker computes. */
  async forecast(request: ForecastRequest, onProgress?: (progress: ForecastProgress) => void): Promise<ForecastResult> {
    return forecast(await this.context(), request, onProgress);
  }

  async dataQuality(request: DataQualityRequest = {}): Promise<DataQualityResult> {
    return dataQuality(await this.context(), request);
  }

  async territoryAccounts(): Promise<TerritoryAccounts> {
    return territoryAccounts(await this.context());
  }

  async resourceUrls(): Promise<string[]> {
    return performance.getEntriesByType('resource').map((entry) => entry.name);
  }

  async loadDemo(request: DemoRequest): Promise<ImportResult> {
    const ctx = await this.context();
    for (const fileId of [...ctx.staged.keys()]) dropStaged(ctx, fileId);
    resetDashboard(ctx);
    return loadDemoTables(ctx, request);
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

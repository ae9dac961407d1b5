// The page's side of the engine door: the analytics worker behind the one guarded client
// (src/platform/worker/guarded.ts). When the worker dies it is replaced, the data loaded last
// is loaded again, and the failed call rejects with a message that says so — the tab and its
// state live on. What to load again is recorded by typed recorders, one per verb that changes
// what the engine holds: renaming a verb without its recorder fails the type check.
import type { AnalyticsApi, DemoRequest, FileInput, FileReadOptions, ImportProposal, StageOptions } from './types';
import type { ImportPlan } from '../mapping/types';
import { WATCHDOG, type WatchdogOptions } from '../platform/worker/liveness';
import {
  GuardedWorker,
  type Recorders,
  type WorkerConnection,
  WorkerRestartedError,
  connectWorker,
  isWorkerCrash,
} from '../platform/worker/guarded';

export type EngineConnection = WorkerConnection<AnalyticsApi>;
export const isEngineCrash = isWorkerCrash;
export { WorkerRestartedError as EngineRestartedError };

/** What to replay on a fresh engine so the page sees the same data. */
type Loaded =
  | { readonly kind: 'demo'; readonly request: DemoRequest }
  | { readonly kind: 'cubes'; readonly url: string }
  | { readonly kind: 'files'; readonly files: readonly FileInput[]; readonly options?: StageOptions; readonly plan: ImportPlan };

/** What the engine holds, learnt from the verbs that change it, and how to load it again. */
export class EngineMemory {
  private staged: { files: readonly FileInput[]; options?: StageOptions } | null = null;
  private loaded: Loaded | null = null;

  readonly recorders: Recorders<AnalyticsApi> = {
    stageFiles: ([files, options]) => {
      this.staged = { files, options };
    },
    restageFile: ([fileId, options], proposal) => this.rememberReading(fileId, options, proposal),
    loadDemo: ([request]) => {
      this.loaded = { kind: 'demo', request };
    },
    openCubes: ([url]) => {
      this.loaded = { kind: 'cubes', url };
    },
    applyImport: ([plan]) => {
      if (this.staged) this.loaded = { kind: 'files', ...this.staged, plan };
    },
  };

  /** A file read again with other options is read with them when the engine is restarted. */
  private rememberReading(fileId: string, options: FileReadOptions, proposal: ImportProposal): void {
    const name = proposal.files.find((f) => f.fileId === fileId)?.fileName;
    if (!this.staged || name === undefined) return;
    const files = { ...this.staged.options?.files, [name]: options };
    this.staged = { ...this.staged, options: { ...this.staged.options, files } };
  }

  /** Loads the last loaded data into a fresh engine; false when there was nothing to restore. */
  async restore(api: AnalyticsApi): Promise<boolean> {
    const loaded = this.loaded;
    if (!loaded) return false;
    if (loaded.kind === 'demo') await api.loadDemo(loaded.request);
    else if (loaded.kind === 'cubes') await api.openCubes(loaded.url);
    else {
      // Same files in the same order get the same file ids, so the saved plan still fits.
      await api.stageFiles(loaded.files, loaded.options);
      await api.applyImport(loaded.plan);
    }
    this.staged =
      loaded.kind === 'files' ? { files: loaded.files, ...(loaded.options ? { options: loaded.options } : {}) } : null;
    return true;
  }
}

export class RestartingEngine {
  /** Every AnalyticsApi method, forwarded to the current worker. */
  readonly api: AnalyticsApi;

  constructor(connect: () => EngineConnection, watch: WatchdogOptions = WATCHDOG) {
    const memory = new EngineMemory();
    const guard = new GuardedWorker<AnalyticsApi>(connect, {
      label: 'The analytics engine',
      advice: 'If a file is very large, try a smaller export (fewer columns or a shorter period).',
      recorders: memory.recorders,
      restore: (api) => memory.restore(api),
      watch,
    });
    this.api = guard.api;
  }
}

const spawnEngine = (name: string) =>
  new Worker(new URL('../../workers/analytics.worker.ts', import.meta.url), { type: 'module', name });

export function createAnalyticsClient(): AnalyticsApi {
  return new RestartingEngine(() => connectWorker<AnalyticsApi>(spawnEngine, 'pipelens-engine')).api;
}

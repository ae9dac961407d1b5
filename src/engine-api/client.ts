// The page's side of the engine door: one module worker, wrapped by Comlink, behind a
// guard that survives engine crashes. When the worker dies (out of memory, a trap inside
// DuckDB) it is replaced, the data loaded last is loaded again, and the failed call
// rejects with a message that says so — the tab and its state live on. A worker that ends
// without an error event, or stops answering, is noticed too (src/platform/worker/liveness.ts).
import * as Comlink from 'comlink';
import type { AnalyticsApi, DemoRequest, FileInput, FileReadOptions, ImportProposal, StageOptions } from './types';
import type { ImportPlan } from '../mapping/types';
import { type Locks, WATCHDOG, type WatchdogOptions, lifeLockReleased, watchdog } from '../platform/worker/liveness';

export interface EngineConnection {
  readonly api: AnalyticsApi;
  /** Rejects when the worker itself fails (an uncaught error, killed for memory). */
  readonly died: Promise<never>;
  /** A round trip that needs no engine work; unanswered for long, the worker counts as stopped. */
  readonly ping?: () => Promise<unknown>;
  terminate(): void;
}

/** What to replay on a fresh engine so the page sees the same data. */
type Loaded =
  | { readonly kind: 'demo'; readonly request: DemoRequest }
  | { readonly kind: 'files'; readonly files: readonly FileInput[]; readonly options?: StageOptions; readonly plan: ImportPlan };

const CRASH =
  /out of memory|memory access out of bounds|unreachable|Aborted\(|allocation failed|Maximum call stack|worker (stopped|died)/i;

/** An error from which the engine cannot go on: a WebAssembly trap or the worker gone. */
export function isEngineCrash(error: unknown): boolean {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'RuntimeError' || name === 'EngineDied' || (typeof message === 'string' && CRASH.test(message));
}

export class EngineRestartedError extends Error {
  constructor(method: string, cause: unknown, restored: boolean) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `The analytics engine stopped during ${method} (${reason}). It was restarted` +
        (restored ? ' and the data loaded before was loaded again.' : '.') +
        ' If a file is very large, try a smaller export (fewer columns or a shorter period).',
      { cause },
    );
    this.name = 'EngineRestartedError';
  }
}

export class RestartingEngine {
  private conn: EngineConnection;
  private staged: { files: readonly FileInput[]; options?: StageOptions } | null = null;
  private loaded: Loaded | null = null;
  /** Every AnalyticsApi method, forwarded to the current worker. */
  readonly api: AnalyticsApi;

  constructor(
    private readonly connect: () => EngineConnection,
    private readonly watchOptions: WatchdogOptions = WATCHDOG,
  ) {
    this.conn = connect();
    const call =
      (method: string) =>
      (...args: unknown[]) =>
        this.call(method, args);
    this.api = new Proxy({} as AnalyticsApi, { get: (_target, key) => (typeof key === 'string' ? call(key) : undefined) });
  }

  private async call(method: string, args: unknown[]): Promise<unknown> {
    const conn = this.conn;
    const fn: unknown = Reflect.get(conn.api, method);
    if (typeof fn !== 'function') throw new Error(`The engine has no method ${method}`);
    // Called directly, not via .apply: on a Comlink proxy `.apply` would be a remote property.
    const invoke = fn as (...a: unknown[]) => Promise<unknown>;
    const watch = conn.ping ? watchdog(conn.ping, this.watchOptions) : null;
    try {
      const result = await Promise.race([invoke(...args), conn.died, ...(watch ? [watch.failed] : [])]);
      this.remember(method, args, result);
      return result;
    } catch (error) {
      watch?.stop();
      if (!isEngineCrash(error)) throw error;
      const restored = await this.restart(conn);
      throw new EngineRestartedError(method, error, restored);
    } finally {
      watch?.stop();
    }
  }

  private remember(method: string, args: unknown[], result: unknown): void {
    if (method === 'restageFile') this.rememberReading(args[0] as string, args[1] as FileReadOptions, result as ImportProposal);
    else if (method === 'stageFiles')
      this.staged = { files: args[0] as FileInput[], options: args[1] as StageOptions | undefined };
    else if (method === 'loadDemo') this.loaded = { kind: 'demo', request: args[0] as DemoRequest };
    else if (method === 'applyImport' && this.staged)
      this.loaded = { kind: 'files', ...this.staged, plan: args[0] as ImportPlan };
  }

  /** A file read again with other options is read with them when the engine is restarted. */
  private rememberReading(fileId: string, options: FileReadOptions, proposal: ImportProposal): void {
    const name = proposal.files.find((f) => f.fileId === fileId)?.fileName;
    if (!this.staged || name === undefined) return;
    const files = { ...this.staged.options?.files, [name]: options };
    this.staged = { ...this.staged, options: { ...this.staged.options, files } };
  }

  /** A fresh worker with the last loaded data; false when there was nothing to restore or it failed. */
  private async restart(dead: EngineConnection): Promise<boolean> {
    if (this.conn === dead) {
      dead.terminate();
      this.conn = this.connect();
    }
    const loaded = this.loaded;
    if (!loaded) return false;
    try {
      if (loaded.kind === 'demo') await this.conn.api.loadDemo(loaded.request);
      else {
        // Same files in the same order get the same file ids, so the saved plan still fits.
        await this.conn.api.stageFiles(loaded.files, loaded.options);
        await this.conn.api.applyImport(loaded.plan);
      }
      this.staged =
        loaded.kind === 'files' ? { files: loaded.files, ...(loaded.options ? { options: loaded.options } : {}) } : null;
      return true;
    } catch {
      return false;
    }
  }
}

const engineDied = (detail: string) => Object.assign(new Error(`engine worker died: ${detail}`), { name: 'EngineDied' });

/** Each worker's life-lock name (the worker reads it from its own name): unique across tabs. */
function lifeLockName(): string {
  const random = crypto.getRandomValues(new Uint32Array(2)).join('-');
  return `pipelens-engine-${random}`;
}

function connectWorker(): EngineConnection {
  const lock = lifeLockName();
  const worker = new Worker(new URL('../../workers/analytics.worker.ts', import.meta.url), { type: 'module', name: lock });
  const locks: Locks | undefined = 'locks' in navigator ? navigator.locks : undefined;
  const died = new Promise<never>((_resolve, reject) => {
    const fail = (event: Event) =>
      reject(engineDied(event instanceof ErrorEvent && event.message ? event.message : 'the worker stopped'));
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    void lifeLockReleased(worker, lock, locks).then(() =>
      reject(engineDied('it ended without an error (the browser may have stopped it for using too much memory)')),
    );
  });
  // Nobody may be waiting when the worker dies; the next call sees the rejection.
  died.catch(() => {});
  // Reading a property the engine does not have is answered by Comlink itself: a cheap ping.
  // Only a fallback where Web Locks are missing (plain http): the worker is blocked while it
  // runs a query, so a long import would look unresponsive; the life lock has no such doubt.
  const remote = Comlink.wrap<AnalyticsApi & { readonly alive?: boolean }>(worker);
  const ping = locks ? undefined : async () => remote.alive;
  return { api: remote, died, ...(ping ? { ping } : {}), terminate: () => worker.terminate() };
}

export function createAnalyticsClient(): AnalyticsApi {
  return new RestartingEngine(connectWorker).api;
}

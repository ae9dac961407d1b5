// The one guarded client for every module worker (docs/architecture.md, "The engine may die
// silently"). Calls are forwarded to the current worker; when it dies (a WebAssembly trap, out of
// memory, ended silently, or no answer to pings) it is replaced, the client's own `restore` puts
// back what the old one held, and the failed call rejects with a message that says so. What to
// restore is learnt from typed recorders: one per verb, checked against the worker's API type, so
// renaming a verb without its recorder fails the type check instead of silently losing the replay.
import * as Comlink from 'comlink';
import { type Locks, WATCHDOG, type WatchdogOptions, lifeLockReleased, watchdog } from './liveness';

export interface WorkerConnection<Api> {
  readonly api: Api;
  /** Rejects when the worker itself fails (an uncaught error, killed for memory). */
  readonly died: Promise<never>;
  /** A round trip that needs no work; unanswered for long, the worker counts as stopped. */
  readonly ping?: () => Promise<unknown>;
  terminate(): void;
}

type Verb = (...args: never[]) => unknown;
/** The verbs of an API: its methods. */
export type VerbName<Api> = { [K in keyof Api]: Api[K] extends Verb ? K : never }[keyof Api] & string;

/** Per verb, what to remember after it succeeded: typed by the verb's own arguments and result. */
export type Recorders<Api> = {
  readonly [K in VerbName<Api>]?: Api[K] extends (...args: infer A) => infer R ? (args: A, result: Awaited<R>) => void : never;
};

export interface GuardOptions<Api> {
  /** Says what died, in the message the failed call rejects with ("The analytics engine"). */
  readonly label: string;
  /** Added to the restart message: what the user may try so it does not happen again. */
  readonly advice?: string;
  readonly recorders?: Recorders<Api>;
  /** Puts back on a fresh worker what the old one held; false when there was nothing or it failed. */
  readonly restore?: (api: Api) => Promise<boolean>;
  readonly watch?: WatchdogOptions;
}

const CRASH =
  /out of memory|memory access out of bounds|unreachable|Aborted\(|allocation failed|Maximum call stack|worker (stopped|died)/i;

/** An error from which a worker cannot go on: a WebAssembly trap or the worker gone. */
export function isWorkerCrash(error: unknown): boolean {
  if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'RuntimeError' || name === 'EngineDied' || (typeof message === 'string' && CRASH.test(message));
}

export class WorkerRestartedError extends Error {
  constructor(label: string, method: string, cause: unknown, restored: boolean, advice = '') {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `${label} stopped during ${method} (${reason}). It was restarted` +
        (restored ? ' and the data loaded before was loaded again.' : '.') +
        (advice ? ` ${advice}` : ''),
      { cause },
    );
    this.name = 'EngineRestartedError';
  }
}

export class GuardedWorker<Api extends object> {
  private conn: WorkerConnection<Api>;
  private ended = false;
  /** Every verb of Api, forwarded to the current worker. */
  readonly api: Api;

  constructor(
    private readonly connect: () => WorkerConnection<Api>,
    private readonly options: GuardOptions<Api>,
  ) {
    this.conn = connect();
    // A Proxy, not a list of verbs: a verb added to Api is forwarded without touching this file.
    this.api = new Proxy({} as Api, {
      get: (_target, key) => (typeof key === 'string' ? (...args: unknown[]) => this.call(key, args) : undefined),
    });
  }

  /** Ends the worker for good (a screen unmounted); later calls reject. */
  terminate(): void {
    this.ended = true;
    this.conn.terminate();
  }

  private async call(method: string, args: unknown[]): Promise<unknown> {
    if (this.ended) throw new Error(`${this.options.label} was closed.`);
    const conn = this.conn;
    const fn: unknown = Reflect.get(conn.api, method);
    if (typeof fn !== 'function') throw new Error(`${this.options.label} has no method ${method}`);
    // Called directly, not via .apply: on a Comlink proxy `.apply` would be a remote property.
    const invoke = fn as (...a: unknown[]) => Promise<unknown>;
    const watch = conn.ping ? watchdog(conn.ping, this.options.watch ?? WATCHDOG) : null;
    try {
      const result = await Promise.race([invoke(...args), conn.died, ...(watch ? [watch.failed] : [])]);
      this.record(method, args, result);
      return result;
    } catch (error) {
      watch?.stop();
      if (!isWorkerCrash(error) || this.ended) throw error;
      const restored = await this.restart(conn);
      throw new WorkerRestartedError(this.options.label, method, error, restored, this.options.advice);
    } finally {
      watch?.stop();
    }
  }

  /** The one untyped step: the Proxy knows the verb by name; each recorder is typed where it is written. */
  private record(method: string, args: unknown[], result: unknown): void {
    const recorders: Partial<Record<string, (args: unknown[], result: unknown) => void>> = this.options.recorders ?? {};
    recorders[method]?.(args, result);
  }

  private async restart(dead: WorkerConnection<Api>): Promise<boolean> {
    if (this.conn === dead) {
      dead.terminate();
      this.conn = this.connect();
    }
    const restore = this.options.restore;
    if (!restore) return false;
    try {
      return await restore(this.conn.api);
    } catch {
      return false;
    }
  }
}

const workerDied = (detail: string) => Object.assign(new Error(`worker died: ${detail}`), { name: 'EngineDied' });

/** Each worker's life-lock name (the worker reads it from its own name): unique across tabs. */
function lifeLockName(prefix: string): string {
  const random = crypto.getRandomValues(new Uint32Array(2)).join('-');
  return `${prefix}-${random}`;
}

/**
 * Starts a module worker behind Comlink with both liveness signals. `spawn` writes the
 * `new Worker(new URL(…))` itself: the bundler finds a worker only where that is written out.
 */
export function connectWorker<Api>(spawn: (name: string) => Worker, lockPrefix: string): WorkerConnection<Api> {
  const lock = lifeLockName(lockPrefix);
  const worker = spawn(lock);
  const locks: Locks | undefined = 'locks' in navigator ? navigator.locks : undefined;
  const died = new Promise<never>((_resolve, reject) => {
    const fail = (event: Event) =>
      reject(workerDied(event instanceof ErrorEvent && event.message ? event.message : 'the worker stopped'));
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    void lifeLockReleased(worker, lock, locks).then(() =>
      reject(workerDied('it ended without an error (the browser may have stopped it for using too much memory)')),
    );
  });
  // Nobody may be waiting when the worker dies; the next call sees the rejection.
  died.catch(() => {});
  // Reading a property the worker does not have is answered by Comlink itself: a cheap ping.
  // Only a fallback where Web Locks are missing (plain http): a worker blocked in a long call
  // looks unresponsive; the life lock has no such doubt.
  const remote = Comlink.wrap<Api & { readonly alive?: boolean }>(worker);
  const ping = locks ? undefined : async () => remote.alive;
  return { api: withCallbacks(remote), died, ...(ping ? { ping } : {}), terminate: () => worker.terminate() };
}

/**
 * A function argument (a progress callback) crosses to the worker as a Comlink proxy, so the
 * models that pass one speak plain functions and never import Comlink.
 */
function withCallbacks<Api>(remote: Comlink.Remote<Api>): Api {
  return new Proxy({} as Api & object, {
    get: (_target, key) => {
      if (typeof key !== 'string') return undefined;
      const fn: unknown = Reflect.get(remote, key);
      if (typeof fn !== 'function') return fn;
      const invoke = fn as (...a: unknown[]) => unknown;
      return (...args: unknown[]) => invoke(...args.map((a) => (typeof a === 'function' ? Comlink.proxy(a) : a)));
    },
  });
}

// A worker that ends without an error event, or stops answering, is noticed: the page gets a
// clear message, a new worker and the files loaded before — nothing waits forever. The
// boundary is real: Comlink over a MessageChannel, the engine side a fake that can be killed
// silently (its port closed), the way the browser ends a worker that ran out of memory.
import * as Comlink from 'comlink';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineRestartedError, RestartingEngine, type EngineConnection } from '../../../src/engine-api/client';
import { holdLifeLock, lifeLockReleased, type Locks } from '../../../src/platform/worker/liveness';
import type { AnalyticsApi, FileInput, FileReadOptions, StageOptions } from '../../../src/engine-api/types';
import type { ImportPlan } from '../../../src/mapping/types';

/** The engine side of one worker: records calls; `hang` makes a call never return. */
class FakeEngine {
  readonly calls: string[] = [];
  hang = false;
  async stageFiles(files: readonly FileInput[], options?: StageOptions) {
    this.calls.push(`stageFiles ${files.map((f) => f.name).join(',')}${options ? ` ${JSON.stringify(options)}` : ''}`);
    return { files: [], plan: { mappings: [] }, needsReview: false, questions: [] };
  }
  async restageFile(fileId: string, options: FileReadOptions) {
    this.calls.push(`restageFile ${fileId} ${JSON.stringify(options)}`);
    return { files: [{ fileId: 'f1', fileName: 'deals.csv' }], plan: { mappings: [] }, needsReview: true, questions: [] };
  }
  async applyImport() {
    this.calls.push('applyImport');
    return { files: [], notes: [] };
  }
  async dashboard() {
    this.calls.push('dashboard');
    if (this.hang) return new Promise(() => {});
    return { period: 'all' };
  }
}

interface Worker {
  readonly engine: FakeEngine;
  /** Ends the worker without a word: its port closes, nothing answers any more. */
  kill(): void;
  /** Resolves the life-lock signal, as the browser does when the worker ends. */
  releaseLock(): void;
  terminated: boolean;
}

function setup(options = { withPing: true }) {
  const workers: Worker[] = [];
  const connect = (): EngineConnection => {
    const { port1, port2 } = new MessageChannel();
    const engine = new FakeEngine();
    Comlink.expose(engine, port2);
    const remote = Comlink.wrap<AnalyticsApi & { readonly alive?: boolean }>(port1);
    let releaseLock = () => {};
    const died = new Promise<never>((_resolve, reject) => {
      releaseLock = () =>
        reject(Object.assign(new Error('engine worker died: it ended without an error'), { name: 'EngineDied' }));
    });
    died.catch(() => {});
    const worker: Worker = { engine, kill: () => port2.close(), releaseLock, terminated: false };
    workers.push(worker);
    return {
      api: remote,
      died,
      ...(options.withPing ? { ping: async () => remote.alive } : {}),
      terminate: () => {
        worker.terminated = true;
        port1.close();
      },
    };
  };
  const engine = new RestartingEngine(connect, { intervalMs: 1_000, unresponsiveMs: 10_000 });
  return { engine, workers };
}

const FILES = [{ name: 'deals.csv', data: new Uint8Array([97, 10]) }];
const PLAN: ImportPlan = { mappings: [] };
const REQUEST = { period: 'all', fiscalStartMonth: 1 };

describe('an engine worker that ends silently', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers pings while a call is merely slow, and the call goes through', async () => {
    const { engine, workers } = setup();
    await engine.api.stageFiles(FILES);
    const pending = engine.api.dashboard(REQUEST);
    await vi.advanceTimersByTimeAsync(30_000);
    await expect(pending).resolves.toEqual({ period: 'all' });
    expect(workers).toHaveLength(1);
  });

  it('notices a worker that stopped answering during a call, restarts it and reloads the files', async () => {
    const { engine, workers } = setup();
    await engine.api.stageFiles(FILES);
    await engine.api.applyImport(PLAN);
    workers[0]!.engine.hang = true;
    const pending = engine.api.dashboard(REQUEST);
    const outcome = pending.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    workers[0]!.kill();
    await vi.advanceTimersByTimeAsync(12_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(EngineRestartedError);
    expect(String(error)).toMatch(/stopped during dashboard \(the worker stopped answering \(no reply for 10 s\)\)/);
    expect(String(error)).toMatch(/restarted and the data loaded before was loaded again/);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.engine.calls).toEqual(['stageFiles deals.csv', 'applyImport']);
    // The new worker serves the next call.
    await expect(engine.api.dashboard(REQUEST)).resolves.toEqual({ period: 'all' });
  });

  it('restarts at once when the life lock is released, without waiting for the watchdog', async () => {
    const { engine, workers } = setup({ withPing: false });
    await engine.api.stageFiles(FILES);
    await engine.api.applyImport(PLAN);
    workers[0]!.engine.hang = true;
    const pending = engine.api.dashboard(REQUEST).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    workers[0]!.kill();
    workers[0]!.releaseLock();
    const error = await pending;
    expect(String(error)).toMatch(/ended without an error/);
    expect(workers[1]!.engine.calls).toEqual(['stageFiles deals.csv', 'applyImport']);
  });
});

describe('a reading chosen on the mapping screen', () => {
  it('is used again when the engine is restarted', async () => {
    const { engine, workers } = setup({ withPing: false });
    await engine.api.stageFiles(FILES);
    await engine.api.restageFile('f1', { delimiter: ';' });
    await engine.api.applyImport(PLAN);
    workers[0]!.engine.hang = true;
    const pending = engine.api.dashboard(REQUEST).catch((error: unknown) => error);
    await new Promise((resolve) => setImmediate(resolve));
    workers[0]!.kill();
    workers[0]!.releaseLock();
    expect(await pending).toBeInstanceOf(EngineRestartedError);
    expect(workers[1]!.engine.calls).toEqual(['stageFiles deals.csv {"files":{"deals.csv":{"delimiter":";"}}}', 'applyImport']);
  });
});

describe('life lock', () => {
  /** Web Locks as the browser keeps them: one holder per name, the next request granted on release. */
  function fakeLocks() {
    const holders = new Map<string, { release: () => void; waiting: (() => void)[] }>();
    const locks: Locks = {
      request: (name, callback) =>
        new Promise((done) => {
          const grant = () => {
            let release = () => {};
            holders.set(name, { release: () => release(), waiting: holders.get(name)?.waiting ?? [] });
            void Promise.resolve(callback()).then(
              () => release(),
              () => release(),
            );
            release = () => {
              const next = holders.get(name)?.waiting.shift();
              holders.delete(name);
              if (next) next();
              done(undefined);
            };
          };
          const held = holders.get(name);
          if (held) held.waiting.push(grant);
          else grant();
        }),
    };
    return { locks, endHolder: (name: string) => holders.get(name)?.release() };
  }

  it('is granted to the page only when the worker holding it ends', async () => {
    const { locks, endHolder } = fakeLocks();
    const target = new EventTarget();
    const page = {
      addEventListener: (t: 'message', l: (e: MessageEvent) => void) => target.addEventListener(t, l as EventListener),
      removeEventListener: (t: 'message', l: (e: MessageEvent) => void) => target.removeEventListener(t, l as EventListener),
    };
    let gone = false;
    void lifeLockReleased(page, 'engine-1', locks).then(() => (gone = true));
    await holdLifeLock('engine-1', locks, (message) => target.dispatchEvent(new MessageEvent('message', { data: message })));
    await Promise.resolve();
    expect(gone).toBe(false);
    endHolder('engine-1');
    await vi.waitFor(() => expect(gone).toBe(true));
  });
});

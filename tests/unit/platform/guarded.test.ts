// The one guarded client every worker sits behind (src/platform/worker/guarded.ts), on a
// planner-like API that holds nothing to restore: a crash replaces the worker and says so,
// the user's own "stopped" passes through, and a terminated client ends its worker for good.
import { describe, expect, it } from 'vitest';
import { GuardedWorker, WorkerRestartedError, type WorkerConnection } from '../../../src/platform/worker/guarded';

interface Planner {
  design(size: number): Promise<string>;
  stop(): void;
}

interface FakeWorker {
  crash: boolean;
  stopRequested: boolean;
  terminated: boolean;
}

function guard() {
  const workers: FakeWorker[] = [];
  const connect = (): WorkerConnection<Planner> => {
    const w: FakeWorker = { crash: false, stopRequested: false, terminated: false };
    workers.push(w);
    const api: Planner = {
      design: async (size) => {
        if (w.crash) throw Object.assign(new Error('memory access out of bounds'), { name: 'RuntimeError' });
        if (w.stopRequested) throw new Error('Design stopped');
        return `design of ${size}`;
      },
      stop: () => void (w.stopRequested = true),
    };
    return { api, died: new Promise<never>(() => {}), terminate: () => void (w.terminated = true) };
  };
  const client = new GuardedWorker<Planner>(connect, { label: 'The territory planner', advice: 'Try fewer territories.' });
  return { client, workers };
}

describe('GuardedWorker', () => {
  it('forwards calls to the current worker', async () => {
    const { client, workers } = guard();
    await expect(client.api.design(3)).resolves.toBe('design of 3');
    expect(workers).toHaveLength(1);
  });

  it('replaces a crashed worker, says what stopped and what to try, and works again', async () => {
    const { client, workers } = guard();
    workers[0]!.crash = true;
    const failure = client.api.design(3000);
    await expect(failure).rejects.toBeInstanceOf(WorkerRestartedError);
    await expect(failure).rejects.toThrow(
      'The territory planner stopped during design (memory access out of bounds). It was restarted. Try fewer territories.',
    );
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.api.design(3)).resolves.toBe('design of 3');
  });

  it("passes the user's own stop through untouched and keeps the worker", async () => {
    const { client, workers } = guard();
    client.api.stop();
    await expect(client.api.design(3)).rejects.toThrow('Design stopped');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('terminate ends the worker for good: later calls reject and no worker is started again', async () => {
    const { client, workers } = guard();
    client.terminate();
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.api.design(3)).rejects.toThrow('The territory planner was closed.');
    expect(workers).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { LatestLoader, type LoadState } from '../../../src/platform/latest';

/** A promise resolved or rejected from outside, so the test orders the answers. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const fresh = (): LoadState<string> => ({ result: null, error: null, pending: false });

describe('LatestLoader', () => {
  it('shows an answer and the run that asked for it', async () => {
    const state = fresh();
    const shown: string[] = [];
    const ok = await new LatestLoader(state).run(
      async () => 'a',
      (r) => shown.push(r),
    );
    expect({ ok, ...state, shown }).toEqual({ ok: true, result: 'a', error: null, pending: false, shown: ['a'] });
  });

  it('a late answer to an older request never overwrites a newer one', async () => {
    const state = fresh();
    const loader = new LatestLoader(state);
    const old = deferred<string>();
    const recent = deferred<string>();
    const shown: string[] = [];
    const first = loader.run(
      () => old.promise,
      (r) => shown.push(r),
    );
    const second = loader.run(
      () => recent.promise,
      (r) => shown.push(r),
    );
    recent.resolve('new');
    expect(await second).toBe(true);
    old.resolve('old');
    expect(await first).toBe(false);
    expect(state).toEqual({ result: 'new', error: null, pending: false });
    expect(shown).toEqual(['new']);
  });

  it("an older request's end or error leaves a newer one pending and its result alone", async () => {
    const state = fresh();
    const loader = new LatestLoader(state);
    const old = deferred<string>();
    const recent = deferred<string>();
    const first = loader.run(() => old.promise);
    const second = loader.run(() => recent.promise);
    old.reject(new Error('stale failure'));
    await first;
    expect(state).toEqual({ result: null, error: null, pending: true });
    recent.reject(new Error('engine stopped'));
    expect(await second).toBe(false);
    expect(state).toEqual({ result: null, error: 'engine stopped', pending: false });
  });

  it('a newer success clears an earlier error; the earlier result stays until then', async () => {
    const state = fresh();
    const loader = new LatestLoader(state);
    await loader.run(async () => 'a');
    await loader.run(() => Promise.reject(new Error('boom')));
    expect(state).toEqual({ result: 'a', error: 'boom', pending: false });
    await loader.run(async () => 'b');
    expect(state).toEqual({ result: 'b', error: null, pending: false });
  });

  it('keeps the last error while a new request runs, unless told to clear it as the request starts', async () => {
    for (const clearsError of [false, true]) {
      const state: LoadState<string> = { result: null, error: 'engine stopped', pending: false };
      const next = deferred<string>();
      const run = new LatestLoader(state, clearsError).run(() => next.promise);
      expect(state).toEqual({ result: null, error: clearsError ? null : 'engine stopped', pending: true });
      next.resolve('fine');
      await run;
      expect(state).toEqual({ result: 'fine', error: null, pending: false });
    }
  });
});

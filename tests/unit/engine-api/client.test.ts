// The engine guard: a crash replaces the worker, reloads the last loaded data and reports it;
// ordinary errors (a damaged file) pass through untouched and keep the worker.
import { describe, expect, it } from 'vitest';
import {
  EngineMemory,
  EngineRestartedError,
  RestartingEngine,
  isEngineCrash,
  type EngineConnection,
} from '../../../src/engine-api/client';
import type { AnalyticsApi } from '../../../src/engine-api/types';
import type { ImportPlan } from '../../../src/mapping/types';
import { Analytics } from '../../../workers/analytics/Analytics';

interface Fake {
  readonly calls: string[];
  crashOn?: string;
  failOn?: string;
  terminated: boolean;
}

function fakeConnection(fake: Fake): EngineConnection {
  const method =
    (name: string) =>
    async (...args: unknown[]) => {
      fake.calls.push(`${name}(${JSON.stringify(args)})`);
      if (fake.crashOn === name) throw Object.assign(new Error('memory access out of bounds'), { name: 'RuntimeError' });
      if (fake.failOn === name) throw new Error('deals.xlsx could not be opened as a workbook');
      // A re-read answers with the proposal that names the file it read again.
      if (name === 'restageFile') return { files: [{ fileId: 'f1', fileName: 'a.csv' }] };
      return { ok: name };
    };
  const api = new Proxy({} as AnalyticsApi, { get: (_t, key) => method(String(key)) });
  return { api, died: new Promise<never>(() => {}), terminate: () => void (fake.terminated = true) };
}

function setup() {
  const fakes: Fake[] = [];
  const engine = new RestartingEngine(() => {
    const fake: Fake = { calls: [], terminated: false };
    fakes.push(fake);
    return fakeConnection(fake);
  });
  return { engine, fakes };
}

const PLAN = { mappings: [] } as ImportPlan;
const FILES = [{ name: 'a.csv', data: new Uint8Array([97]) }];

describe('RestartingEngine', () => {
  it('passes calls through to the worker', async () => {
    const { engine, fakes } = setup();
    await expect(engine.api.stageFiles(FILES)).resolves.toEqual({ ok: 'stageFiles' });
    expect(fakes).toHaveLength(1);
  });

  it('keeps the worker on an ordinary error and passes the message on', async () => {
    const { engine, fakes } = setup();
    fakes[0]!.failOn = 'stageFiles';
    await expect(engine.api.stageFiles(FILES)).rejects.toThrow('could not be opened as a workbook');
    expect(fakes).toHaveLength(1);
    expect(fakes[0]!.terminated).toBe(false);
  });

  it('on a crash, starts a new worker and loads the last applied files and plan again', async () => {
    const { engine, fakes } = setup();
    await engine.api.stageFiles(FILES, { files: { 'a.csv': { delimiter: ';' } } });
    await engine.api.applyImport(PLAN);
    fakes[0]!.crashOn = 'stageFiles';
    const big = [{ name: 'huge.csv', data: new Uint8Array([1]) }];
    const failure = engine.api.stageFiles(big);
    await expect(failure).rejects.toBeInstanceOf(EngineRestartedError);
    await expect(failure).rejects.toThrow(/restarted and the data loaded before was loaded again/);
    expect(fakes).toHaveLength(2);
    expect(fakes[0]!.terminated).toBe(true);
    expect(fakes[1]!.calls).toEqual([
      `stageFiles(${JSON.stringify([FILES, { files: { 'a.csv': { delimiter: ';' } } }])})`,
      `applyImport(${JSON.stringify([PLAN])})`,
    ]);
    await expect(engine.api.dashboard({ period: 'all', fiscalStartMonth: 1 })).resolves.toEqual({ ok: 'dashboard' });
  });

  it('replays the demo when the demo was the last thing loaded', async () => {
    const { engine, fakes } = setup();
    await engine.api.loadDemo({ seed: 1, opportunities: 10 });
    fakes[0]!.crashOn = 'dashboard';
    await expect(engine.api.dashboard({ period: 'all', fiscalStartMonth: 1 })).rejects.toThrow(/engine stopped during dashboard/);
    expect(fakes[1]!.calls).toEqual([`loadDemo(${JSON.stringify([{ seed: 1, opportunities: 10 }])})`]);
  });

  it('tells crashes from ordinary errors', () => {
    expect(isEngineCrash(Object.assign(new Error('x'), { name: 'RuntimeError' }))).toBe(true);
    expect(isEngineCrash(new Error('Out of Memory Error: failed to allocate'))).toBe(true);
    expect(isEngineCrash(new Error('deals.parquet could not be read as Parquet'))).toBe(false);
    expect(isEngineCrash('boom')).toBe(false);
  });

  // Each recorded verb, killed after: the fresh worker gets exactly what the old one held.
  it('replays a re-read file with its new reading options', async () => {
    const { engine, fakes } = setup();
    await engine.api.stageFiles(FILES, { files: { 'a.csv': { delimiter: ';' } } });
    await engine.api.restageFile('f1', { delimiter: '\t', encoding: 'windows-1252' });
    await engine.api.applyImport(PLAN);
    fakes[0]!.crashOn = 'dataQuality';
    await expect(engine.api.dataQuality({ examples: 5 })).rejects.toBeInstanceOf(EngineRestartedError);
    const options = { files: { 'a.csv': { delimiter: '\t', encoding: 'windows-1252' } } };
    expect(fakes[1]!.calls).toEqual([
      `stageFiles(${JSON.stringify([FILES, options])})`,
      `applyImport(${JSON.stringify([PLAN])})`,
    ]);
  });

  it('replays nothing when files were staged but never applied, and says so', async () => {
    const { engine, fakes } = setup();
    await engine.api.stageFiles(FILES);
    fakes[0]!.crashOn = 'applyImport';
    const failure = engine.api.applyImport(PLAN);
    await expect(failure).rejects.toThrow(/It was restarted\. If a file/);
    expect(fakes[1]!.calls).toEqual([]);
  });

  it('a later load replaces the earlier one: files after the demo replay the files only', async () => {
    const { engine, fakes } = setup();
    await engine.api.loadDemo({ seed: 1, opportunities: 10 });
    await engine.api.stageFiles(FILES);
    await engine.api.applyImport(PLAN);
    fakes[0]!.crashOn = 'dashboard';
    await expect(engine.api.dashboard({ period: 'all', fiscalStartMonth: 1 })).rejects.toBeInstanceOf(EngineRestartedError);
    expect(fakes[1]!.calls.map((c) => c.slice(0, c.indexOf('(')))).toEqual(['stageFiles', 'applyImport']);
  });

  it('records only verbs the engine worker really has (a renamed verb cannot lose its replay)', () => {
    const verbs = Object.keys(new EngineMemory().recorders);
    expect(verbs.sort()).toEqual(['applyImport', 'loadDemo', 'openCubes', 'restageFile', 'stageFiles']);
    for (const verb of verbs) expect(typeof Reflect.get(Analytics.prototype, verb), verb).toBe('function');
  });
});

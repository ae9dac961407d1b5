// The engine worker's copy of DuckDB-WASM's blocking build keeps the eh glue and drops the mvp
// one (scripts/duckdbEhOnly.ts). Checked on the installed module itself, so an upgrade that
// changes its shape fails here and at build time, not in a user's browser.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripMvpGlue } from '../../../scripts/duckdbEhOnly';
import { precacheList } from '../../../scripts/swPlugin';

const moduleFile = path.resolve(
  import.meta.dirname,
  '../../../node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs',
);
const source = readFileSync(moduleFile, 'utf8');
const glueCount = (code: string) => code.split('(exports,module)=>{"use strict";var DuckDB=').length - 1;

describe('eh-only copy of the blocking build', () => {
  const { code, removed } = stripMvpGlue(source);

  it('removes exactly one of the two Emscripten glues, and most of the module with it', () => {
    expect(glueCount(source)).toBe(2);
    expect(glueCount(code)).toBe(1);
    expect(removed).toBeGreaterThan(source.length / 3);
    expect(code).toContain("DuckDB-WASM's mvp build is not in this module");
  });

  it('keeps the glue the eh class instantiates', () => {
    // createDuckDB's eh class, then the factory its instantiateImpl calls, then the glue behind it.
    const ehClass = /\.wasmExceptions&&[\w$]+\.eh\?new ([\w$]+)\(/.exec(code)?.[1] ?? '';
    const factory =
      new RegExp(`[\\s;,]${ehClass}=class extends [\\w$]+\\{.*?return\\(0,([\\w$]+)\\.default\\)`).exec(code)?.[1] ?? '';
    const glue = new RegExp(`var ${factory}=[\\w$]+\\(([\\w$]+)\\(\\)\\)`).exec(code)?.[1] ?? '';
    expect(glue).not.toBe('');
    expect(code).toMatch(new RegExp(`var ${glue}=[\\w$]+\\(\\(exports,module\\)=>\\{"use strict";var DuckDB=`));
  });

  it('refuses a module of another shape instead of guessing', () => {
    expect(() => stripMvpGlue('export const x = 1;')).toThrow(/expected 2 Emscripten glues/);
  });

  it('the offline copy leaves out the mvp wasm and the whole module that runs it', () => {
    const list = precacheList([
      'assets/duckdb-mvp-X1.wasm',
      'assets/duckdb-browser-blocking-D2ISBTKL.js',
      'assets/duckdb-eh-X2.wasm',
      'assets/analytics.worker-Y.js',
    ]);
    expect(list).toEqual(['./', './assets/analytics.worker-Y.js', './assets/duckdb-eh-X2.wasm']);
  });
});

// Build step: DuckDB-WASM's blocking browser build carries two copies of Emscripten's glue, one
// for the "mvp" wasm (browsers without WebAssembly exceptions) and one for the "eh" wasm, and
// picks one at run time. Every browser we support has WebAssembly exceptions (Chromium 95,
// Firefox 100, Safari 15.2), so the engine worker loads a copy of the module whose mvp glue is
// a stub (~590 KB raw, ~130 KB gzipped less), and the untouched module only on demand, when a
// browser lacks them (src/platform/engine/openBrowser.ts). The module is minified upstream, so the
// glue is found by what it does, not by its names; anything unexpected fails the build.
import type { Plugin } from 'vite';

/** Query suffix that marks the eh-only copy of the blocking build. */
export const EH_ONLY_QUERY = '?eh-only';

/** `var <glue>=<cjsWrapper>((exports,module)=>{"use strict";var DuckDB=` — one per wasm build. */
const GLUE = /var ([\w$]+)=([\w$]+)\(\(exports,module\)=>\{"use strict";var DuckDB=/g;
/** createDuckDB: `…wasmExceptions&&E.eh?new <EhClass>(…):new <MvpClass>(e,r,E.mvp.mainModule)`. */
const CHOICE = /\.wasmExceptions&&[\w$]+\.eh\?new [\w$]+\([^)]*\):new ([\w$]+)\([^)]*\.mvp\.mainModule\)/;

const escape = (name: string) => name.replace(/\$/g, '\\$');

export interface EhOnlyResult {
  readonly code: string;
  /** Characters of the mvp glue removed. */
  readonly removed: number;
}

/** The blocking build's source with the mvp glue replaced by a stub that throws if ever called. */
export function stripMvpGlue(source: string): EhOnlyResult {
  const glues = [...source.matchAll(GLUE)];
  if (glues.length !== 2) throw new Error(`DuckDB-WASM blocking build: expected 2 Emscripten glues, found ${glues.length}.`);
  const mvpClass = CHOICE.exec(source)?.[1];
  if (!mvpClass) throw new Error('DuckDB-WASM blocking build: createDuckDB no longer chooses between eh and mvp as expected.');
  // `var <MvpClass>=class extends …{…instantiateImpl(e){return(0,<factory>.default)(…` and `var <factory>=<toESM>(<glue>())`.
  const factory = new RegExp(
    `[\\s;,]${escape(mvpClass)}=class extends [\\w$]+\\{.*?instantiateImpl\\([\\w$]+\\)\\{return\\(0,([\\w$]+)\\.default\\)`,
  ).exec(source)?.[1];
  const glueName = factory ? new RegExp(`var ${escape(factory)}=[\\w$]+\\(([\\w$]+)\\(\\)\\)`).exec(source)?.[1] : undefined;
  const [first, second] = glues;
  if (!glueName || !first || !second || first[1] !== glueName) {
    throw new Error('DuckDB-WASM blocking build: the mvp glue is not the first of the two, as this step expects.');
  }
  const start = first.index;
  const end = second.index;
  const stub = `var ${glueName}=${first[2]}((exports,module)=>{module.exports=function(){throw new Error("DuckDB-WASM's mvp build is not in this module: load the full blocking build.")}});`;
  return { code: source.slice(0, start) + stub + source.slice(end), removed: end - start - stub.length };
}

export function duckdbEhOnlyPlugin(): Plugin {
  return {
    name: 'pipelens-duckdb-eh-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith(EH_ONLY_QUERY)) return null;
      return { code: stripMvpGlue(code).code, map: null };
    },
  };
}

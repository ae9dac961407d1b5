// The most data one drop may hand the engine. DuckDB-WASM runs in a 32-bit wasm memory (at most
// 4 GB; DuckDB's own limit there is about 3.1 GiB), and the engine's heap peaks at about five
// times the CSV's size: 1,028 MB for the 1M-deal bench file of 200 MB (README, benchmark). A
// larger drop would exhaust it partway through the load and end the worker, so it is refused
// up front with a message, before anything staged or loaded is touched (docs/import.md).
import type { FileInput } from '../../src/engine-api/types';

export const LOAD_BUDGET_BYTES = 512 * 2 ** 20;

const size = (f: FileInput) => (f.data instanceof Uint8Array ? f.data.byteLength : f.data.size);
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;

/** Throws, with what to do instead, when the files of one drop exceed the budget. */
export function checkLoadBudget(files: readonly FileInput[], budget = LOAD_BUDGET_BYTES): void {
  const total = files.reduce((s, f) => s + size(f), 0);
  if (total <= budget) return;
  const what = files.length === 1 ? `${files[0]?.name ?? 'This file'} holds` : `These ${files.length} files hold`;
  throw new Error(
    `${what} ${mb(total)} of data; this page loads up to ${mb(budget)} at a time, because the engine works in the browser's memory and a load this size would run out of it partway. Nothing was loaded and the data on screen is unchanged. Export fewer rows or columns (for example one close year at a time) and drop them again.`,
  );
}

// Saved views (docs/pivot.md, "Saved views"): a name and the view's link state (screen, period,
// filters, variants, drill, pivot layout — never data), kept in this browser's localStorage,
// exported and imported as a small JSON file that is checked before anything is kept.
import { readViewState, writeViewState } from '../../app/viewState';
import type { KeyValueStore } from '../../mapping/memory';

export interface SavedView {
  readonly name: string;
  /** The view's hash, written canonically (`#view=pivot&period=2025&pv.r=stage`). */
  readonly hash: string;
}

export const STORE_KEY = 'pipelens.savedViews';
export const FILE_FORMAT = 'pipelens-views';
const MAX_VIEWS = 200;
const MAX_NAME = 100;

/** The views kept in this browser; a damaged record reads as none rather than breaking the page. */
export function loadViews(store: KeyValueStore): SavedView[] {
  const raw = store.getItem(STORE_KEY);
  if (raw === null) return [];
  const parsed = parseViewsFile(raw);
  return parsed.ok ? parsed.views : [];
}

export function storeViews(store: KeyValueStore, views: readonly SavedView[]): void {
  store.setItem(STORE_KEY, viewsFile(views));
}

/** Adds or replaces (same name) a view; newest first. */
export function withView(views: readonly SavedView[], name: string, hash: string): SavedView[] {
  const clean = name.trim().slice(0, MAX_NAME);
  if (clean === '') throw new Error('Give the view a name.');
  const { state } = readViewState(hash);
  return [{ name: clean, hash: writeViewState(state) }, ...views.filter((v) => v.name !== clean)].slice(0, MAX_VIEWS);
}

export function viewsFile(views: readonly SavedView[]): string {
  return JSON.stringify({ format: FILE_FORMAT, version: 1, views }, null, 1);
}

export type ParsedViews = { ok: true; views: SavedView[] } | { ok: false; error: string };

/** Reads an exported file: JSON of our format, each view a name and a link state the page reads without a problem. */
export function parseViewsFile(text: string): ParsedViews {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `This is not a JSON file (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (typeof data !== 'object' || data === null || !('format' in data) || data.format !== FILE_FORMAT || !('views' in data))
    return {
      ok: false,
      error: `This JSON is not a pipelens views file (it needs "format": "${FILE_FORMAT}" and a "views" list).`,
    };
  const list = data.views;
  if (!Array.isArray(list)) return { ok: false, error: '"views" must be a list of { "name", "hash" }.' };
  if (list.length > MAX_VIEWS) return { ok: false, error: `The file holds ${list.length} views; at most ${MAX_VIEWS} are kept.` };
  const views: SavedView[] = [];
  for (const [i, item] of list.entries()) {
    const at = `View ${i + 1}`;
    if (typeof item !== 'object' || item === null) return { ok: false, error: `${at} is not { "name", "hash" }.` };
    const name: unknown = 'name' in item ? item.name : undefined;
    const hash: unknown = 'hash' in item ? item.hash : undefined;
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME)
      return { ok: false, error: `${at} has no name (text of 1–${MAX_NAME} characters).` };
    if (typeof hash !== 'string' || !hash.startsWith('#') || hash.length > 4000)
      return { ok: false, error: `"${name}" has no link state (text starting with #).` };
    const { state, problems } = readViewState(hash);
    if (problems.length > 0) return { ok: false, error: `"${name}": ${problems.join(' ')}` };
    views.push({ name: name.trim(), hash: writeViewState(state) });
  }
  return { ok: true, views };
}

/** Imported views join the kept ones; an imported view replaces a kept one of the same name. */
export function mergeViews(kept: readonly SavedView[], imported: readonly SavedView[]): SavedView[] {
  const names = new Set(imported.map((v) => v.name));
  return [...imported, ...kept.filter((v) => !names.has(v.name))].slice(0, MAX_VIEWS);
}

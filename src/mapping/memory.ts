// Remembers the mapping a user confirmed, per header signature, so the next export with
// the same columns loads without asking. The signature is a pure function of the header
// set; the store is anything shaped like localStorage (the page passes window.localStorage).
import type { TableMapping } from './types';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = 'pipelens.mapping.';
export const REMEMBERED_PRESET = 'remembered';

/**
 * The same headers in any order give the same signature; a renamed, added or removed
 * column gives another. Headers are compared trimmed and case-sensitively, as loaded.
 */
export function headerSignature(headers: readonly string[]): string {
  const text = [...headers]
    .map((h) => h.trim())
    .sort()
    .join('\u001f');
  // FNV-1a, 32 bit: a short key; the header count guards against the rare collision further.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${headers.length}-${hash.toString(16).padStart(8, '0')}`;
}

type Remembered = Omit<TableMapping, 'fileId' | 'confidence' | 'presetId'> & { readonly headers: readonly string[] };

export function rememberMapping(store: KeyValueStore, headers: readonly string[], mapping: TableMapping): void {
  const entry: Remembered = {
    table: mapping.table,
    columns: mapping.columns,
    ...(mapping.status ? { status: mapping.status } : {}),
    ...(mapping.decisions ? { decisions: mapping.decisions } : {}),
    ...(mapping.stageOrder ? { stageOrder: mapping.stageOrder } : {}),
    headers: [...headers],
  };
  try {
    store.setItem(PREFIX + headerSignature(headers), JSON.stringify(entry));
  } catch {
    // A full or disabled storage only costs the user a confirmation next time.
  }
}

/** The remembered mapping for these headers, with confidence 1, if every column it names still exists. */
export function recallMapping(store: KeyValueStore, fileId: string, headers: readonly string[]): TableMapping | undefined {
  let text: string | null;
  try {
    text = store.getItem(PREFIX + headerSignature(headers));
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  const entry = parse(text);
  if (!entry || !sameHeaders(entry.headers, headers) || !namesExist(entry, headers)) return undefined;
  return {
    fileId,
    table: entry.table,
    columns: entry.columns,
    ...(entry.status ? { status: entry.status } : {}),
    ...(entry.decisions ? { decisions: entry.decisions } : {}),
    ...(Array.isArray(entry.stageOrder) ? { stageOrder: entry.stageOrder.filter((s) => typeof s === 'string') } : {}),
    presetId: REMEMBERED_PRESET,
    confidence: 1,
  };
}

function parse(text: string): Remembered | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const entry = value as Partial<Remembered>;
    return Array.isArray(entry.headers) && typeof entry.table === 'string' && typeof entry.columns === 'object'
      ? (entry as Remembered)
      : undefined;
  } catch {
    return undefined;
  }
}

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  const key = (h: readonly string[]) =>
    [...h]
      .map((x) => x.trim())
      .sort()
      .join('\u001f');
  return key(a) === key(b);
}

function namesExist(entry: Remembered, headers: readonly string[]): boolean {
  const has = new Set(headers);
  const sources = Object.values(entry.columns).flatMap((c) => [c.source, ...(c.fallback ? [c.fallback] : [])]);
  const status = entry.status;
  const statusCols = !status ? [] : status.kind === 'flags' ? [status.isWon, status.isClosed] : [status.column];
  return [...sources, ...statusCols].every((h) => has.has(h));
}

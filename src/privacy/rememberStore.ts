// "Remember my data on this device": the dropped files' bytes and names, and the mapping they
// were loaded with, in one IndexedDB record on this origin. Written only when the user opted in;
// "forget" and "Clear all data" delete the whole database.
import type { ImportPlan, TableMapping } from '../mapping/types';

export const REMEMBER_DB = 'pipelens-remembered';
const STORE = 'data';
const KEY = 'current';
/** The opt-in itself, in localStorage (cleared by "Clear all data" with everything else). */
export const REMEMBER_PREF = 'pipelens.remember';

/** A mapping whose file is named by its position among the staged files (file ids differ per session). */
export type StoredMapping = Omit<TableMapping, 'fileId'> & { readonly fileIndex: number };

export interface RememberedData {
  readonly savedAt: string;
  readonly files: readonly { readonly name: string; readonly blob: Blob }[];
  /** The mapping the files were loaded with; null when it should be recognised afresh. */
  readonly mappings: readonly StoredMapping[] | null;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(REMEMBER_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('This browser refused to open IndexedDB.'));
  });
}

async function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = act(tx.objectStore(STORE));
      // Resolve when the transaction commits, so a reload right after sees the data.
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB could not complete the request.'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted the request (is the disk full?).'));
    });
  } finally {
    db.close();
  }
}

/** Replaces whatever was remembered before; stamped with the time it was saved. */
export async function saveRemembered(data: Omit<RememberedData, 'savedAt'>): Promise<void> {
  const record: RememberedData = { ...data, savedAt: new Date().toISOString() };
  await withStore<IDBValidKey>('readwrite', (store) => store.put(record, KEY));
}

/** The remembered data, or null when there is none (or it is from an older, unreadable layout). */
export async function loadRemembered(): Promise<RememberedData | null> {
  if (!('indexedDB' in globalThis) || typeof indexedDB.databases !== 'function') return null;
  // Opening would create an empty database: look first, so a visitor who never opted in stores nothing.
  const exists = (await indexedDB.databases()).some((db) => db.name === REMEMBER_DB);
  if (!exists) return null;
  const value = await withStore<unknown>('readonly', (store) => store.get(KEY));
  return isRemembered(value) ? value : null;
}

export function forgetRemembered(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(REMEMBER_DB);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error('The remembered data could not be deleted.'));
    request.onblocked = () => resolve();
  });
}

function isRemembered(value: unknown): value is RememberedData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RememberedData>;
  return (
    typeof v.savedAt === 'string' &&
    Array.isArray(v.files) &&
    v.files.every(
      (f: unknown) => typeof f === 'object' && f !== null && 'blob' in f && (f as { blob: unknown }).blob instanceof Blob,
    ) &&
    (v.mappings === null || Array.isArray(v.mappings))
  );
}

/** The plan with file ids replaced by positions among `fileIds` (the staged files, in order). */
export function toStored(plan: ImportPlan, fileIds: readonly string[]): StoredMapping[] | null {
  const out: StoredMapping[] = [];
  for (const { fileId, ...rest } of plan.mappings) {
    const fileIndex = fileIds.indexOf(fileId);
    if (fileIndex < 0) return null;
    out.push({ ...rest, fileIndex });
  }
  return out;
}

/** The stored plan for this session's staged files; null when the files no longer line up. */
export function fromStored(
  mappings: readonly StoredMapping[],
  files: readonly { readonly fileId: string; readonly columns: readonly { readonly name: string }[] }[],
): ImportPlan | null {
  const out: TableMapping[] = [];
  for (const { fileIndex, ...rest } of mappings) {
    const file = files[fileIndex];
    if (!file) return null;
    // Read differently this time (another delimiter or sheet chosen then): recognise afresh instead.
    const names = new Set(file.columns.map((c) => c.name));
    const sources = Object.values(rest.columns).flatMap((c) => [c.source, ...(c.fallback ? [c.fallback] : [])]);
    if (!sources.every((name) => names.has(name))) return null;
    out.push({ ...rest, fileId: file.fileId });
  }
  return { mappings: out };
}

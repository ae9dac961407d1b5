// "Clear all data": everything pipelens stored on this device for this origin that holds the
// user's data or choices — local and session storage (remembered mappings, the "remember my
// data" opt-in), every IndexedDB database (the remembered files), the origin-private file
// system, and any Cache Storage cache other than the app's own offline copy.
// Kept on purpose: the service worker and its `pipelens-<build>` cache. They hold only the
// built site's public files (never data, see src/offline/sw.ts), and removing them would
// stop the page from opening offline until the next online visit.

/** The service worker's own cache of the built site (src/offline/sw.ts names it `pipelens-<build>`). */
export const isAppShellCache = (name: string): boolean => /^pipelens-[\w.-]+$/.test(name);

export async function clearAllData(): Promise<string[]> {
  const cleared: string[] = [];
  localStorage.clear();
  sessionStorage.clear();
  cleared.push('local storage');
  if ('indexedDB' in window && typeof indexedDB.databases === 'function') {
    const dbs = await indexedDB.databases();
    await Promise.all(dbs.map((db) => (db.name ? deleteDatabase(db.name) : Promise.resolve())));
    cleared.push(`${dbs.length} IndexedDB database(s)`);
  }
  if (navigator.storage && typeof navigator.storage.getDirectory === 'function') {
    const root = await navigator.storage.getDirectory();
    const names: string[] = [];
    for await (const name of root.keys()) names.push(name);
    await Promise.all(names.map((name) => root.removeEntry(name, { recursive: true })));
    cleared.push(`${names.length} file(s) in the private file system`);
  }
  if ('caches' in window) {
    const keys = (await caches.keys()).filter((key) => !isAppShellCache(key));
    await Promise.all(keys.map((key) => caches.delete(key)));
    cleared.push(`${keys.length} data cache(s)`);
  }
  return cleared;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete the IndexedDB database ${name}.`));
    // Another tab holding it open: the deletion completes when that tab closes it.
    request.onblocked = () => resolve();
  });
}

// "Clear all data": everything pipelens may have stored on this device for this origin —
// IndexedDB databases, the origin-private file system, Cache Storage (the offline copy),
// local and session storage — and the service worker itself.

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
    const keys = await caches.keys();
    await Promise.all(keys.map((key) => caches.delete(key)));
    cleared.push(`${keys.length} offline cache(s)`);
  }
  if ('serviceWorker' in navigator) {
    const registrations = await navigator.serviceWorker.getRegistrations();
    await Promise.all(registrations.map((r) => r.unregister()));
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

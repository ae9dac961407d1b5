// The service worker: after the first visit the page works offline. The build writes the
// list of built files into PRECACHE (scripts/swPlugin.ts); they are cached on install and
// served cache-first (their names carry content hashes). The page itself is network-first
// with the cached copy as fallback. Nothing else is cached: hosted exports (`data=`) and
// anything the user loads are never stored here — that is "remember my data", opt-in.

const PRECACHE: readonly string[] = ['__PIPELENS_PRECACHE__'];
const BUILD = '__PIPELENS_BUILD__';
const CACHE = `pipelens-${BUILD}`;

function isServiceWorker(scope: unknown): scope is ServiceWorkerGlobalScope {
  return typeof scope === 'object' && scope !== null && 'registration' in scope && 'skipWaiting' in scope;
}
if (!isServiceWorker(self)) throw new Error('sw.js must run as a service worker.');
const sw = self;
const precached = new Set(PRECACHE.map((path) => new URL(path, sw.registration.scope).href));
const indexUrl = new URL('./index.html', sw.registration.scope).href;

sw.addEventListener('install', (event: ExtendableEvent) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...precached]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('pipelens-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event: FetchEvent) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => cached(indexUrl)));
    return;
  }
  const key = `${url.origin}${url.pathname}`;
  if (precached.has(key)) event.respondWith(cached(key).catch(() => fetch(request)));
});

async function cached(url: string): Promise<Response> {
  const hit = await caches.match(url, { cacheName: CACHE });
  if (!hit) throw new Error(`${url} is not cached`);
  return hit;
}

// The service worker: after the first visit the page works offline. The build writes the
// list of built files into PRECACHE (scripts/swPlugin.ts); they are cached on install and
// served cache-first (their names carry content hashes). The page itself is network-first
// with the cached copy as fallback. Nothing else is cached: hosted exports (`data=`) and
// anything the user loads are never stored here — that is "remember my data", opt-in.
// The previous build's cache is kept (src/offline/retention.ts): a tab still running it can
// load the chunks it has not needed yet after a deploy has removed them from the server.
import { buildsAfterActivation, cachesToDelete } from './retention';

const PRECACHE: readonly string[] = ['__PIPELENS_PRECACHE__'];
const BUILD = '__PIPELENS_BUILD__';
const PREFIX = 'pipelens-';
const CACHE = `${PREFIX}${BUILD}`;
/** Holds one entry: the kept builds, oldest first. */
const BUILD_LIST = `${PREFIX}builds`;
const BUILD_LIST_KEY = 'builds.json';

function isServiceWorker(scope: unknown): scope is ServiceWorkerGlobalScope {
  return typeof scope === 'object' && scope !== null && 'registration' in scope && 'skipWaiting' in scope;
}
if (!isServiceWorker(self)) throw new Error('sw.js must run as a service worker.');
const sw = self;
const precached = new Set(PRECACHE.map((path) => new URL(path, sw.registration.scope).href));
const indexUrl = new URL('./index.html', sw.registration.scope).href;
const assetsUrl = new URL('./assets/', sw.registration.scope).href;

sw.addEventListener('install', (event: ExtendableEvent) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...precached]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(rememberBuild().then(() => sw.clients.claim()));
});

async function rememberBuild(): Promise<void> {
  const list = await caches.open(BUILD_LIST);
  const stored = await list.match(BUILD_LIST_KEY);
  const previous: unknown = stored ? await stored.json() : [];
  const kept = buildsAfterActivation(Array.isArray(previous) ? previous.filter((b) => typeof b === 'string') : [], BUILD);
  await list.put(BUILD_LIST_KEY, new Response(JSON.stringify(kept), { headers: { 'content-type': 'application/json' } }));
  const stale = cachesToDelete(await caches.keys(), kept, PREFIX, BUILD_LIST);
  await Promise.all(stale.map((name) => caches.delete(name)));
}

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
  else if (url.href.startsWith(assetsUrl)) event.respondWith(fromNetworkOrEarlierBuild(request));
});

/** A hashed file of another build: the server's copy, else the kept previous build's cache. */
async function fromNetworkOrEarlierBuild(request: Request): Promise<Response> {
  const earlier = () => caches.match(request, { ignoreSearch: true });
  try {
    const response = await fetch(request);
    if (response.ok) return response;
    return (await earlier()) ?? response;
  } catch (error) {
    const hit = await earlier();
    if (hit) return hit;
    throw error;
  }
}

async function cached(url: string): Promise<Response> {
  const hit = await caches.match(url, { cacheName: CACHE });
  if (!hit) throw new Error(`${url} is not cached`);
  return hit;
}

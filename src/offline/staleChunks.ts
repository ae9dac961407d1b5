// A tab opened before a deploy may fail to load a chunk the new deploy no longer has (when the
// service worker is not there to serve the kept previous build: first visit, private window).
// Vite then fires `vite:preloadError`; the page reloads once onto the new build instead of
// breaking half-way. A second failure within a minute is left to the error display (no loop).

const KEY = 'pipelens-stale-chunk-reload';
const WINDOW_MS = 60_000;

export function reloadOnStaleChunks(win: Window = window): void {
  win.addEventListener('vite:preloadError', (event) => {
    const last = Number(win.sessionStorage.getItem(KEY) ?? 0);
    if (Date.now() - last < WINDOW_MS) return;
    win.sessionStorage.setItem(KEY, String(Date.now()));
    event.preventDefault();
    win.location.reload();
  });
}

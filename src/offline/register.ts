// Registers the service worker relative to the page, so it works under any sub-path
// (`./sw.js` and a scope of the page's folder). Only in the built site: the dev server has no sw.js.

export type OfflineStatus = 'unsupported' | 'installing' | 'ready' | 'failed';

export async function registerServiceWorker(): Promise<OfflineStatus> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return 'unsupported';
  try {
    await navigator.serviceWorker.register('./sw.js', { scope: './', type: 'classic' });
    await navigator.serviceWorker.ready;
    return 'ready';
  } catch {
    // Private windows, file:// and some embedding contexts refuse service workers; the page still works online.
    return 'failed';
  }
}

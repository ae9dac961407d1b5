// The `data=` hash key: hosted exports the page loads when it opens (a portal team publishes
// a nightly export next to the page). Only addresses below the data folder the host configures
// (docs/deploy.md) are accepted, fetched without following any redirect, so a crafted link can
// never make the page fetch from, or reveal anything to, another origin or another path.

/** `<meta name="pipelens-data-folder" content="exports/">`: where hosted exports live. */
export const DATA_FOLDER_META = 'pipelens-data-folder';

/** The configured data folder as an absolute URL ending in `/`; the page's own folder when none is set. */
export function dataFolderOf(doc: Document): string {
  const configured = doc.querySelector(`meta[name="${DATA_FOLDER_META}"]`)?.getAttribute('content')?.trim() ?? '';
  return folderUrl(configured, doc.baseURI);
}

export function folderUrl(folder: string, pageUrl: string): string {
  const url = new URL(folder || './', pageUrl);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Encoded separators a server might decode into another path after our check. */
const SNEAKY_PATH = /%2f|%5c|\\/i;

export interface DataUrls {
  readonly urls: string[];
  readonly problems: string[];
}

/** Resolves each `data=` value against the page; keeps same-origin http(s) URLs below the data folder only. */
export function readDataUrls(hash: string, pageUrl: string, dataFolder = folderUrl('', pageUrl)): DataUrls {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const page = new URL(pageUrl);
  const folder = new URL(dataFolder);
  const urls: string[] = [];
  const problems: string[] = [];
  for (const raw of params.getAll('data').flatMap((v) => v.split(','))) {
    const value = raw.trim();
    if (!value) continue;
    let url: URL;
    try {
      url = new URL(value, page);
    } catch {
      problems.push(`The link's data address "${value}" is not a URL; it was not loaded.`);
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== page.origin) {
      problems.push(
        `The link asks to load "${value}" from another origin; pipelens only loads data published next to the page (a relative or same-origin address), so it was not loaded.`,
      );
      continue;
    }
    if (url.origin !== folder.origin || !url.pathname.startsWith(folder.pathname) || SNEAKY_PATH.test(url.pathname)) {
      problems.push(
        `The link asks to load "${value}", which is outside the folder this site publishes data in (${folder.pathname}); it was not loaded.`,
      );
      continue;
    }
    urls.push(url.href);
  }
  return { urls, problems };
}

/** The file name a fetched export is staged under: the last path segment, decoded. */
export function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? 'data.csv';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Fetches the exports as Files. No redirect is followed (`redirect: 'manual'` stops at the
 * first answer, so a redirect to another origin never sends a request there) and the request
 * may only go to this origin (`mode: 'same-origin'`), with or without a CSP.
 */
export async function fetchDataFiles(urls: readonly string[], pageOrigin: string): Promise<File[]> {
  return Promise.all(
    urls.map(async (url) => {
      if (new URL(url).origin !== pageOrigin) throw new Error(`${url} is on another origin; not loaded.`);
      const response = await fetch(url, { credentials: 'same-origin', mode: 'same-origin', redirect: 'manual' });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
        throw new Error(
          `${url} answered with a redirect; pipelens does not follow redirects for data= (publish the export at the address in the link). Not loaded.`,
        );
      if (!response.ok) throw new Error(`Could not load ${fileNameOf(url)} from ${url}: HTTP ${response.status}.`);
      return new File([await response.blob()], fileNameOf(url));
    }),
  );
}

// The `data=` hash key: hosted exports the page loads when it opens (a portal team publishes
// a nightly export next to the page). Only relative or same-origin URLs are accepted, so a
// crafted link can never make the page fetch from, or reveal anything to, another origin.

export interface DataUrls {
  readonly urls: string[];
  readonly problems: string[];
}

/** Resolves each `data=` value against the page; keeps same-origin http(s) URLs only. */
export function readDataUrls(hash: string, pageUrl: string): DataUrls {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const page = new URL(pageUrl);
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

/** Fetches the exports (same origin only, checked again after redirects) as Files. */
export async function fetchDataFiles(urls: readonly string[], pageOrigin: string): Promise<File[]> {
  return Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url, { credentials: 'same-origin', redirect: 'follow' });
      if (new URL(response.url || url).origin !== pageOrigin) throw new Error(`${url} redirected to another origin; not loaded.`);
      if (!response.ok) throw new Error(`Could not load ${fileNameOf(url)} from ${url}: HTTP ${response.status}.`);
      return new File([await response.blob()], fileNameOf(url));
    }),
  );
}

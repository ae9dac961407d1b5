// A cube file read by HTTP range requests (hyparquet's AsyncBuffer): only the footer and the
// column chunks a read needs are fetched, each request counted. A file shorter than the
// manifest says, a missing file or a refused request each fail with the file's name.
import type { AsyncBuffer } from 'hyparquet';

export interface FetchLog {
  bytes: number;
  requests: number;
}

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** Same origin only, no redirect followed (a redirect could lead to another origin). */
export const sameOriginFetch: Fetcher = (url, init) =>
  fetch(url, { ...init, redirect: 'manual', ...('location' in globalThis ? { mode: 'same-origin' } : {}) });

export function httpProblem(label: string, response: Response): string {
  if (response.status === 404)
    return `The cube file ${label} is missing (HTTP 404): the manifest lists it, the server does not have it.`;
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    return `The cube file ${label} answered with a redirect; cube files are read only from this site, without redirects.`;
  }
  return `The cube file ${label} could not be read (HTTP ${response.status}).`;
}

export function rangeFile(url: string, byteLength: number, label: string, fetcher: Fetcher, log: FetchLog): AsyncBuffer {
  const truncated = (got: string) =>
    `The cube file ${label} is ${got}, not the ${byteLength} bytes the manifest lists: it is truncated or was replaced after the manifest was written.`;
  // hyparquet reads the footer with one large request (the whole of a small file) and then the
  // column chunks: a byte already fetched is served from memory, never fetched twice. A chunk
  // that overlaps the footer's request (the last chunks of a large file do) fetches only the gap.
  const held: { start: number; body: ArrayBuffer }[] = [];
  return {
    byteLength,
    async slice(start: number, end = byteLength): Promise<ArrayBuffer> {
      const have = held.find((h) => h.start <= start && end <= h.start + h.body.byteLength);
      if (have) return have.body.slice(start - have.start, end - have.start);
      const out = new Uint8Array(end - start);
      let at = start;
      while (at < end) {
        const h = held.find((x) => x.start <= at && at < x.start + x.body.byteLength);
        if (h) {
          const stop = Math.min(end, h.start + h.body.byteLength);
          out.set(new Uint8Array(h.body, at - h.start, stop - at), at - start);
          at = stop;
          continue;
        }
        const next = Math.min(end, ...held.filter((x) => x.start > at).map((x) => x.start));
        const body = await fetchRange(at, next);
        held.push({ start: at, body });
        out.set(new Uint8Array(body), at - start);
        at = next;
      }
      return out.buffer;
    },
  };

  async function fetchRange(start: number, end: number): Promise<ArrayBuffer> {
    const response = await fetcher(url, { headers: { Range: `bytes=${start}-${end - 1}` } });
    log.requests += 1;
    if (response.status === 416) throw new Error(truncated('shorter'));
    if (response.status !== 206 && response.status !== 200) throw new Error(httpProblem(label, response));
    const body = await response.arrayBuffer();
    log.bytes += body.byteLength;
    if (response.status === 200) {
      // The server ignored the range and sent the whole file.
      if (body.byteLength !== byteLength) throw new Error(truncated(`${body.byteLength} bytes`));
      return body.slice(start, end);
    }
    const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
    if (total !== undefined && Number(total) !== byteLength) throw new Error(truncated(`${total} bytes`));
    if (body.byteLength !== end - start) throw new Error(truncated('shorter'));
    return body;
  }
}

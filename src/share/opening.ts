// What the page opens on, from its link: a snapshot (`snap=`), hosted exports (`data=`),
// or — with neither — the built-in demo. Problems with the link become notices.
import { readDataUrls } from './dataUrls';
import { decodeSnapshot, type Snapshot } from './snapshot';

export interface Opening {
  readonly snapshot: Snapshot | null;
  readonly urls: readonly string[];
  readonly problems: readonly string[];
}

export async function openingOf(hash: string, pageUrl: string, dataFolder?: string): Promise<Opening> {
  const snap = new URLSearchParams(hash.replace(/^#/, '')).get('snap');
  const { urls, problems } = readDataUrls(hash, pageUrl, dataFolder);
  if (snap) {
    const decoded = await decodeSnapshot(snap);
    if ('snapshot' in decoded) return { snapshot: decoded.snapshot, urls: [], problems };
    return { snapshot: null, urls, problems: [...problems, decoded.problem] };
  }
  return { snapshot: null, urls, problems };
}

/** The hash without the given keys (a snapshot link stops being one once real data is loaded). */
export function withoutKeys(hash: string, keys: readonly string[]): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const key of keys) params.delete(key);
  return `#${params.toString()}`;
}

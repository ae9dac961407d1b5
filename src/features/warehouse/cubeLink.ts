// The `cube=` hash key: the page opens on cube files (docs/warehouse.md) from a manifest on this
// site's own origin. Anything else is refused here, before a single request is made.
import type { CubesOpened } from '../../engine-api/warehouse';

export type CubeLink = { readonly url: string } | { readonly problem: string };

/** Encoded separators a server might decode into another path after our check. */
const SNEAKY_PATH = /%2f|%5c|\\/i;

/** The manifest URL of the link's `cube=`, resolved against the page; null when the link has none. */
export function readCubeLink(hash: string, pageUrl: string): CubeLink | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('cube')?.trim();
  if (value === undefined) return null;
  if (value === '')
    return { problem: "The link's cube= is empty; give the address of a cube manifest (for example cube=cubes/manifest.json)." };
  const page = new URL(pageUrl);
  let url: URL;
  try {
    url = new URL(value, page);
  } catch {
    return { problem: `The link's cube address "${value}" is not a URL.` };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== page.origin) {
    return {
      problem: `The link asks to open cube files from "${value}", which is on another origin. pipelens reads cube files only from this site (${page.origin}); serve them under this origin (docs/warehouse.md shows the reverse-proxy line). Nothing was fetched.`,
    };
  }
  if (SNEAKY_PATH.test(url.pathname))
    return { problem: `The cube address "${value}" hides a path separator; it was not opened.` };
  url.hash = '';
  return { url: url.href };
}

/** True when the link sets this key (a fiscal-year start in the link wins over the manifest's). */
export function linkHas(hash: string, key: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(key);
}

/** The header's words: where the data comes from and as of when. */
export function describeCubes(c: CubesOpened): string {
  const built = c.generatedAt.slice(0, 16).replace('T', ' ');
  return `Cube files: ${c.source} · data as of ${c.referenceDate} · built ${built} UTC`;
}

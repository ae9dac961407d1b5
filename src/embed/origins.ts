// The parent origins allowed to talk to an embedded pipelens, set at deploy time in
// index.html: <meta name="pipelens-allowed-origins" content="https://portal.example https://b.example">.
// Matching is exact (scheme, host and port); no wildcards, no suffix matching.

export const ORIGINS_META = 'pipelens-allowed-origins';

/** The valid origins in the meta content; anything that is not exactly an origin is dropped. */
export function parseAllowedOrigins(content: string | null | undefined): string[] {
  const out: string[] = [];
  for (const token of (content ?? '').split(/[\s,]+/)) {
    if (!token) continue;
    try {
      const origin = new URL(token).origin;
      if (origin === token.replace(/\/$/, '') && origin !== 'null' && !out.includes(origin)) out.push(origin);
    } catch {
      // Not a URL: ignored, the deploy guide says what to write.
    }
  }
  return out;
}

export function allowedOriginsOf(doc: Document): string[] {
  return parseAllowedOrigins(doc.querySelector(`meta[name="${ORIGINS_META}"]`)?.getAttribute('content'));
}

export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes(origin);
}

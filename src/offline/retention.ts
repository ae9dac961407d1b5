// Which builds' caches the service worker keeps. A tab opened before a deploy still runs the old
// build and may ask for a chunk it has not loaded yet (a lazily loaded view or library, the engine
// worker after a restart); the new deploy no longer serves that file. So the previous build's cache
// is kept beside the current one and answers such requests; older ones are deleted.

/** Builds kept: the current one and the one before it. */
export const BUILDS_KEPT = 2;

/** The build list after `current` activates (oldest first, no repeats, at most BUILDS_KEPT). */
export function buildsAfterActivation(previous: readonly string[], current: string): string[] {
  return [...previous.filter((b) => b !== current), current].slice(-BUILDS_KEPT);
}

/** Caches to delete: every build cache whose build is not kept (the list cache itself stays). */
export function cachesToDelete(
  cacheNames: readonly string[],
  kept: readonly string[],
  prefix: string,
  listCache: string,
): string[] {
  const keep = new Set([...kept.map((b) => `${prefix}${b}`), listCache]);
  return cacheNames.filter((name) => name.startsWith(prefix) && !keep.has(name));
}

// One way for every screen to keep its options in the link (docs/architecture.md, "URL state"):
// the link is read onto the screen when it changes (a shared link, back/forward), and an edit
// on the screen rewrites the link. Both sides compare by a key, so equal text ends the round
// trip instead of bouncing. The two steps are plain functions; linkSync.svelte.ts runs them.

export interface LinkSync<T> {
  /** What the link holds for this screen (undefined: nothing). */
  link(): T | undefined;
  /** The screen's state as it would be written; undefined while there is nothing to write. */
  screen(): T | undefined;
  /** Equal keys mean the link and the screen agree. */
  key(value: T | undefined): string;
  /** Puts the link's value on screen; absent when the screen reads the link only as it loads. */
  toScreen?(value: T | undefined): void;
  toLink(value: T): void;
  /** Whether the screen's state is whole enough to be written (default: always). */
  writable?(value: T): boolean;
}

/** The link changed: show it, unless the screen already says the same. */
export function linkToScreen<T>(sync: LinkSync<T>, fromLink: T | undefined): void {
  if (sync.toScreen && sync.key(fromLink) !== sync.key(sync.screen())) sync.toScreen(fromLink);
}

/** The screen changed: write it, unless it is not writable or the link already says the same. */
export function screenToLink<T>(sync: LinkSync<T>, now: T | undefined): void {
  if (now === undefined || !(sync.writable?.(now) ?? true)) return;
  if (sync.key(now) !== sync.key(sync.link())) sync.toLink(now);
}

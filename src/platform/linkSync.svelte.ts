// Runs the two steps of linkSync.ts as effects of the calling component: each effect tracks
// only its own side (the other is read untracked), so a write on one side wakes the other once.
import { untrack } from 'svelte';
import { linkToScreen, screenToLink, type LinkSync } from './linkSync';

export function syncLink<T>(sync: LinkSync<T>): void {
  $effect(() => {
    const fromLink = sync.link();
    untrack(() => linkToScreen(sync, fromLink));
  });
  $effect(() => {
    const now = sync.screen();
    untrack(() => screenToLink(sync, now));
  });
}

import { describe, expect, it } from 'vitest';
import { linkToScreen, screenToLink, type LinkSync } from '../../../src/platform/linkSync';

interface Opts {
  readonly n: number;
}

/** A link and a screen as plain variables; every write is counted, and each write wakes the other side once, as the effects do. */
function rig(readsLink = true) {
  const state = { link: undefined as Opts | undefined, screen: { n: 1 } as Opts, toLink: 0, toScreen: 0 };
  const sync: LinkSync<Opts> = {
    link: () => state.link,
    screen: () => state.screen,
    key: (v) => (v ? String(v.n) : ''),
    writable: (v) => v.n >= 0,
    toLink: (v) => {
      state.toLink++;
      state.link = v;
      linkToScreen(sync, v);
    },
    ...(readsLink
      ? {
          toScreen: (v: Opts | undefined) => {
            state.toScreen++;
            state.screen = v ?? { n: 1 };
            screenToLink(sync, state.screen);
          },
        }
      : {}),
  };
  return { state, sync };
}

describe('link sync', () => {
  it('an edit rewrites the link once and the round trip ends', () => {
    const { state, sync } = rig();
    state.screen = { n: 5 };
    screenToLink(sync, state.screen);
    expect(state).toEqual({ link: { n: 5 }, screen: { n: 5 }, toLink: 1, toScreen: 0 });
  });

  it('a link (shared, or back/forward) is shown once and not written back', () => {
    const { state, sync } = rig();
    state.link = { n: 7 };
    linkToScreen(sync, state.link);
    expect(state).toEqual({ link: { n: 7 }, screen: { n: 7 }, toLink: 0, toScreen: 1 });
  });

  it('an edit that is not whole leaves the link on the last good value', () => {
    const { state, sync } = rig();
    state.link = { n: 3 };
    state.screen = { n: -1 };
    screenToLink(sync, state.screen);
    expect(state.link).toEqual({ n: 3 });
    expect(state.toLink).toBe(0);
  });

  it('nothing to write yet writes nothing; a screen that reads the link only as it loads is never overwritten', () => {
    const { state, sync } = rig(false);
    screenToLink(sync, undefined);
    state.link = { n: 9 };
    linkToScreen(sync, state.link);
    expect(state).toEqual({ link: { n: 9 }, screen: { n: 1 }, toLink: 0, toScreen: 0 });
  });
});

// A screen opened by its link before the engine has loaded the demo waits for it: no screen
// may show an engine error that is only a matter of waiting (issue 20). A watcher installed
// before the page's own scripts records every text the page ever shows that names a missing
// table or a failed engine query, from the first frame on.
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions } from './setup/browser';

const siteUrl = inject('siteUrl');

declare global {
  interface Window {
    engineErrorsSeen?: string[];
  }
}

/** Runs in the page before its scripts: keeps every engine-error text that ever appears. */
function watchEngineErrors(): void {
  const seen: string[] = [];
  window.engineErrorsSeen = seen;
  const check = () => {
    const text = document.body?.innerText ?? '';
    const hit = /Catalog Error|does not exist|could not run a query|could not be read/i.exec(text);
    if (hit) seen.push(text.slice(Math.max(0, hit.index - 80), hit.index + 120));
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
}

const SCREENS: readonly { view: string; ready: string }[] = [
  { view: 'territories', ready: '[data-testid="territory-table"] tr[data-territory]' },
  { view: 'forecast', ready: '[data-engine="ready"]' },
  { view: 'comp', ready: '[data-engine="ready"]' },
  { view: 'data', ready: '[data-engine="ready"]' },
  { view: 'pivot', ready: '[data-testid="pivot"]' },
];

describe('screens opened by their link wait for the engine', () => {
  const sessions = useBrowserSessions();

  for (const { view, ready } of SCREENS) {
    it(`#view=${view} shows no engine error while the demo loads`, async () => {
      const { page } = await sessions.open(siteUrl);
      await page.addInitScript(watchEngineErrors);
      await page.goto(`${siteUrl}#view=${view}&period=all`);
      await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
      await page.waitForSelector(ready, { timeout: 60_000 });
      // The screen's own first queries have answered (or failed) once nothing is busy: read the record then.
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 30_000 });
      const seen = await page.evaluate(() => window.engineErrorsSeen);
      expect(seen).toEqual([]);
      expect(await page.locator('[data-testid="engine-waiting"]').count()).toBe(0);
    });
  }
});

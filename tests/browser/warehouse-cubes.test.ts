// The built page opened on cube files (`#cube=`, docs/warehouse.md) in real Chromium: the
// demo written as cube files by the cube job (`npm run cubes -- --demo`: embedded ClickHouse)
// shows the same KPI tiles as the demo opened normally; bad cube links and files get a clear message and nothing leaves the origin.
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../../scripts/serve';
import { runDemoJob } from '../../scripts/cubes/job';
import { useBrowserSessions, waitForReady } from './setup/browser';

const DIST = path.resolve(process.env['PIPELENS_DIST'] ?? path.join(import.meta.dirname, '../../dist'));

async function tiles(page: Page): Promise<Record<string, string | null>> {
  return page.$$eval('[data-kpi]', (els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-kpi') ?? '', el.getAttribute('data-value')])),
  );
}

function variant(dir: string, change: (copy: string) => void): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'pipelens-cubes-bad-'));
  cpSync(dir, copy, { recursive: true });
  change(copy);
  return copy;
}

describe('the dashboard opened from cube files', () => {
  const sessions = useBrowserSessions();
  let served: Served;
  const dirs: Record<string, string> = {};

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pipelens-cubes-job-'));
    const { manifest } = await runDemoJob({ out: dir, fiscalStartMonth: 1 });
    const part = manifest.tables.closed.partitions.find((p) => p.rows > 0)?.path ?? '';
    dirs['cubes'] = dir;
    dirs['v2'] = variant(dir, (c) => {
      const m = JSON.parse(readFileSync(path.join(c, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(path.join(c, 'manifest.json'), JSON.stringify({ ...m, schemaVersion: 2 }));
    });
    dirs['missing'] = variant(dir, (c) => rmSync(path.join(c, part)));
    dirs['cut'] = variant(dir, (c) => truncateSync(path.join(c, part), 100));
    served = await serve({ root: DIST, base: '/portal/sales/', port: 0, csp: true, mounts: dirs });
  });

  afterAll(async () => {
    await served.close();
    for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
  });

  async function shown(hash: string): Promise<{ page: Page; tiles: Record<string, string | null> }> {
    const { page } = await sessions.open(served.url);
    await page.goto(`${served.url}${hash}`);
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 60_000 });
    await waitForReady(page);
    return { page, tiles: await tiles(page) };
  }

  for (const period of ['all', '2026-Q2', '2026-Q3']) {
    it(`shows the same KPI tiles as the demo itself for period=${period}`, async () => {
      const demo = await shown(`#period=${period}`);
      const cube = await shown(`#cube=cubes/manifest.json&period=${period}`);
      expect(await cube.page.getAttribute('[data-state]', 'data-source')).toBe('cube');
      expect(await demo.page.getAttribute('[data-state]', 'data-source')).toBeNull();
      expect(await cube.page.getAttribute('[data-state]', 'data-period')).toBe(period);
      expect(Object.keys(demo.tiles).length).toBeGreaterThan(8);
      expect(Number(demo.tiles['won_count'])).toBeGreaterThan(0);
      expect(cube.tiles).toEqual(demo.tiles);
      const label = await cube.page.textContent('[data-testid="data-label"]');
      expect(label).toMatch(
        /^Cube files: pipelens demo data \(ClickHouse [\d.]+, embedded\) · data as of \d{4}-\d{2}-\d{2} · built /,
      );
    });
  }

  it('keeps cube= in the link while the period changes, and refuses a screen that needs rows', async () => {
    const { page } = await shown('#cube=cubes/manifest.json&period=2026-Q2');
    await page.selectOption('[data-testid="period-select"]', '2025');
    await page.waitForSelector('[data-period="2025"][data-state="ready"]');
    expect(await page.evaluate(() => location.hash)).toContain('cube=cubes%2Fmanifest.json');
    expect(await page.getAttribute('[data-state]', 'data-source')).toBe('cube');
    await page.goto(`${served.url}#cube=cubes/manifest.json&period=2025&view=forecast`);
    await expect.poll(() => page.textContent('body'), { timeout: 60_000 }).toMatch(/not available at this scale/);
  });

  const refusals: [string, RegExp][] = [
    ['v2/manifest.json', /schema version 2; this page reads version 1/],
    ['missing/manifest.json', /closed\/\d{4}\.parquet is missing \(HTTP 404\)/],
    ['cut/manifest.json', /closed\/\d{4}\.parquet is .*truncated/],
    ['https://cubes.example.com/manifest.json', /on another origin.*Nothing was fetched/],
    ['//cubes.example.com/manifest.json', /on another origin/],
  ];
  for (const [target, message] of refusals) {
    it(`says what is wrong with cube=${target}`, async () => {
      const { page } = await sessions.open(served.url);
      await page.goto(`${served.url}#cube=${encodeURIComponent(target)}&period=all`);
      await page.waitForSelector('[data-state="error"]', { timeout: 60_000 });
      expect(await page.textContent('[role="alert"]')).toMatch(message);
      // Never the demo in place of the cubes asked for.
      expect(await page.locator('[data-kpi]').count()).toBe(0);
    });
  }
});

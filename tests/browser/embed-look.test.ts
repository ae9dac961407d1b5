// Every embeddable panel looked at as a picture: the computed style of its marks, alone in embed
// mode, must draw what the dashboard draws — a sparkline is a thin coloured line over a dashed zero
// line (not a black filled shape), bars and comparison bars carry the palette's colours, the quota
// line and the legend's swatches are visible. Before each chart carried its own styles, embedded
// sparklines computed to `fill: rgb(0, 0, 0)` and the quota line to `stroke: none`.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PANELS, type PanelId } from '../../src/embed/embedMode';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
// A full fiscal year with a comparison and quotas, so every kind of mark is on screen.
const VIEW = 'period=2025&cmp=yoy';
const ACCENT = 'rgb(0, 114, 178)';
const ACCENT_2 = 'rgb(230, 159, 0)';

type Look = Record<string, string>;

/** Computed styles of the first `limit` elements matching each selector. */
async function looks(page: Page, selectors: Record<string, string>): Promise<Record<string, Look[]>> {
  return page.evaluate((sel) => {
    const props = [
      'fill',
      'stroke',
      'stroke-width',
      'stroke-dasharray',
      'display',
      'visibility',
      'border-top-style',
      'background-color',
    ];
    const out: Record<string, Look[]> = {};
    for (const [name, css] of Object.entries(sel)) {
      out[name] = [...document.querySelectorAll(css)].slice(0, 20).map((el) => {
        const style = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
      });
    }
    return out;
  }, selectors);
}

const CHECKS: Record<PanelId, { selectors: Record<string, string>; expectLook: (l: Record<string, Look[]>) => void }> = {
  kpis: {
    selectors: { trend: '.sparkline path.trend', baseline: '.sparkline line.baseline' },
    expectLook: (l) => {
      expect(l.trend?.length).toBeGreaterThanOrEqual(3);
      for (const s of l.trend ?? []) {
        expect(s.fill).toBe('none');
        expect(s.stroke).toBe(ACCENT);
        expect(parseFloat(s['stroke-width'] ?? '0')).toBeGreaterThan(1);
      }
      expect(l.baseline?.length).toBe(l.trend?.length);
      for (const s of l.baseline ?? []) {
        expect(s.stroke).not.toBe('none');
        expect(s['stroke-dasharray']).not.toBe('none');
      }
    },
  },
  bookings: {
    selectors: {
      bar: '[data-testid=bookings-chart] rect.bar:not(.compare)',
      compare: '[data-testid=bookings-chart] rect.bar.compare',
      quota: '[data-testid=bookings-chart] line.target',
      grid: '[data-testid=bookings-chart] .tick line',
      swatchCompare: '.legend .swatch.compare',
      swatchQuota: '.legend .swatch.target',
    },
    expectLook: (l) => {
      expect(l.bar?.length).toBeGreaterThanOrEqual(4);
      for (const s of l.bar ?? []) expect(s.fill).toBe(ACCENT);
      expect(l.compare?.length).toBeGreaterThanOrEqual(4);
      for (const s of l.compare ?? []) expect(s.fill).toBe(ACCENT_2);
      expect(l.quota?.length).toBeGreaterThanOrEqual(4);
      for (const s of l.quota ?? []) {
        expect(s.stroke).not.toBe('none');
        expect(s['stroke-dasharray']).not.toBe('none');
      }
      for (const s of l.grid ?? []) expect(s.stroke).not.toBe('none');
      expect(l.swatchCompare?.[0]?.['background-color']).toBe(ACCENT_2);
      expect(l.swatchQuota?.[0]?.['border-top-style']).toBe('dashed');
    },
  },
};

describe('embedded panels look like the dashboard', () => {
  const sessions = useBrowserSessions();

  it('has a look check for every embeddable panel', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...PANELS].sort());
  });

  for (const panel of PANELS) {
    it(`draws the ${panel} panel's marks with the dashboard's styles`, async () => {
      const { page } = await sessions.open(siteUrl);
      await page.emulateMedia({ colorScheme: 'light' });
      const check = CHECKS[panel];
      await page.goto(`${siteUrl}#embed=1&panel=${panel}&${VIEW}`);
      await page.waitForSelector(`[data-embed-panel="${panel}"][data-state="ready"]`, { timeout: 60_000 });
      await page.waitForSelector(Object.values(check.selectors)[0] ?? 'svg');
      const embedded = await looks(page, check.selectors);
      check.expectLook(embedded);

      // The same marks on the full dashboard compute to the same styles.
      await page.goto(`${siteUrl}?full#view=dashboard&${VIEW}`);
      await waitForReady(page);
      await page.waitForSelector(Object.values(check.selectors)[0] ?? 'svg');
      const full = await looks(page, check.selectors);
      for (const name of Object.keys(check.selectors)) expect(embedded[name]?.[0], name).toEqual(full[name]?.[0]);
    });
  }
});

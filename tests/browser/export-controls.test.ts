// One export control per panel (docs/exports.md): on every screen, every chart and every output
// table sits in a panel ([data-export-panel]) that holds exactly one export menu, at its top
// right, offering SVG and PNG when the panel draws a chart and CSV and XLSX when it shows a
// table; no other CSV/XLSX/SVG/PNG button is left anywhere on the page.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');

/** Each screen with an explicit period, what "ready" means, and a step that opens its optional panels. */
const SCREENS: readonly { name: string; hash: string; ready: string; open?: (page: Page) => Promise<void> }[] = [
  {
    name: 'dashboard',
    hash: 'view=dashboard&period=2026-Q3&drill=kpi:won_amount',
    ready: '[data-testid="drill"][data-busy="false"]',
    open: async (page) => {
      await page.waitForSelector('[data-testid="movement"]');
    },
  },
  { name: 'forecast', hash: 'view=forecast&period=2026-Q3', ready: '[data-method="selection"]' },
  { name: 'pivot', hash: 'view=pivot&period=2026', ready: '[data-testid="pivot"][data-busy="false"] [data-value]' },
  { name: 'leads', hash: 'view=leads&period=2026', ready: '[data-leads-state="ready"] [data-testid="lead-ranked"]' },
  {
    name: 'lead list',
    hash: 'view=leads&period=2026&drill=leads:month:2026-01',
    ready: '[data-testid="lead-drill"][data-busy="false"]',
  },
  { name: 'territories', hash: 'view=territories&period=2026-Q3&t.design=1', ready: '[data-design="done"]' },
  {
    name: 'comp',
    hash: 'view=comp&period=2026-Q3',
    ready: '[data-comp-state="ready"] [data-rep]',
    open: async (page) => {
      await page.click('[data-testid="comp-results"] [data-rep] button');
      await page.waitForSelector('[data-testid="comp-statement"]');
    },
  },
  { name: 'data', hash: 'view=data&period=2026-Q3', ready: '[data-testid="data-quality"] .check' },
];

interface Audit {
  /** Charts and output tables outside any panel. */
  orphans: string[];
  /** Panels with their own menus' count, formats offered, what they hold, and the menu's place. */
  panels: { id: string; menus: number; formats: string[]; chart: boolean; table: boolean; top: number; right: number }[];
  /** Export-like buttons outside the export menus. */
  stray: string[];
}

/** Read in the page (a string, so the test runner's transform adds nothing the page lacks). */
const AUDIT = `(() => {
  const name = (el) => el.tagName.toLowerCase() + (el.getAttribute('data-testid') ? '#' + el.getAttribute('data-testid') : '');
  // A chart is an <svg> drawn at chart size (not an icon, a tile's sparkline or a nested <svg>).
  const isChart = (el) => el.tagName.toLowerCase() === 'svg' && el.parentElement?.closest('svg') === null
    && !el.closest('[data-kpi]') && el.getBoundingClientRect().width >= 120;
  // An output table shows results; a table of inputs is a form (the comp plan's tiers).
  const isTable = (el) => el.tagName.toLowerCase() === 'table' && el.querySelector('input, select') === null;
  const outputs = [...document.querySelectorAll('svg, table')].filter((el) => isChart(el) || el.tagName.toLowerCase() === 'table');
  const orphans = outputs.filter((el) => (isChart(el) || isTable(el)) && !el.closest('[data-export-panel]')).map(name);
  const panels = [...document.querySelectorAll('[data-export-panel]')].map((p) => {
    const menus = [...p.querySelectorAll('.export-menu')].filter((m) => m.closest('[data-export-panel]') === p);
    const held = outputs.filter((el) => el.closest('[data-export-panel]') === p);
    const box = p.getBoundingClientRect();
    const menu = menus[0]?.getBoundingClientRect();
    const last = menus[0]?.querySelector('button:last-of-type')?.getBoundingClientRect();
    return {
      id: p.getAttribute('data-export-panel'),
      menus: menus.length,
      formats: menus.flatMap((m) => [...m.querySelectorAll('[data-export]')].map((b) => b.getAttribute('data-export'))),
      chart: held.some(isChart),
      // A panel whose whole table is read on click (every row, not the page on screen) holds data too.
      table: held.some((el) => el.tagName.toLowerCase() === 'table') || menus.some((m) => m.hasAttribute('data-export-data')),
      top: menu ? menu.top - box.top : -1,
      right: last ? box.right - last.right : -1,
    };
  });
  const stray = [...document.querySelectorAll('button, a')]
    .filter((b) => !b.closest('.export-menu'))
    .map((b) => (b.textContent || '').trim())
    .filter((t) => /^(csv|xlsx|svg|png)$|\\b(csv|xlsx)\\b/i.test(t));
  return { orphans, panels, stray };
})()`;

describe('one export control per panel', () => {
  const sessions = useBrowserSessions();

  it('gives every chart and table of every screen one export menu, at the top right, with its formats', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.setViewportSize({ width: 1280, height: 900 });
    const problems: string[] = [];
    for (const screen of SCREENS) {
      await page.goto(`${siteUrl}#${screen.hash}`);
      await waitForReady(page);
      await page.waitForSelector(screen.ready, { timeout: 180_000 });
      await screen.open?.(page);
      const audit = (await page.evaluate(AUDIT)) as Audit;
      problems.push(...audit.orphans.map((o) => `${screen.name}: ${o} is outside any panel`));
      problems.push(...audit.stray.map((t) => `${screen.name}: export button "${t}" outside the menus`));
      if (audit.panels.length === 0) problems.push(`${screen.name}: no panels`);
      for (const p of audit.panels) {
        const where = `${screen.name} / ${p.id}`;
        if (p.menus !== 1) problems.push(`${where}: ${p.menus} export menus`);
        // Charts go out as pictures, tables as data; nothing is offered that the panel does not hold.
        const expected = [...(p.chart ? ['svg', 'png'] : []), ...(p.table ? ['csv', 'xlsx'] : [])];
        if (p.formats.join() !== expected.join()) problems.push(`${where}: offers ${p.formats.join()}, holds ${expected.join()}`);
        // The same place everywhere: the panel's top right (within its heading's height, at its right edge).
        if (p.top < 0 || p.top > 64) problems.push(`${where}: menu ${p.top}px below the panel's top`);
        if (p.right < 0 || p.right > 40) problems.push(`${where}: menu ${p.right}px left of the panel's right edge`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});

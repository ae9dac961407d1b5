// Two snapshots of one deals export dropped together, on the built page (docs/movement.md, "Two
// snapshots"): their file names carry no date, so the mapping screen asks for both and will
// not load before; then the dashboard names the later file as the deals and counts each deal
// once, and the waterfall between the two dates reconciles to the cent with figures worked out
// by hand (tests/engine/snapshots.test.ts), a step opening its deals.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { tileValue, useBrowserSessions, waitForReady } from './setup/browser';

const siteUrl = inject('siteUrl');
const dir = path.resolve(import.meta.dirname, '../fixtures/snapshots');
const file = (fixture: string, name: string) => ({ name, mimeType: 'text/csv', buffer: readFileSync(path.join(dir, fixture)) });

describe('two snapshots dropped together in the browser', () => {
  const sessions = useBrowserSessions();

  it('asks for their dates, shows the later one, and draws the movement between them', async () => {
    const { page } = await sessions.open(siteUrl);
    await page.goto(`${siteUrl}#view=dashboard&period=2024-Q2`);
    await waitForReady(page);
    await page.waitForSelector('[data-engine="ready"]', { timeout: 90_000 });
    await page.setInputFiles('[data-testid="file-input"]', [
      file('deals-2024-05-08.csv', 'pipeline-this-week.csv'),
      file('deals-2024-05-01.csv', 'pipeline-last-week.csv'),
    ]);
    const question = page.locator('[data-testid="snapshots"]');
    await question.waitFor({ timeout: 90_000 });
    expect(await question.getAttribute('data-ready')).toBe('false');
    expect(await page.locator('[data-testid="apply-mapping"]').isDisabled()).toBe(true);
    await page.fill('[data-snapshot-file="pipeline-last-week.csv"]', '2024-05-01');
    await page.fill('[data-snapshot-file="pipeline-this-week.csv"]', '2024-05-08');
    await page.waitForSelector('[data-testid="snapshots"][data-ready="true"]');
    await page.click('[data-testid="apply-mapping"]');

    const note = page.locator('[data-testid="snapshot-note"]');
    await note.waitFor({ timeout: 90_000 });
    await waitForReady(page);
    expect(await note.getAttribute('data-file')).toBe('pipeline-this-week.csv');
    // "Today" is the later snapshot's date, not the data's latest date (05-07).
    expect(await page.getAttribute('[data-testid="freshness"]', 'data-date')).toBe('2024-05-08');
    expect(await note.textContent()).toMatch(/pipeline-last-week\.csv.*only for the pipeline's movement/s);
    // Each deal once: won in Q2 S5 and S10 (not S10 twice), open pipeline = the later file's.
    expect(await tileValue(page, 'won_count')).toBe(2);
    expect(await tileValue(page, 'won_amount')).toBe(6700);
    expect(await tileValue(page, 'open_pipeline')).toBe(9550.6);

    const table = page.locator('[data-testid="movement"][data-from="2024-05-01"][data-to="2024-05-08"]');
    await table.waitFor({ timeout: 90_000 });
    expect(await page.locator('[data-testid="movement-snapshots"]').textContent()).toMatch(
      /pipeline-last-week\.csv.*pipeline-this-week\.csv/s,
    );
    const m = await page.evaluate(() => {
      const t = document.querySelector('[data-testid="movement"]');
      const n = (el: Element | null | undefined, name: string) => Number(el?.getAttribute(name));
      const steps = [...(t?.querySelectorAll('tr[data-step]') ?? [])].map((tr) => [
        tr.getAttribute('data-step'),
        n(tr, 'data-count'),
        n(tr, 'data-amount'),
      ]);
      return {
        start: n(t, 'data-start-amount'),
        end: n(t, 'data-end-amount'),
        steps,
        foot: document.querySelector('.movement .footnote')?.textContent ?? '',
      };
    });
    expect([m.start, m.end]).toEqual([15600.25, 9550.6]);
    expect(m.steps).toEqual([
      ['created', 1, 700.1],
      ['pulled_in', 2, 1600],
      ['increased', 2, 1500],
      ['decreased', 1, -249.5],
      ['pushed_out', 1, -4000],
      ['won', 1, -5000],
      ['lost', 1, -600.25],
    ]);
    const cents = (v: number) => Math.round(v * 100);
    expect(cents(m.start) + m.steps.reduce((s, [, , a]) => s + cents(Number(a)), 0)).toBe(cents(m.end));
    // S11 is gone from the later file: said, not hidden.
    expect(m.foot).toMatch(/1 deals in the pipeline of 2024-05-01 \(\$250(\.00)?\) are not in the later file/);

    await page.click('[data-testid="movement"] button[data-movement-step="pulled_in"]');
    await page.waitForFunction(
      () => {
        const d = document.querySelector('[data-testid="drill"]');
        return d?.getAttribute('data-target') === 'movement:pulled_in' && d.getAttribute('data-busy') === 'false';
      },
      undefined,
      { timeout: 60_000 },
    );
    const drill = page.locator('[data-testid="drill"]');
    expect([await drill.getAttribute('data-count'), await drill.getAttribute('data-amount')]).toEqual(['2', '1600']);
    const names = await drill.locator('tbody td').allTextContents();
    expect(names.join(' ')).toMatch(/Pulled in/);
    expect(names.join(' ')).toMatch(/Reopened/);
    expect(names.join(' ')).toMatch(/pipeline-this-week\.csv/);
  }, 300_000);
});

// Parity: every dashboard cube query, rendered for DuckDB (the tab) and for ClickHouse (the
// cube job, here chdb in process), over the same fact rows — the demo the page opens on and
// a generated set aimed at the engines' differences. Compared row by row (every group the
// same, counts exactly, money within 1e-9 relative) and as the dashboard folds them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from 'chdb';
import { cubeSpecs } from '../../src/features/dashboard/core/cubeQueries';
import { DEMO } from '../../src/demo/firstPaint';
import { prepare } from '../../workers/analytics/dashboard/prepare';
import { chRows, duckFactRows, duckRows, openChdb, openDuck, setDuckFact, type Duck } from './helpers/engines';
import { generatedFact } from './helpers/generated';
import { expectSameFold, expectSameRows, type Cubes } from './helpers/compare';

interface Answers {
  readonly ref: string;
  readonly duck: Cubes;
  readonly ch: Cubes;
}

function checkAll(name: string, setup: () => Promise<{ duck: Duck; ch: Session; refs: string[] }>): void {
  describe(name, () => {
    let answers: Answers[] = [];
    let ch: Session | null = null;
    beforeAll(async () => {
      const s = await setup();
      ch = s.ch;
      answers = s.refs.map((ref) => {
        const specs = cubeSpecs(ref);
        return {
          ref,
          duck: specs.map((spec) => ({ spec, rows: duckRows(s.duck, spec.query) })),
          ch: specs.map((spec) => ({ spec, rows: chRows(s.ch, spec.query) })),
        };
      });
    });
    afterAll(() => ch?.cleanup());

    it('every cube has the same groups with the same counts and sums', () => {
      for (const a of answers) {
        a.duck.forEach(({ spec, rows }, i) => {
          expect(rows.length, `${spec.id} @ ${a.ref} has rows`).toBeGreaterThan(0);
          expectSameRows(spec, rows, a.ch[i]?.rows ?? [], `${spec.id} @ ${a.ref}`);
        });
      }
    });

    it('the dashboard folds the same inputs from either engine, filtered or not', () => {
      for (const a of answers) {
        for (const filters of FILTERS) expectSameFold(a.duck, a.ch, filters, `${name} @ ${a.ref} ${JSON.stringify(filters)}`);
      }
    });
  });
}

const FILTERS: Record<string, (string | null)[]>[] = [
  {},
  { owner: [null, 'O\'Brien, "Jr"', 'Emily Harris'] },
  { region: ['North', 'Southeast'] },
];

checkAll('parity: the demo data set', async () => {
  const duck = await openDuck();
  await duck.analytics.loadDemo(DEMO);
  const ref = prepare(duck.ctx).extent.referenceDate;
  if (!ref) throw new Error('The demo has no reference date.');
  const ch = openChdb(duckFactRows(duck));
  // The demo's own reference date, and a quarter back (a different set of open deals).
  return { duck, ch, refs: [ref, '2026-06-30'] };
});

checkAll('parity: generated deals at the engines’ edges', async () => {
  const duck = await openDuck();
  const rows = generatedFact(2323, 4000);
  await setDuckFact(duck, rows);
  return { duck, ch: openChdb(rows), refs: ['2024-02-29', '1969-12-31', '2150-01-15'] };
});

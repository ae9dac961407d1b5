// Fuzzing the link readers (issue 14): random keys, repeated keys, random values, truncated and
// mutated snapshot payloads. Whatever the link says, the readers return a usable state or a
// notice — they never throw — and what they return is what the page can draw. Seeded in tests/setup.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readViewState, VIEWS, writeViewState } from '../../../src/app/viewState';
import { parsePeriod } from '../../../src/shared/periods/fiscal';
import { implausiblePeriod } from '../../../src/shared/periods/plausible';
import { KPI_IDS } from '../../../src/shared/kpiVariants';
import { decodeSnapshot, describeSnapshot, encodeSnapshot, type Snapshot } from '../../../src/share/snapshot';

/** Keys the page knows (so values reach the real parsers) mixed with made-up ones. */
const KEYS = ['view', 'period', 'fy', 'f.owner', 'f.bogus', 'k.win_rate', 'cmp', 'ref', 'gm', 'churn', 'cur', 'by'];
const key = fc.oneof(fc.constantFrom(...KEYS, 'fc.target', 'fc.p.Won', 't.by', 't.n', 't.seed'), fc.string({ maxLength: 8 }));
const value = fc.oneof(
  fc.constantFrom('all', '2017-Q3', '9999-12-31..9999-12-31', '0000', '2017-13', 'NaN', '-1', '1e309', '', '%', '__proto__'),
  fc.string({ maxLength: 20 }),
);
const hash = fc.array(fc.tuple(key, value), { maxLength: 12 }).map((pairs) => {
  const params = new URLSearchParams();
  for (const [k, v] of pairs) params.append(k, v);
  return `#${params.toString()}`;
});

describe('hash reader under fuzzing', () => {
  it('always gives a drawable state, and a canonical hash that reads back without problems', () => {
    fc.assert(
      fc.property(fc.oneof(hash, fc.string({ maxLength: 60 })), (text) => {
        const { state, problems } = readViewState(text);
        expect(VIEWS).toContain(state.view);
        expect(parsePeriod(state.period)).not.toBeNull();
        expect(implausiblePeriod(state.period)).toBeNull();
        expect(state.fiscalStartMonth).toBeGreaterThanOrEqual(1);
        expect(state.fiscalStartMonth).toBeLessThanOrEqual(12);
        expect(problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
        const again = readViewState(writeViewState(state));
        expect(again.problems).toEqual([]);
        expect(again.state).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});

const SNAPSHOT: Snapshot = {
  v: 1,
  takenAt: '2026-01-01T00:00:00.000Z',
  source: 'Demo data',
  view: '#view=dashboard&period=2017-Q3',
  result: {
    period: '2017-Q3',
    periodLabel: 'Q3 2017',
    grain: 'month',
    kpis: [
      { id: 'won_amount', value: 1000, previous: 900, yearAgo: null },
      { id: 'win_rate', value: null, reason: 'no closed deals' },
    ],
    bookings: [{ start: '2017-07-01', label: 'Jul 2017', wonAmount: 1000, wonCount: 2, compareAmount: null }],
    extent: { opportunities: 3, firstClose: '2017-07-02', lastClose: '2017-09-30', referenceDate: '2017-09-30' },
    referenceDate: '2017-09-30',
    comparison: { kind: 'previous', label: 'vs Q2 2017' },
    sparklines: { won_amount: [1, null, 3] },
  },
};

/** Deep-mutates JSON: replaces one value somewhere by a random JSON value. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const i = head % value.length;
    return value.map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return replacement;
    const i = head % entries.length;
    return Object.fromEntries(entries.map(([k, v], j) => [k, j === i ? mutate(v, rest, replacement) : v]));
  }
  return replacement;
}

function expectDrawable(snapshot: Snapshot): void {
  expect(() => describeSnapshot(snapshot)).not.toThrow();
  for (const k of snapshot.result.kpis) {
    expect(KPI_IDS).toContain(k.id);
    expect(k.value === null || Number.isFinite(k.value)).toBe(true);
  }
  for (const b of snapshot.result.bookings) {
    expect(typeof b.label).toBe('string');
    expect(Number.isFinite(b.wonAmount) && Number.isFinite(b.wonCount)).toBe(true);
  }
  expect(['month', 'quarter']).toContain(snapshot.result.grain);
}

describe('snapshot decoder under fuzzing', () => {
  it('decodes the real snapshot back', async () => {
    const decoded = await decodeSnapshot(await encodeSnapshot(SNAPSHOT));
    expect(decoded).toEqual({ snapshot: SNAPSHOT });
  });

  it('never throws on mutated payloads, and whatever it accepts is drawable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), async (path, replacement) => {
        const text = await encodeSnapshot(mutate(SNAPSHOT, path, replacement) as Snapshot);
        const decoded = await decodeSnapshot(text);
        if ('snapshot' in decoded) expectDrawable(decoded.snapshot);
        else expect(decoded.problem).toMatch(/snapshot/i);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on truncated or corrupted link text', async () => {
    const text = await encodeSnapshot(SNAPSHOT);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: text.length }),
        fc.nat({ max: text.length }),
        fc.string({ maxLength: 3 }),
        async (cut, at, noise) => {
          const damaged = `${text.slice(0, at)}${noise}${text.slice(at)}`.slice(0, Math.max(cut, 1));
          const decoded = await decodeSnapshot(damaged);
          if ('snapshot' in decoded) expectDrawable(decoded.snapshot);
          else expect(decoded.problem.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// Fuzzing file staging on the real engine (issue 14): random bytes, and random truncations and
// byte flips of real fixtures. Every run ends in a reconciled import (rows read = loaded +
// rejected + skipped, per file) or a clear error — never a crash of another kind. Seeded in tests/setup.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { fixture, openAnalytics } from './helpers/engine';

const FIXTURES = [
  'messy/comma.csv',
  'messy/semicolon.csv',
  'messy/win1252.csv',
  'messy/utf16le-excel.txt',
  'messy/multiline.csv',
  'messy/salesforce-report.csv',
  'messy/deals.xlsx',
  'messy/deals.parquet',
  'messy/deals.json',
  'messy/deals.ndjson',
].map((f) => fixture(f));

/** A clear error: ours, with a message, not a JavaScript slip (TypeError, RangeError…). */
function expectClearError(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  const e = error as Error;
  expect(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']).not.toContain(e.name);
  expect(e.message.length).toBeGreaterThan(10);
}

describe('staging under fuzzing', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  async function stageAndLoad(input: { name: string; data: Uint8Array }): Promise<void> {
    let proposal;
    try {
      proposal = await analytics.stageFiles([input]);
    } catch (error) {
      expectClearError(error);
      return;
    }
    try {
      const result = await analytics.applyImport(proposal.plan);
      for (const f of result.files) expect(f.rowsRead).toBe(f.rowsLoaded + f.rowsRejected + f.rowsSkipped);
    } catch (error) {
      // A plan the page would have shown for review (nothing recognisable to load) is refused with the reason.
      expectClearError(error);
    }
  }

  it('random bytes under text and binary names', async () => {
    const input = fc.record({
      name: fc.constantFrom('x.csv', 'x.txt', 'x.xlsx', 'x.parquet', 'x.json', 'x.ndjson'),
      data: fc.uint8Array({ maxLength: 2048 }),
    });
    await fc.assert(fc.asyncProperty(input, stageAndLoad), { numRuns: 30 });
  });

  it('random truncations and byte flips of real exports', async () => {
    const damaged = fc
      .record({
        file: fc.constantFrom(...FIXTURES),
        cut: fc.double({ min: 0, max: 1, noNaN: true }),
        flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      })
      .map(({ file, cut, flips }) => {
        const data = file.data.slice(0, Math.floor(file.data.length * cut));
        for (const [at, byte] of flips) if (data.length > 0) data[Math.floor(at * (data.length - 1))] = byte;
        return { name: file.name, data };
      });
    await fc.assert(fc.asyncProperty(damaged, stageAndLoad), { numRuns: 40 });
  });
});

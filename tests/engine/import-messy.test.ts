// The messy-export corpus (tests/fixtures/messy, written by scripts/fixtures/generateMessy.ts):
// every file reconciles — rows read = loaded + rejected + skipped — with the counts and
// values the generator knows it wrote.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManifestEntry } from '../../scripts/fixtures/messyFixtures';
import type { ImportQuestion } from '../../src/engine-api/types';
import type { ImportPlan } from '../../src/mapping/types';
import type { Analytics } from '../../workers/analytics/Analytics';
import { FIXTURES, fixture, kpi, openAnalytics } from './helpers/engine';

const MANIFEST = JSON.parse(readFileSync(path.join(FIXTURES, 'messy/manifest.json'), 'utf8')) as ManifestEntry[];

function answered(plan: ImportPlan, questions: readonly ImportQuestion[], answer: string | undefined): ImportPlan {
  const mappings = plan.mappings.map((m) => {
    const decisions = { ...m.decisions };
    for (const q of questions.filter((x) => x.fileId === m.fileId)) {
      const reading = q.readings.find((r) => r.reading === answer);
      if (!reading) throw new Error(`no reading ${String(answer)} for ${q.column}`);
      decisions[q.column] = reading.decisions;
    }
    return { ...m, decisions };
  });
  return { mappings };
}

describe('messy exports', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  it('has at least 40 fixtures', () => {
    expect(MANIFEST.length).toBeGreaterThanOrEqual(40);
  });

  it.each(MANIFEST.map((m) => [m.file, m] as const))('%s', async (_file, { file, expect: want }) => {
    const input = fixture(`messy/${file}`);
    if (want.error) {
      await expect(analytics.stageFiles([input])).rejects.toThrow(new RegExp(`${file}.*${want.error}`));
      return;
    }
    const companions = want.companion ? [fixture(`messy/${want.companion}`)] : [];
    const proposal = await analytics.stageFiles([...companions, input]);
    const staged = proposal.files.find((f) => f.fileName === file);
    if (want.reading) expect(staged?.reading).toMatchObject(want.reading);
    if (want.account) expect(staged?.columns.find((c) => c.name === 'account')?.samples).toContain(want.account);
    if (want.question) expect(proposal.questions.map((q) => q.column)).toContain(want.question);
    else expect(proposal.questions).toEqual([]);
    let plan = proposal.plan;
    if (proposal.questions.length > 0) {
      // The load waits for the answers; then each question is answered as the manifest says.
      await expect(analytics.applyImport(plan)).rejects.toThrow(/reads two ways/);
      plan = answered(plan, proposal.questions, want.answer);
    }
    const result = await analytics.applyImport(plan);
    if (want.note) expect(result.notes.join('\n')).toContain(want.note);
    const rec = result.files.find((f) => f.fileName === file);
    expect(rec).toMatchObject({
      rowsRead: want.rowsRead,
      rowsLoaded: want.rowsLoaded,
      rowsRejected: want.rowsRejected,
      rowsSkipped: want.rowsSkipped,
    });
    expect(rec && rec.rowsRead).toBe(rec && rec.rowsLoaded + rec.rowsRejected + rec.rowsSkipped);
    if (want.rejectLines) expect(rec?.rejects.map((r) => r.line)).toEqual(want.rejectLines);
    if (want.wonAmount !== undefined) {
      const all = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
      expect(kpi(all, 'won_amount')).toBeCloseTo(want.wonAmount, 2);
      expect(kpi(all, 'won_count')).toBe(want.wonCount);
    }
    if (want.wonApril !== undefined) {
      const april = await analytics.dashboard({ period: '2021-04', fiscalStartMonth: 1 });
      expect(kpi(april, 'won_amount')).toBeCloseTo(want.wonApril, 2);
    }
  });
});

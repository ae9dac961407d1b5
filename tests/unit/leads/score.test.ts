// The lead score: AUC by hand, shrinkage, the time split that never trains on a lead created
// after it (fast-check), and the gate that refuses a score no better than the base rate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LeadRow } from '../../../src/queries/leadRows';
import { addDays } from '../../../src/shared/periods/fiscal';
import { Mulberry32 } from '../../../src/random/mulberry32';
import { auc, calibration, evaluateScore, scoreLead, timeSplit, trainScore } from '../../../src/features/leads/score';

function lead(id: number, created: string, source: string, wonAfterDays: number | null): LeadRow {
  return {
    lead_id: `L${id}`,
    created,
    source,
    owner: 'A',
    country: 'US',
    state: 'NY',
    campaign: null,
    landing_page: null,
    origin: null,
    attr: null,
    company: null,
    status: null,
    to_opp: wonAfterDays !== null,
    first_won: wonAfterDays === null ? null : addDays(created, wonAfterDays),
    won_amount: wonAfterDays === null ? 0 : 100,
    won_unpriced: 0,
    source_file: 'leads.csv',
    source_line: id + 1,
  };
}

/** 2 years of leads, one a day; `rate(source)` their chance of becoming a customer within 30 days. */
function history(seed: number, rate: (source: string) => number): LeadRow[] {
  const rng = new Mulberry32(seed);
  const rows: LeadRow[] = [];
  for (let day = 0; day < 730; day++) {
    const source = rng.next() < 0.5 ? 'Webinar' : 'Cold call';
    const won = rng.next() < rate(source);
    rows.push(lead(day, addDays('2022-01-01', day), source, won ? 1 + Math.floor(rng.next() * 30) : null));
  }
  return rows;
}

describe('lead score', () => {
  it('AUC counts the pairs ranked right, ties as half', () => {
    // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 0.35 beats 0.1, loses to 0.4; 0.8 beats both.
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(3 / 4);
    expect(auc([0.5, 0.5], [true, false])).toBe(0.5);
  });

  it('shrinks a value seen once towards the base rate', () => {
    const rows = [
      ...Array.from({ length: 100 }, (_, i) => lead(i, '2023-01-01', 'Web', i < 20 ? 5 : null)),
      lead(100, '2023-01-01', 'Rare', 5),
    ];
    const model = trainScore(rows, 30);
    const rare = scoreLead(model, rows[100] as LeadRow);
    expect(model.baseRate).toBeCloseTo(21 / 101, 12);
    expect(rare).toBeGreaterThan(model.baseRate); // it converted…
    expect(rare).toBeLessThan(0.3); // …but one lead is no evidence of a 100 % rate
  });

  it('calibration bins split the scored leads in five equal parts', () => {
    const scores = Array.from({ length: 10 }, (_, i) => i / 10);
    const bins = calibration(
      scores,
      scores.map((s) => s >= 0.5),
    );
    expect(bins.map((b) => b.n)).toEqual([2, 2, 2, 2, 2]);
    expect(bins.map((b) => b.observed)).toEqual([0, 0, 0.5, 1, 1]);
  });

  it('never trains on a lead whose outcome was unknown at the split, and scores only later leads', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 700 }), won: fc.option(fc.integer({ min: 0, max: 60 })) }), {
          minLength: 5,
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 90 }),
        (specs, window) => {
          const rows = specs.map((s, i) => lead(i, addDays('2022-01-01', s.day), i % 2 ? 'A' : 'B', s.won));
          const split = timeSplit(rows, '2024-01-01', window);
          if (!split) return;
          const knownBy = addDays(split.splitDate, -window);
          for (const r of split.train) expect(r.created! <= knownBy).toBe(true);
          for (const r of split.test) expect(r.created! >= split.splitDate).toBe(true);
          // Changing every lead not in the training set (attributes and outcomes) changes nothing learned.
          const trainIds = new Set(split.train.map((r) => r.lead_id));
          const mutated = rows.map((r) => (trainIds.has(r.lead_id) ? r : { ...r, source: 'Z', first_won: r.created }));
          const again = timeSplit(mutated, '2024-01-01', window);
          expect(again?.train.map((r) => r.lead_id)).toEqual(split.train.map((r) => r.lead_id));
          expect(trainScore(again?.train ?? [], window)).toEqual(trainScore(split.train, window));
        },
      ),
    );
  });

  it('a source that truly converts better gives a usable score, judged on later leads', () => {
    const rows = history(7, (s) => (s === 'Webinar' ? 0.4 : 0.08));
    const result = evaluateScore(rows, '2024-01-31', 30);
    if (typeof result === 'string') throw new Error(result);
    expect(result.usable).toBe(true);
    expect(result.evaluation.auc).toBeGreaterThan(0.7);
    expect(result.evaluation.splitDate > '2023-01-01').toBe(true);
  });

  it('refuses a score when attributes carry no signal (no ranking better than the base rate)', () => {
    const rows = history(11, () => 0.2);
    const result = evaluateScore(rows, '2024-01-31', 30);
    if (typeof result === 'string') throw new Error(result);
    expect(result.usable).toBe(false);
    expect(result.reason).toMatch(/not reliably better than the base rate/);
  });

  it('says how many conversions are missing when the history is too small', () => {
    const rows = history(3, () => 0.02).slice(0, 200);
    expect(evaluateScore(rows, '2024-01-31', 30)).toMatch(/at least 10 are needed/);
  });
});

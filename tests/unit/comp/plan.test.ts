// Plan JSON: a save/load round trip, and clear messages for bad files.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN } from '../../../src/features/comp/core/plan';
import { parsePlanJson, planToJson } from '../../../src/features/comp/core/validate';

describe('plan JSON', () => {
  it('round-trips the default plan', () => {
    expect(parsePlanJson(planToJson(DEFAULT_PLAN))).toEqual({ ok: true, plan: DEFAULT_PLAN });
  });
  it('says a broken file is not JSON, and how to get a good one', () => {
    const r = parsePlanJson('{"version": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/not valid JSON.*Save a plan/);
  });
  it('names each bad field with its path and the value found', () => {
    const bad = {
      ...DEFAULT_PLAN,
      version: 2,
      curve: {
        ...DEFAULT_PLAN.curve,
        tiers: [
          { from: 0.2, rate: 1 },
          { from: 0.1, rate: -1 },
        ],
      },
      draw: { kind: 'loan', amountCents: 1.5 },
    };
    const r = parsePlanJson(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain('version: must be 1 (got 2); this file is not a pipelens plan or is from a newer version');
    expect(r.errors).toContain('curve.tiers[0].from: the first tier must start at 0');
    expect(r.errors).toContain('curve.tiers[1].rate: must be a number from 0 to 100 (got -1)');
    expect(r.errors).toContain('curve.tiers[1].from: must be greater than the tier before (0.2)');
    expect(r.errors).toContain('draw.kind: must be one of none, recoverable, non_recoverable (got "loan")');
    expect(r.errors).toContain('draw.amountCents: must be whole cents, 0 or more (got 1.5)');
  });
  it('refuses a list where the plan object should be', () => {
    const r = parsePlanJson('[]');
    expect(r.ok ? [] : r.errors).toContain('plan: must be an object');
  });
});

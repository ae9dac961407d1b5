// Plan shapes shared by the hand-computed examples: one role with OTE $100,000 a year,
// 50/50 mix → base $12,500 and target incentive (TI) $12,500 a quarter; quota $100,000 a
// quarter, so the base commission rate (BCR) is TI ÷ quota = 12.5 %.
import type { CommissionCurve, CompPlan, Role } from '../../../src/features/comp/core/plan';

export const ROLE: Role = { id: 'ae', name: 'AE', oteCents: 100_000_00, baseShare: 0.5, teams: [] };
export const TI = 12_500_00;
export const QUOTA = 100_000_00;

export const FLAT: CommissionCurve = { threshold: 0, mode: 'marginal', tiers: [{ from: 0, rate: 1 }], capMultiple: null };
export const ACCEL_TIERS = [
  { from: 0, rate: 1 },
  { from: 1, rate: 1.5 },
  { from: 1.5, rate: 2 },
];

export function plan(patch: Partial<CompPlan> = {}): CompPlan {
  return {
    version: 1,
    name: 'test',
    roles: [ROLE],
    quota: { source: 'table' },
    curve: FLAT,
    spifs: [],
    draw: { kind: 'none', amountCents: 0 },
    clawback: { enabled: false, share: 1 },
    ...patch,
  };
}

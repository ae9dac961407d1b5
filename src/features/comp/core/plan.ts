// The compensation plan: what a sales-ops analyst defines in the form and saves as JSON.
// Money is whole cents, fractions are plain numbers (0.5 = 50 %); see docs/comp.md.

export type TierMode = 'marginal' | 'retroactive';

/** One band of the commission curve: from this attainment upward, pay `rate` × the base commission rate. */
export interface Tier {
  /** Attainment where the band starts (0, 1, 1.5 …); the first tier starts at 0. */
  readonly from: number;
  /** Multiplier of the base commission rate: 1 on target, > 1 accelerator, < 1 decelerator. */
  readonly rate: number;
}

export interface CommissionCurve {
  /** No commission below this attainment (a gate; from the first dollar once passed). */
  readonly threshold: number;
  readonly mode: TierMode;
  readonly tiers: readonly Tier[];
  /** Commission never exceeds this multiple of the period's target incentive; null = uncapped. */
  readonly capMultiple: number | null;
}

export interface Role {
  readonly id: string;
  readonly name: string;
  /** On-target earnings per year, cents. */
  readonly oteCents: number;
  /** Share of OTE paid as base salary (0.5 = a 50/50 mix). */
  readonly baseShare: number;
  /** Teams (reps.team) that have this role; the first role is the default for everyone else. */
  readonly teams: readonly string[];
}

export type QuotaSetting =
  | { readonly source: 'table' }
  | {
      readonly source: 'top_down';
      /** Company bookings target per quarter, cents. */
      readonly companyTargetCents: number;
      /** Quotas add up to target × this (1.1 = 10 % over-assignment). */
      readonly overAssignment: number;
      readonly shareBy: 'potential' | 'history' | 'equal';
    }
  | {
      readonly source: 'bottom_up';
      /** A fixed win rate for every rep; null = each rep's own win rate by value before the period. */
      readonly winRate: number | null;
    };

export interface Spif {
  readonly name: string;
  /** Only won deals of this product (null = any product). */
  readonly product: string | null;
  /** Only won deals of this deal type (null = any type). */
  readonly dealType: string | null;
  /** Flat bonus per qualifying deal, cents. */
  readonly perDealCents: number;
  /** Share of the qualifying deals' amount (0.02 = 2 %). */
  readonly percentOfAmount: number;
}

export interface Draw {
  readonly kind: 'none' | 'recoverable' | 'non_recoverable';
  /** Guaranteed variable pay per quarter, cents. */
  readonly amountCents: number;
}

export interface Clawback {
  readonly enabled: boolean;
  /** Share of the commission paid on a deal that is taken back when it is lost after being won. */
  readonly share: number;
}

export interface CompPlan {
  readonly version: 1;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly quota: QuotaSetting;
  readonly curve: CommissionCurve;
  readonly spifs: readonly Spif[];
  readonly draw: Draw;
  readonly clawback: Clawback;
}

/** A conventional starting plan: 50/50 mix, gate at 50 %, accelerators above quota, cap at 3× target. */
export const DEFAULT_PLAN: CompPlan = {
  version: 1,
  name: 'Standard AE plan',
  roles: [{ id: 'ae', name: 'Account executive', oteCents: 200_000_00, baseShare: 0.5, teams: [] }],
  quota: { source: 'table' },
  curve: {
    threshold: 0.5,
    mode: 'marginal',
    tiers: [
      { from: 0, rate: 1 },
      { from: 1, rate: 1.5 },
      { from: 1.5, rate: 2 },
    ],
    capMultiple: 3,
  },
  spifs: [],
  draw: { kind: 'none', amountCents: 0 },
  clawback: { enabled: true, share: 1 },
};

/** The role that applies to a rep's team. */
export function roleFor(plan: CompPlan, team: string | null): Role {
  const found = team === null ? undefined : plan.roles.find((r) => r.teams.includes(team));
  const role = found ?? plan.roles[0];
  if (!role) throw new Error('The plan has no role; add one.');
  return role;
}

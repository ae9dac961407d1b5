// The stage → probability table behind the stage-weighted forecast: the export's own
// probability when it has one, else a conventional default by the stage's name, else
// none (the method then uses the win rate known on the as-of date). The user can edit it.

export type StageSource = 'export' | 'default' | 'user' | 'win_rate';

export interface StageProbability {
  readonly stage: string;
  readonly probability: number | null;
  readonly source: StageSource;
  readonly openDeals: number;
}

/** Typical CRM defaults (Salesforce's standard sales process and common pipelines). */
const DEFAULTS: readonly [RegExp, number][] = [
  [/prospect|lead|new/i, 0.1],
  [/qualif/i, 0.2],
  [/engag|contact|meeting|discovery/i, 0.3],
  [/needs|analysis|demo|value/i, 0.4],
  [/propos|quote|pricing/i, 0.6],
  [/negotiat|review/i, 0.8],
  [/commit|verbal|contract/i, 0.9],
];

export function defaultProbability(stage: string): number | null {
  for (const [pattern, p] of DEFAULTS) if (pattern.test(stage)) return p;
  return null;
}

export function stageTable(
  rows: readonly { stage: string; probability: number | null; open_deals: number; closed_only: boolean }[],
  overrides: Readonly<Record<string, number>> = {},
): StageProbability[] {
  return rows
    .filter((r) => !r.closed_only)
    .map((r) => {
      const user = overrides[r.stage];
      if (user !== undefined && Number.isFinite(user))
        return { stage: r.stage, probability: clamp(user), source: 'user', openDeals: r.open_deals };
      if (r.probability !== null)
        return { stage: r.stage, probability: clamp(r.probability), source: 'export', openDeals: r.open_deals };
      const guess = defaultProbability(r.stage);
      return guess === null
        ? { stage: r.stage, probability: null, source: 'win_rate', openDeals: r.open_deals }
        : { stage: r.stage, probability: guess, source: 'default', openDeals: r.open_deals };
    });
}

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}

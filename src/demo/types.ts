// Public option and table types of the demo generator (re-exported by generator.ts).

export interface DemoOptions {
  /** Any integer (a fractional part is ignored); the same seed gives the same bytes. */
  seed: number;
  /** Number of opportunity records (≥ 50); the other tables scale with it. */
  opportunities: number;
  /** ISO YYYY-MM-DD, default '2026-09-30': "today" of the demo; nothing is created after it. */
  referenceDate?: string;
}

export type DemoTable = 'opportunities' | 'reps' | 'accounts' | 'leads' | 'quotas' | 'spend' | 'stage_history';

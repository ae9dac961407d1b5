// Pipeline movement across the engine door (docs/movement.md): how one period's pipeline went
// from date A to date B, step by step, read from stage history. Money is in whole cents so
// that the start plus the steps equals the end exactly.
import type { DashboardRequest } from '../../../shared/request';

/** The steps, in the waterfall's order (docs/movement.md states each one's rule). */
export const MOVEMENT_STEPS = ['created', 'pulled_in', 'increased', 'decreased', 'pushed_out', 'won', 'lost'] as const;
export type MovementStep = (typeof MOVEMENT_STEPS)[number];

export function isMovementStep(text: string): text is MovementStep {
  return (MOVEMENT_STEPS as readonly string[]).includes(text);
}

/** The two dates compared (ISO days, from < to); absent = the 7 days up to the reference date. */
export interface MovementWindow {
  readonly from: string;
  readonly to: string;
}

export interface MovementRequest {
  /** The dashboard view: its period is the pipeline's period; its filters and reference date apply. */
  readonly dashboard: DashboardRequest;
  readonly window?: MovementWindow;
}

export interface MovementFigure {
  readonly count: number;
  /** Σ amount (or Σ change, for a step) in cents. */
  readonly cents: number;
}

export interface MovementStepFigure extends MovementFigure {
  readonly step: MovementStep;
}

/** Two snapshots of the deals export that movement reads instead of history (docs/movement.md). */
export interface MovementSnapshots {
  readonly earlier: { readonly date: string; readonly file: string };
  readonly later: { readonly date: string; readonly file: string };
}

export type MovementResult =
  | {
      readonly available: true;
      readonly from: string;
      readonly to: string;
      /** "2026 Q3", "all time": whose pipeline this is. */
      readonly periodLabel: string;
      readonly currency: string | null;
      readonly start: MovementFigure;
      readonly steps: readonly MovementStepFigure[];
      readonly end: MovementFigure;
      /** Deals in the pipeline at A and at B with the same amount (not a step). */
      readonly unchanged: number;
      /** Deals of the view open at B with no history row up to B: not in either pipeline, said on screen. */
      readonly withoutHistory: number;
      /** Deals in either pipeline whose amount is blank at that date: counted, adding nothing. */
      readonly withoutAmount: number;
      /** Read from two snapshots: their dates are the two dates, whatever window was asked. */
      readonly snapshots?: MovementSnapshots;
      /** Snapshots only: deals in the pipeline at A the later file does not hold (no step; all filters). */
      readonly removed?: MovementFigure;
    }
  | { readonly available: false; readonly reason: string; readonly from: string; readonly to: string };

export interface MovementApi {
  /** The pipeline of the view's period at two dates and the steps between them. */
  movement(request: MovementRequest): Promise<MovementResult>;
}
